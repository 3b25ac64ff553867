const URL_WITH_PASSWORD = /^[a-z][\w+.-]*:\/\/([^:/@\s]*):([^@/\s]+)@([^/:?#\s]*)/i;
const LOCAL_HOST = /^(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\]|host\.docker\.internal)$/i;
const PLACEHOLDER_PASSWORD = /^(?:password|pass|passwd|pwd|secret|\*+|x+|\.\.\.|<[^>]*>|\[[^\]]*\]|\{[^}]*\}|\$\{[^}]*\}|%[^%]*%|:\w+)$/i;

/**
 * `true` when `value` is a URL carrying a real password (`postgres://app:s3cret@db.internal/shop`).
 * Local development databases (`localhost`, `127.0.0.1`) and placeholder passwords
 * (`<password>`, `${DB_PASS}`, `password`, `****`) are not counted.
 */
export function hasUrlCredentials(value: string): boolean {
  const match = URL_WITH_PASSWORD.exec(value.trim());
  if (!match) return false;
  const [, , password = '', host = ''] = match;
  return !LOCAL_HOST.test(host) && !PLACEHOLDER_PASSWORD.test(decodeURIComponentSafe(password));
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
