// One vitest config for every package: rule tests wired to RuleTester, plus a JSON
// report that scripts/summary.mjs adds up into CI's closing "N passed, N failed" line.
// Workspace libraries resolve to their sources, so tests never wait for (or race) a build.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { defineConfig } from 'vitest/config';

const source = (path) => fileURLToPath(new URL(`./packages/${path}`, import.meta.url));

// scripts/test-eslint-compat.mjs installs another ESLint major (with a matching RuleTester) in a
// side folder and points PRODREADY_ESLINT_DIR at it: the same tests then run on that ESLint.
const compatDir = process.env.PRODREADY_ESLINT_DIR;
const compatRequire = compatDir ? createRequire(join(compatDir, 'package.json')) : undefined;
const compatAliases = compatRequire
  ? ['eslint', 'eslint/use-at-your-own-risk', '@typescript-eslint/rule-tester'].map((id) => ({
      find: new RegExp(`^${id.replaceAll('/', '\\/')}$`),
      replacement: compatRequire.resolve(id),
    }))
  : [];

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@prodready\/eslint-rule-kit$/, replacement: source('eslint-rule-kit/src/index.ts') },
      { find: /^@prodready\/test-kit$/, replacement: source('test-kit/src/index.ts') },
      ...compatAliases,
    ],
  },
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.mjs'],
    setupFiles: [source('test-kit/src/vitest-setup.ts')],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default', ['json', { outputFile: process.env.PRODREADY_VITEST_REPORT ?? 'reports/vitest.json' }]],
  },
});
