import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** What the nearest package.json says about the project, as far as prodready's defaults care. */
export interface ProjectFacts {
  /** `false` when a package.json was found and names no test runner; `undefined` when unsure. */
  hasTestRunner: boolean | undefined;
  /** Test runners with an ESLint plugin prodready can bundle, when the package.json names them. */
  runners: { vitest: boolean; jest: boolean };
}

// Test runners that bring their own package; node:test (`node --test`, `tsx --test`), `bun test` and
// `deno test` show up in scripts instead.
const TEST_RUNNERS = [
  'vitest',
  'jest',
  'mocha',
  'ava',
  'jasmine',
  'tap',
  'uvu',
  '@playwright/test',
  'cypress',
  '@japa/runner',
];
const BUILT_IN_RUNNER = /(?:^|\s)--test\b|\bbun\s+test\b|\bdeno\s+test\b/;

interface PackageJson {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  scripts?: Record<string, string>;
}

/** Read the package.json nearest to `cwd` (walking up). Never throws: an unreadable file means "unsure". */
export function detectProject(cwd: string): ProjectFacts {
  const pkg = readNearestPackageJson(cwd);
  if (pkg === undefined) return { hasTestRunner: undefined, runners: { vitest: false, jest: false } };
  const deps = { ...pkg.peerDependencies, ...pkg.devDependencies, ...pkg.dependencies };
  const scripts = Object.values(pkg.scripts ?? {});
  const hasTestRunner =
    TEST_RUNNERS.some((name) => name in deps) || scripts.some((script) => BUILT_IN_RUNNER.test(script));
  return { hasTestRunner, runners: { vitest: 'vitest' in deps, jest: 'jest' in deps || 'ts-jest' in deps } };
}

function readNearestPackageJson(cwd: string): PackageJson | undefined {
  for (let dir = cwd; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      try {
        return JSON.parse(readFileSync(file, 'utf8')) as PackageJson;
      } catch {
        return undefined;
      }
    }
    if (dirname(dir) === dir) return undefined;
  }
}
