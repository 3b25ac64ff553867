import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Known credential formats: each prefix is issued by one vendor, so a match is a real key, not a guess. */
const KEY_FORMATS: ReadonlyArray<{ name: string; pattern: RegExp }> = [
  { name: 'an AWS access key', pattern: /\bAKIA[0-9A-Z]{16}\b/g },
  { name: 'a GitHub token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{60,})\b/g },
  { name: 'a Stripe live secret key', pattern: /\b[sr]k_live_[0-9A-Za-z]{24,}\b/g },
  { name: 'a Slack token', pattern: /\bxox[abprs]-[0-9A-Za-z-]{10,}/g },
  { name: 'an OpenAI API key', pattern: /\bsk-(?:(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,}|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})/g },
  { name: 'an Anthropic API key', pattern: /\bsk-ant-(?:api|admin)\d{2}-[A-Za-z0-9_-]{60,}/g },
  { name: 'a SendGrid API key', pattern: /\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}\b/g },
  { name: 'a private key', pattern: /-----BEGIN (?:RSA |EC |DSA |OPENSSH |PGP |ENCRYPTED )?PRIVATE KEY(?: BLOCK)?-----/g },
  {
    name: 'a database URL with a password',
    pattern: /\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?):\/\/[^:\s/@'"]+:[^@\s'"]+@[^/\s:'"?]+/g,
  },
];

/** Every format's fixed part: lines without one are skipped before the nine patterns run. */
const PREFILTER = /AKIA|gh[pousr]_|github_pat_|k_live_|xox[abprs]-|sk-|SG\.|PRIVATE KEY|:\/\//;

/** Config files where a committed secret hides: dotenv files, JSON, YAML, TOML. */
const CONFIG_FILE = /^(?:\.env(?:\..+)?|.+\.(?:json|ya?ml|toml))$/;
const SKIPPED_FILES = new Set(['package-lock.json', 'npm-shrinkwrap.json', 'pnpm-lock.yaml', 'yarn.lock', 'composer.lock']);
// Fixture folders hold throwaway test keys on purpose.
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'build', 'out', 'coverage', 'vendor', 'fixtures', '__fixtures__', '__mocks__']);
/** Placeholder hosts and passwords of local or documented setups: not a leak. */
const LOCAL_HOST = /^(?:localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|\[::1\]|[a-z0-9_-]+|[^.]+\.(?:local|internal|test|example|invalid)|(?:.+\.)?example\.(?:com|org|net))$/i;
const MAX_BYTES = 1_000_000;

export interface SecretHit {
  /** Relative path, POSIX separators. */
  file: string;
  line: number;
  column: number;
  endColumn: number;
  /** What kind of credential, e.g. `a Stripe live secret key`. */
  kind: string;
}

/**
 * Credentials of known formats in the project's config files (`.env*`, JSON, YAML, TOML), skipping
 * files `isIgnored` says git ignores (a local `.env` is fine; a committed one is not) and
 * placeholders (`sk_live_xxxxxxxx…`, `postgres://user:pass@localhost`).
 */
export function findSecretsInConfigFiles(cwd: string, isIgnored: (relativePath: string) => boolean): SecretHit[] {
  const hits: SecretHit[] = [];
  const walk = (dir: string, prefix: string, depth: number): void => {
    if (depth > 8) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const relativePath = `${prefix}${entry.name}`;
      if (entry.isDirectory()) {
        // `.github` holds workflows, where a pasted token is a classic; other dot-folders are tool caches.
        if (SKIPPED_FOLDERS.has(entry.name) || (entry.name.startsWith('.') && entry.name !== '.github')) continue;
        if (!isIgnored(`${relativePath}/`)) walk(join(dir, entry.name), `${relativePath}/`, depth + 1);
      } else if (entry.isFile() && CONFIG_FILE.test(entry.name) && !SKIPPED_FILES.has(entry.name) && !isIgnored(relativePath)) {
        const path = join(dir, entry.name);
        if (statSync(path).size <= MAX_BYTES) hits.push(...scanText(readFileSync(path, 'utf8'), relativePath));
      }
    }
  };
  walk(cwd, '', 0);
  return hits;
}

/** The credentials in one file's text. */
export function scanText(text: string, file: string): SecretHit[] {
  const hits: SecretHit[] = [];
  if (!PREFILTER.test(text)) return hits;
  const lines = text.split(/\r?\n/);
  lines.forEach((line, index) => {
    if (!PREFILTER.test(line)) return;
    for (const { name, pattern } of KEY_FORMATS) {
      for (const match of line.matchAll(pattern)) {
        if (isPlaceholder(match[0], () => lines.slice(index, index + 3).join('\n').slice(match.index, match.index + 400))) continue;
        hits.push({ file, line: index + 1, column: match.index + 1, endColumn: match.index + 1 + match[0].length, kind: name });
      }
    }
  });
  return hits;
}

/** `following`: the text from the match on, where a private key's body has to be. */
function isPlaceholder(value: string, following: () => string): boolean {
  const url = /^[a-z+]+:\/\/[^:]+:([^@]+)@(.+)$/i.exec(value);
  if (url) {
    const [, password = '', host = ''] = url;
    return LOCAL_HOST.test(host) || /^(?:\$\{?|<|\[|\{\{|%|\*+$|x+$|password$|pass$|secret$|changeme$)/i.test(password);
  }
  // `-----BEGIN PRIVATE KEY-----\n...\n-----END…`: a template; a real key has a long base64 body.
  if (value.startsWith('-----BEGIN')) return !/^[A-Za-z0-9+/=]{64,}/.test(following().slice(value.length).replaceAll('\\n', '').replace(/^["'\s]+/, '').replace(/\s+/g, ''));
  // `sk_live_XXXXXXXXXXXXXXXXXXXXXXXX`, `AKIAxxxxxxxxxxxxxxxx`: documentation, not a key.
  const body = value.replace(/^[A-Za-z]+[-_.]/, '');
  return new Set(body.toLowerCase()).size < 8 || /(?:x{6,}|0{8,}|your|example|placeholder|dummy)/i.test(body);
}
