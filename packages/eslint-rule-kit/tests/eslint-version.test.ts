import { createRequire } from 'node:module';

import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

// `npm test` runs every rule suite twice: on the ESLint in node_modules (10.x) and, through
// scripts/test-eslint-compat.mjs, on ESLint 9. This pins which one a run really used.
const installed = (createRequire(import.meta.url)('eslint/package.json') as { version: string }).version;

describe('the ESLint under test', () => {
  it('is the version this run asked for', () => {
    expect(Linter.version).toBe(process.env.PRODREADY_EXPECT_ESLINT ?? installed);
  });

  it('is a major in our peer range', () => {
    expect(['9', '10']).toContain(Linter.version.split('.')[0]);
  });
});
