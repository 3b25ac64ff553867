export interface SecretFormat {
  /** What the value is, for messages: `'AWS access key ID'`. */
  readonly label: string;
}

// Formats with a fixed prefix and enough entropy that a match is a real key, not a word.
const FORMATS: readonly (readonly [RegExp, string])[] = [
  [/^(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}$/, 'AWS access key ID'],
  [/^(?:sk|rk)_live_[0-9A-Za-z]{20,}$/, 'Stripe live secret key'],
  [/^whsec_[0-9A-Za-z+/=]{24,}$/, 'Stripe webhook signing secret'],
  [/^(?:ghp|gho|ghu|ghs|ghr)_[0-9A-Za-z]{36}$/, 'GitHub token'],
  [/^github_pat_[0-9A-Za-z_]{60,}$/, 'GitHub fine-grained token'],
  [/^xox[abposr]-[0-9A-Za-z-]{10,}$/, 'Slack token'],
  [/^AIza[0-9A-Za-z_-]{35}$/, 'Google API key'],
  [/^sk-(?:proj-|svcacct-|admin-)?[0-9A-Za-z_-]{40,}$/, 'OpenAI API key'],
  [/^sk-[0-9A-Za-z]{20}T3BlbkFJ[0-9A-Za-z]{20}$/, 'OpenAI API key'],
  [/^sk-ant-(?:api|admin)\d\d-[0-9A-Za-z_-]{80,}$/, 'Anthropic API key'],
  [/^SG\.[0-9A-Za-z_-]{22}\.[0-9A-Za-z_-]{43}$/, 'SendGrid API key'],
  [/^glpat-[0-9A-Za-z_-]{20,}$/, 'GitLab token'],
  [/^npm_[0-9A-Za-z]{36}$/, 'npm token'],
  [/^-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----/, 'private key'],
];
const JWT = /^eyJ[0-9A-Za-z_-]{8,}\.eyJ[0-9A-Za-z_-]{8,}\.[0-9A-Za-z_-]{16,}$/;
// Documented sample values (AWS's `AKIAIOSFODNN7EXAMPLE`, keys full of `x`).
const SAMPLE = /EXAMPLE|(?:x{8}|X{8}|0{8}|1234567890)/;

/**
 * The kind of credential `value` is by its format alone (AWS, Stripe live, GitHub, Slack, Google, OpenAI,
 * Anthropic, SendGrid, GitLab and npm keys, PEM private keys, signed JWTs), or `undefined`.
 * Documented samples and JWTs whose payload says `"role":"anon"` (Supabase's public key) are not credentials.
 */
export function getSecretFormat(value: string): SecretFormat | undefined {
  const trimmed = value.trim();
  if (trimmed.length < 20 || SAMPLE.test(trimmed)) return undefined;
  if (JWT.test(trimmed)) return isPublicJwt(trimmed) ? undefined : { label: 'signed JSON Web Token' };
  for (const [pattern, label] of FORMATS) {
    if (pattern.test(trimmed)) return { label };
  }
  return undefined;
}

function isPublicJwt(token: string): boolean {
  const payload = token.split('.')[1] ?? '';
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return typeof claims === 'object' && claims !== null && (claims as { role?: unknown }).role === 'anon';
  } catch {
    return false;
  }
}
