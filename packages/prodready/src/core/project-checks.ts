import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import type { Finding, GapKey } from '../report/index.js';
import { findMissingIndexes } from './missing-indexes.js';
import { findSecretsInConfigFiles } from './secrets.js';

/** The project-level checks, for `explain` and the rule list of SARIF. */
export const PROJECT_RULES: Record<string, { gap: GapKey; description: string; why: string; fix: string }> = {
  'prodready/no-test-script': {
    gap: 'testing',
    description: 'Require a `test` script in package.json',
    why: 'CI pipelines and deploy hooks run `npm test`; without a script, nothing checks the code before it ships.',
    fix: 'Add a test runner (vitest, jest or node:test) and a `"test"` script that runs it.',
  },
  'prodready/no-test-files': {
    gap: 'testing',
    description: 'Require at least one test file',
    why: 'Code generated without tests has never been run against its edge cases; the first user does that.',
    fix: 'Start with the request handlers that touch money, auth or data: one test per happy path and per rejection.',
  },
  'prodready/missing-lockfile': {
    gap: 'maintainability',
    description: 'Require a committed lockfile',
    why: 'Without a lockfile every install resolves the newest matching versions, so production runs dependencies nobody tested.',
    fix: 'Run your package manager’s install and commit the lockfile it writes (package-lock.json, pnpm-lock.yaml, yarn.lock, bun.lock).',
  },
  'prodready/no-committed-env-file': {
    gap: 'security',
    description: 'Disallow committing `.env` files',
    why: 'A `.env` file holds the real secrets of an environment; once committed they stay in the history for everyone with access.',
    fix: 'Add `.env*` (but not `.env.example`) to .gitignore, remove the file with `git rm --cached`, and rotate the secrets in it.',
  },
  'prodready/missing-index': {
    gap: 'scalability',
    description: 'Require a database index on fields that queries filter on',
    why: 'A `where` on a column without an index scans the whole table: fast on seed data, a timeout once the table has millions of rows.',
    fix: 'Add `@@index([field])` (or `@unique` when the value is unique) to the Prisma model and create a migration.',
  },
  'prodready/no-secret-in-config': {
    gap: 'security',
    description: 'Disallow credentials of known formats in committed config files',
    why: 'Keys in JSON, YAML or dotenv files are committed with them; scrapers find pushed AWS, Stripe and GitHub keys within minutes.',
    fix: 'Move the value to the environment or a secret manager, read it with `process.env`, and rotate the leaked key.',
  },
};

const LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lockb', 'bun.lock'];
/** `.env.example` and friends document variables and belong in the repository. */
const ENV_FILE = /^\.env(?:\..+)?$/;
const ENV_TEMPLATE = /\.(?:example|sample|template|dist|defaults)$/;
/**
 * Per-environment defaults for tests and local development are committed on purpose (Next.js and
 * Vite document it); their values are still scanned for real keys by `no-secret-in-config`.
 */
const ENV_DEFAULTS = /^\.env\.(?:test|development|dev|ci|e2e)$/;
const TEST_FILE = /\.(?:test|spec)\.[cm]?[jt]sx?$/;
const TEST_FOLDERS = new Set(['test', 'tests', '__tests__', 'spec', 'e2e']);
const SKIPPED = new Set(['node_modules', 'dist', 'build', 'coverage']);

interface PackageJson {
  scripts?: Record<string, string>;
  workspaces?: unknown;
}

/**
 * Checks on the project rather than on one file: no tests or test script (gap 3), `.env`
 * files that would be committed (gap 2), no lockfile (gap 5: builds are not reproducible).
 */
