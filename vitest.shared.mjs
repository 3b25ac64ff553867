// One vitest config for every package: rule tests wired to RuleTester, plus a JSON
// report that scripts/summary.mjs adds up into CI's closing "N passed, N failed" line.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.mjs'],
    setupFiles: ['@prodready/test-kit/vitest-setup'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default', ['json', { outputFile: '.vitest-result.json' }]],
  },
});
