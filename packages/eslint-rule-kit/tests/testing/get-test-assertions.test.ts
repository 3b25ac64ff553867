import { createRuleTester } from '@prodready/test-kit';
import type { TSESTree } from '@typescript-eslint/utils';

import { getTestAssertions } from '../../src/frameworks/testing/get-test-assertions.js';
import { getTestCall } from '../../src/frameworks/testing/get-test-call.js';
import { createProbeRule } from '../probe.js';

// Reports `<kind>,<kind>… [unknown]` for every test with a body.
const rule = createProbeRule<TSESTree.CallExpression>('CallExpression', (context, node) => {
  const test = getTestCall(context, node);
  if (test?.kind !== 'test' || !test.body) return undefined;
  const { assertions, unknown } = getTestAssertions(context, test.body);
  return `${assertions.map((assertion) => assertion.kind).join(',') || '-'}${unknown ? ' unknown' : ''}`;
});

createRuleTester().run('getTestAssertions', rule, {
  valid: [
    // not a test: a same-named local `it`
    {
      code: "const it = (title: string, fn: () => void) => fn(); it('creates', () => { expect(user).toBe(1); });",
      filename: 'src/users.test.ts',
    },
  ],
  invalid: [
    {
      code: "import { it, expect } from 'vitest'; it('creates', () => { expect(user).toBeDefined(); expect(save).toHaveBeenCalled(); });",
      filename: 'src/users.test.ts',
      errors: [{ messageId: 'probe', data: { answer: 'existence,mock' }, line: 1, column: 38, endLine: 1, endColumn: 123 }],
    },
    // assertions in a same-file helper count; an aliased `expect` is not an unknown helper
    {
      code: "import { it, expect as assertThat } from 'vitest';\nfunction checkUser(user: unknown) { assertThat(user).toEqual({ id: 1 }); }\nit('creates', () => { assertThat(user).toBeTruthy(); checkUser(user); });",
      filename: 'src/users.test.ts',
      errors: [{ messageId: 'probe', data: { answer: 'existence,value' }, line: 3, column: 1, endLine: 3, endColumn: 73 }],
    },
    // an imported assertion helper is unknown
    {
      code: "import { it } from 'vitest'; import { expectValidUser } from './helpers'; it('creates', () => { expectValidUser(user); });",
      filename: 'src/users.test.ts',
      errors: [{ messageId: 'probe', data: { answer: '- unknown' }, line: 1, column: 75, endLine: 1, endColumn: 122 }],
    },
    // nested `t.test` subtests are judged on their own
    {
      code: "import test from 'node:test'; import assert from 'node:assert'; test('outer', async (t) => { await t.test('inner', () => { assert.equal(total, 3); }); });",
      filename: 'test/cart.test.mjs',
      errors: [
        { messageId: 'probe', data: { answer: '-' }, line: 1, column: 65, endLine: 1, endColumn: 154 },
        { messageId: 'probe', data: { answer: 'value' }, line: 1, column: 100, endLine: 1, endColumn: 150 },
      ],
    },
  ],
});