export function runProjectChecks(cwd: string): Finding[] {
  const findings: Finding[] = [];
  const pkg = readPackageJson(cwd);
  if (pkg) {
    const testScript = pkg.scripts?.test;
    if (!testScript || /no test specified/.test(testScript)) {
      findings.push(project('testing', 'no-test-script', 'package.json', 'package.json has no `test` script, so CI runs no tests before deploying.'));
    }
    if (!hasLockfile(cwd)) {
      findings.push(
        project('maintainability', 'missing-lockfile', 'package.json', 'No lockfile: every install may resolve different dependency versions than the ones you tested.', 'warning'),
      );
    }
  }
  if (!hasTestFiles(cwd, 0)) {
    findings.push(project('testing', 'no-test-files', '', 'No test files found: nothing checks this code before it ships.'));
  }
  const ignores = readGitIgnore(cwd);
  for (const name of readdirSync(cwd)) {
    if (ENV_FILE.test(name) && !ENV_TEMPLATE.test(name) && !ENV_DEFAULTS.test(name) && !isIgnored(ignores, name)) {
      findings.push(project('security', 'no-committed-env-file', name, `\`${name}\` is not in .gitignore; its secrets end up in the repository history.`));
    }
  }
  for (const hit of findSecretsInConfigFiles(cwd, (path) => isIgnored(ignores, path))) {
    findings.push({
      ...project('security', 'no-secret-in-config', hit.file, `This looks like ${hit.kind} in a committed file; anyone with access to the repository can use it. Move it to the environment and rotate it.`),
      line: hit.line,
      column: hit.column,
      endLine: hit.line,
      endColumn: hit.endColumn,
    });
  }
  for (const missing of findMissingIndexes({ root: cwd })) {
    findings.push({
      ...project(
        'scalability',
        'missing-index',
        missing.file,
        `Queries filter ${missing.model} on \`${missing.field}\`, which has no index in schema.prisma; each such query scans the whole table. Add @@index([${missing.field}]).`,
        'warning',
      ),
      line: missing.line,
    });
  }
  return findings;
}

function project(gap: Finding['gap'], rule: string, file: string, message: string, severity: Finding['severity'] = 'error'): Finding {
  return { tool: 'project', gap, ruleId: `prodready/${rule}`, severity, file, message };
}

/** A lockfile here or in a parent folder (a workspace root), up to the repository root. */
function hasLockfile(cwd: string): boolean {
  for (let dir = cwd; ; dir = dirname(dir)) {
    if (LOCKFILES.some((name) => existsSync(join(dir, name)))) return true;
    if (existsSync(join(dir, '.git')) || dirname(dir) === dir) return false;
  }
}

function readPackageJson(cwd: string): PackageJson | undefined {
  try {
    return JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8')) as PackageJson;
  } catch {
    return undefined;
  }
}

function hasTestFiles(dir: string, depth: number): boolean {
  if (depth > 8) return false;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (entry.name.startsWith('.') || SKIPPED.has(entry.name)) continue;
      if (TEST_FOLDERS.has(entry.name) || hasTestFiles(join(dir, entry.name), depth + 1)) return true;
    } else if (TEST_FILE.test(entry.name)) {
      return true;
    }
  }
  return false;
}

/** The root .gitignore's patterns as regexes over relative paths (a simple reading: no negation, no nested files). */
function readGitIgnore(cwd: string): RegExp[] {
  let text: string;
  try {
    text = readFileSync(join(cwd, '.gitignore'), 'utf8');
  } catch {
    return [];
  }
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#') && !line.startsWith('!'))
    .map((pattern) => {
      const folderOnly = pattern.endsWith('/');
      const body = pattern.replace(/\/$/, '');
      // A pattern with an inner slash is anchored at the root; one without matches a name at any depth.
      const anchored = body.includes('/');
      const source = body
        .replace(/^\//, '')
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*\*\//g, '(?:.*/)?')
        .replace(/\*\*/g, '.*')
        .replace(/\*/g, '[^/]*')
        .replace(/\?/g, '[^/]');
      return new RegExp(`${anchored ? '^' : '(?:^|/)'}${source}${folderOnly ? '/' : '(?:/|$)'}`);
    });
}

function isIgnored(patterns: readonly RegExp[], relativePath: string): boolean {
  return patterns.some((pattern) => pattern.test(relativePath));
}
