const PLACEHOLDER =
  /^(?:x+|\*+|\.+|-+|_+|#+|0+|\?+|null|undefined|none|n\/a|todo|tbd|redacted|dummy|placeholder)$|<[^>]+>|\$\{|\{\{|%\w+%|^(?:your|enter|insert|replace|put|add)[-_ ]|(?:^|[-_ ])(?:here|placeholder|example|sample|dummy|redacted|replace[-_]?me|change[-_]?this)(?:$|[-_ ])/i;
// `JWT_SECRET`, `API_KEY_HEADER`: an environment variable, DI token or storage name, not its value.
const CONSTANT_NAME = /^[A-Z][A-Z0-9]*(?:[_.][A-Z0-9]+)+$/;
const PATH = /^(?:\.{0,2}\/|~\/|[A-Za-z]:\\)|\.(?:pem|key|crt|cert|p12|pfx|json|txt|env)$/i;
const PLAIN_URL = /^(?:https?|wss?):\/\/[^@\s]*$/i;
// `'^9.0.2'`: a dependency range under a package name such as `jsonwebtoken`.
const VERSION = /^[~^<>=v]*\d+\.\d+(?:\.\d+)?(?:[-+][\w.]+)?$/;
const PASSWORD_HASH = /^\$(?:2[abxy]?|argon2(?:id|i|d)|scrypt|pbkdf2[-\w]*)\$/;
// `'x-api-key'`, `'access_token'`, `'accessToken'`: a header, parameter or storage key naming a token or key.
const NAME_OF_TOKEN = /^[A-Za-z][A-Za-z0-9]*(?:[-_.:/][A-Za-z0-9]+)*$/;
const TOKEN_WORD = /token|key|auth/i;
// `'incorrectPassword'`, `'auth/wrong-password'`, `'password_too_short'`: an error code or i18n key.
const MESSAGE_CODE_WORD =
  /^(?:incorrect|invalid|missing|wrong|required|empty|weak|mismatch|too|short|long|expired|not|must|error|failed|reset|forgot|confirm|match|label|placeholder|title|hint|help|message|msg)$/;
// Prose uses function words; a passphrase like `'keyboard cat'` does not.
const FUNCTION_WORD = /^(?:is|are|be|must|not|the|a|an|your|or|and|to|of|for|with|should|cannot|can't|please)$/i;

/**
 * `true` when `value`, assigned to a secret-named `name` (see `isSecretName`), looks like the credential itself
 * rather than a placeholder (`''`, `'xxx'`, `'<your-key>'`, `'${API_KEY}'`), prose (`'Password is required.'`),
 * a path or URL, a password hash, or the name of a key or header (`'JWT_SECRET'`, `'x-api-key'`).
 * Weak real values (`'changeme'`, `'keyboard cat'`, `'admin123'`) count: they are what attackers try first.
 */
export function isCredentialValue(value: string, name: string): boolean {
  const trimmed = value.trim();
  if (trimmed.length < 3 || PLACEHOLDER.test(trimmed) || CONSTANT_NAME.test(trimmed)) return false;
  if (PATH.test(trimmed) || PLAIN_URL.test(trimmed) || PASSWORD_HASH.test(trimmed) || VERSION.test(trimmed) || isProse(trimmed)) {
    return false;
  }
  if (NAME_OF_TOKEN.test(trimmed) && getWords(trimmed).some((word) => MESSAGE_CODE_WORD.test(word))) return false;
  return !(NAME_OF_TOKEN.test(trimmed) && TOKEN_WORD.test(trimmed) && /token|key/i.test(name) && !/secret/i.test(trimmed));
}

function isProse(value: string): boolean {
  if (!/\s/.test(value)) return false;
  const words = value.split(/\s+/);
  return words.length >= 3 || words.some((word) => FUNCTION_WORD.test(word)) || /^[A-Z][a-z]/.test(value) || /[.!?:]$/.test(value);
}

function getWords(value: string): string[] {
  return value
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9']+/)
    .filter(Boolean);
}
