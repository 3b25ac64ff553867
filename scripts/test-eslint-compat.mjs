#!/usr/bin/env node
// Runs the current package's tests on ESLint 9 (the floor of our peer range, `^9.15 || ^10`):
// installs that ESLint with a matching typescript-eslint RuleTester into a side folder under
// node_modules/.cache once, then runs vitest with PRODREADY_ESLINT_DIR pointing there
// (vitest.shared.mjs aliases `eslint` and the RuleTester to it). Report: reports/vitest-eslint9.json.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import { ROOT } from './lib/workspace.mjs';

export const ESLINT_VERSION = '9.15.0';
const require = createRequire(join(ROOT, 'package.json'));
const tsEslintVersion = JSON.parse(readFileSync(require.resolve('@typescript-eslint/rule-tester/package.json'), 'utf8')).version;
const dir = join(ROOT, 'node_modules', '.cache', 'prodready-eslint-compat', `eslint-${ESLINT_VERSION}-tse-${tsEslintVersion}`);

function installed() {
  try {
    return JSON.parse(readFileSync(join(dir, 'node_modules', 'eslint', 'package.json'), 'utf8')).version === ESLINT_VERSION;
  } catch {
    return false;
  }
}

if (!installed()) {
  // Several packages may run this at once under turbo: install into a private folder and rename.
  const staging = `${dir}.${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  writeFileSync(
    join(staging, 'package.json'),
    `${JSON.stringify(
      {
        private: true,
        dependencies: {
          eslint: ESLINT_VERSION,
          '@typescript-eslint/rule-tester': tsEslintVersion,
          '@typescript-eslint/parser': tsEslintVersion,
        },
      },
      null,
      2,
    )}\n`,
  );
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: staging, stdio: 'inherit' });
  if (!installed()) {
    try {
      renameSync(staging, dir);
    } catch (error) {
      if (!installed()) throw error; // another process won the race: use its folder
    }
  }
  rmSync(staging, { recursive: true, force: true });
}

const result = spawnSync('npx', ['vitest', 'run', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: {
    ...process.env,
    PRODREADY_ESLINT_DIR: dir,
    PRODREADY_EXPECT_ESLINT: ESLINT_VERSION,
    PRODREADY_VITEST_REPORT: 'reports/vitest-eslint9.json',
  },
});
process.exit(result.status ?? 1);
