import { createRuleTester } from '@prodready/test-kit';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { getEnvVarName } from '../../src/frameworks/env.js';
import { isTestFile } from '../../src/frameworks/is-test-file.js';
import { createProbeRule } from '../probe.js';

// Reports the environment variable each initialiser reads.
const rule = createProbeRule<TSESTree.VariableDeclarator>('VariableDeclarator[init]', (context, node) =>
  node.init ? getEnvVarName(context, node.init) : undefined,
);

createRuleTester().run('getEnvVarName', rule, {
  valid: [
    // not the environment: a config object and a shadowed `process`
    "const settings = { env: { PORT: '1' } }; const port = settings.env.PORT;",
    'function boot(process: { env: Record<string, string> }) { const port = process.env.PORT; return port; }',
    // the whole environment is not one variable
    'const env = process.env;',
    // a computed key is unknown
    'const value = process.env[name];',
  ],
  invalid: [
    {
      code: 'const port = process.env.PORT;',
      errors: [{ messageId: 'probe', data: { answer: 'PORT' }, line: 1, column: 7, endLine: 1, endColumn: 30 }],
    },
    {
      code: "import process from 'node:process'; const url = process.env['DATABASE_URL'];",
      errors: [{ messageId: 'probe', data: { answer: 'DATABASE_URL' }, line: 1, column: 43, endLine: 1, endColumn: 76 }],
    },
    {
      code: "import { env } from 'process'; const key = env.API_KEY;",
      errors: [{ messageId: 'probe', data: { answer: 'API_KEY' }, line: 1, column: 38, endLine: 1, endColumn: 55 }],
    },
    {
      code: "const key = Deno.env.get('SERVICE_KEY');",
      errors: [{ messageId: 'probe', data: { answer: 'SERVICE_KEY' }, line: 1, column: 7, endLine: 1, endColumn: 40 }],
    },
    {
      code: 'const mode = import.meta.env.MODE;',
      errors: [{ messageId: 'probe', data: { answer: 'MODE' }, line: 1, column: 7, endLine: 1, endColumn: 34 }],
    },
    {
      code: 'const token = Bun.env.TOKEN;',
      errors: [{ messageId: 'probe', data: { answer: 'TOKEN' }, line: 1, column: 7, endLine: 1, endColumn: 28 }],
    },
  ],
});

describe('isTestFile', () => {
  it('recognises test, spec, mock and fixture files', () => {
    for (const file of [
      'src/users.test.ts',
      'src/users.spec.tsx',
      'src/__tests__/users.ts',
      'test/users.js',
      'tests/e2e/login.ts',
      'src/__mocks__/db.ts',
      'cypress/e2e/login.cy.ts',
    ]) {
      expect(isTestFile(file), file).toBe(true);
    }
  });

  it('leaves production files alone', () => {
    for (const file of ['src/users.ts', 'src/testing-utils/format.ts', 'src/contest.ts', 'src/attestation/sign.ts']) {
      expect(isTestFile(file), file).toBe(false);
    }
  });
});
