import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import type { Finding } from '../report/index.js';

const LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lockb', 'bun.lock'];
/** `.env.example` and friends document variables and belong in the repository. */
const ENV_FILE = /^\.env(?:\..+)?$/;
const ENV_TEMPLATE = /\.(?:example|sample|template|dist|defaults)$/;
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
  for (const name of readdirSync(cwd)) {
    if (ENV_FILE.test(name) && !ENV_TEMPLATE.test(name) && !isGitIgnored(cwd, name)) {
      findings.push(project('security', 'no-committed-env-file', name, `\`${name}\` is not in .gitignore; its secrets end up in the repository history.`));
    }
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

/** A simple reading of the root .gitignore: an exact name, `.env*`-style prefix globs, or `*.env`-less patterns. */
function isGitIgnored(cwd: string, name: string): boolean {
  let text: string;
  try {
    text = readFileSync(join(cwd, '.gitignore'), 'utf8');
  } catch {
    return false;
  }
  return text
    .split(/\r?\n/)
    .map((line) => line.trim().replace(/^\//, ''))
    .filter((line) => line && !line.startsWith('#') && !line.startsWith('!'))
    .some((pattern) => {
      const regex = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
      return regex.test(name);
    });
}
