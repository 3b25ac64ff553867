import { fileURLToPath } from 'node:url';

import { RuleTester } from '@typescript-eslint/rule-tester';

export { RuleTester } from '@typescript-eslint/rule-tester';
export type { InvalidTestCase, RunTests, ValidTestCase } from '@typescript-eslint/rule-tester';
export { describeOptionSchemas, type SchemaTestedPlugin } from './options-schema.js';

/** Folder holding `tsconfig.json`, `file.ts` and `react.tsx` for typed tests. */
export const fixturesDir = fileURLToPath(new URL('../fixtures', import.meta.url));

/** A RuleTester for rules that need no type information (TS + JSX parser, ESM). */
export function createRuleTester(): RuleTester {
  return new RuleTester({
    languageOptions: {
      parserOptions: {
        ecmaFeatures: { jsx: true },
      },
    },
  });
}

/**
 * A RuleTester with the project service on, rooted at the kit's fixture folder.
 * Cases default to `file.ts`; pass `filename: 'react.tsx'` for JSX.
 */
export function createTypedRuleTester(): RuleTester {
  return new RuleTester({
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['*/*.ts*', '*/*/*.ts*', '*/*/*/*.ts*'],
          defaultProject: 'tsconfig.json',
        },
        tsconfigRootDir: fixturesDir,
      },
    },
    defaultFilenames: { ts: 'file.ts', tsx: 'react.tsx' },
  });
}
export { describePluginConsistency } from './plugin-consistency.js';
