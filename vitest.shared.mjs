// One vitest config for every package: rule tests wired to RuleTester, plus a JSON
// report that scripts/summary.mjs adds up into CI's closing "N passed, N failed" line.
// Workspace libraries resolve to their sources, so tests never wait for (or race) a build.
import { fileURLToPath } from 'node:url';

import { defineConfig } from 'vitest/config';

const source = (path) => fileURLToPath(new URL(`./packages/${path}`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@prodready\/eslint-rule-kit$/, replacement: source('eslint-rule-kit/src/index.ts') },
      { find: /^@prodready\/test-kit$/, replacement: source('test-kit/src/index.ts') },
    ],
  },
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.mjs'],
    setupFiles: [source('test-kit/src/vitest-setup.ts')],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
  },
});
