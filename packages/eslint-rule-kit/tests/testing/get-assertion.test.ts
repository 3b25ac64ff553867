import { createRuleTester } from '@prodready/test-kit';
import type { TSESTree } from '@typescript-eslint/utils';

import { getAssertion } from '../../src/frameworks/testing/get-assertion.js';
import { createProbeRule } from '../probe.js';

// Reports `library kind matcher [not] subject=<text> expected=<text>` for every assertion.
const rule = createProbeRule<TSESTree.CallExpression | TSESTree.MemberExpression>(
  'CallExpression, MemberExpression',
  (context, node) => {
    const assertion = getAssertion(context, node);
    if (!assertion) return undefined;
    const subject = assertion.subject ? context.sourceCode.getText(assertion.subject) : '-';
    const expected = assertion.expected ? context.sourceCode.getText(assertion.expected) : '-';
    const not = assertion.negated ? ' not' : '';
    return `${assertion.library} ${assertion.kind} ${assertion.matcher}${not} subject=${subject} expected=${expected}`;
  },
);

createRuleTester().run('getAssertion', rule, {
  valid: [
    // a local `expect` function is not the runner's
    {
      code: 'function expect(value: number) { return { toBe: (other: number) => value === other }; } expect(total).toBe(3);',
      filename: 'src/cart.test.ts',
    },
    // `expect` from an unrelated module
    { code: "import { expect } from './validation'; expect(input).toBe(3);", filename: 'src/cart.test.ts' },
    // the inner `expect(x)` and `expect.assertions(n)` are not assertions
    { code: "import { expect } from 'vitest'; const pending = expect(total); expect.assertions(1);", filename: 'src/cart.test.ts' },
    // an `.expect()` on something that is not a supertest request
    { code: "import { request } from './client'; request(app).get('/').expect(200);", filename: 'src/cart.test.ts' },
    // `assert.fail` asserts nothing about a value
    { code: "import assert from 'node:assert'; assert.fail('unreachable');", filename: 'test/cart.test.mjs' },
    // type errors do not crash
    { code: "import { expect } from 'vitest'; (expect as any)(total)[matcher](3);", filename: 'src/cart.test.ts' },
  ],
  invalid: [
    {
      code: "import { expect } from 'vitest'; expect(total).toBe(3);",
      filename: 'src/cart.test.ts',
      errors: [
        { messageId: 'probe', data: { answer: 'expect value toBe subject=total expected=3' }, line: 1, column: 34, endLine: 1, endColumn: 55 },
      ],
    },
    {
      // aliased import, `.not`, existence and mock matchers
      code: "import { expect as check } from '@jest/globals';\ncheck(user).not.toBeNull();\ncheck(sendEmail).toHaveBeenCalledWith('a@b.c');",
      filename: 'src/users.test.ts',
      errors: [
        { messageId: 'probe', data: { answer: 'expect existence toBeNull not subject=user expected=-' }, line: 2, column: 1, endLine: 2, endColumn: 27 },
        {
          messageId: 'probe',
          data: { answer: "expect mock toHaveBeenCalledWith subject=sendEmail expected='a@b.c'" },
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 47,
        },
      ],
    },
    {
      // jest globals in a test file: rejects, throws, snapshots, a mock's call log
      code: "await expect(save()).rejects.toThrow('taken');\nexpect(() => parse('')).toThrow();\nexpect(page).toMatchSnapshot();\nexpect(send.mock.calls[0]).toEqual(['a']);",
      filename: 'src/users.test.ts',
      errors: [
        { messageId: 'probe', data: { answer: "expect rejects toThrow subject=save() expected='taken'" }, line: 1, column: 7, endLine: 1, endColumn: 46 },
        { messageId: 'probe', data: { answer: "expect throws toThrow subject=() => parse('') expected=-" }, line: 2, column: 1, endLine: 2, endColumn: 34 },
        { messageId: 'probe', data: { answer: 'expect snapshot toMatchSnapshot subject=page expected=-' }, line: 3, column: 1, endLine: 3, endColumn: 31 },
        { messageId: 'probe', data: { answer: "expect mock toEqual subject=send.mock.calls[0] expected=['a']" }, line: 4, column: 1, endLine: 4, endColumn: 42 },
      ],
    },
    {
      // `.resolves` and `expect.soft`, with a TS cast in the subject
      code: "import { expect } from 'vitest';\nawait expect(load()).resolves.toEqual({ id: 1 });\nexpect.soft(total as number).toBeTruthy();",
      filename: 'src/cart.test.ts',
      errors: [
        { messageId: 'probe', data: { answer: 'expect value toEqual subject=load() expected={ id: 1 }' }, line: 2, column: 7, endLine: 2, endColumn: 49 },
        {
          messageId: 'probe',
          data: { answer: 'expect existence toBeTruthy subject=total as number expected=-' },
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 42,
        },
      ],
    },
    {
      // node:assert, default and strict
      code: "import assert from 'node:assert/strict';\nassert.equal(total, 3);\nassert(user);\nawait assert.rejects(save());\nassert.notDeepStrictEqual(a, b);",
      filename: 'test/cart.test.mjs',
      errors: [
        { messageId: 'probe', data: { answer: 'node:assert value equal subject=total expected=3' }, line: 2, column: 1, endLine: 2, endColumn: 23 },
        { messageId: 'probe', data: { answer: 'node:assert existence ok subject=user expected=-' }, line: 3, column: 1, endLine: 3, endColumn: 13 },
        { messageId: 'probe', data: { answer: 'node:assert rejects rejects subject=save() expected=-' }, line: 4, column: 7, endLine: 4, endColumn: 29 },
        {
          messageId: 'probe',
          data: { answer: 'node:assert value notDeepStrictEqual not subject=a expected=b' },
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 32,
        },
      ],
    },
    {
      // `t.assert` in node:test
      code: "import { test } from 'node:test';\ntest('cart', (t) => { t.assert.strictEqual(total, 3); });",
      filename: 'test/cart.test.mjs',
      errors: [
        { messageId: 'probe', data: { answer: 'node:assert value strictEqual subject=total expected=3' }, line: 2, column: 23, endLine: 2, endColumn: 53 },
      ],
    },
    {
      // chai: a called matcher, property assertions, sinon-chai, throws
      code: "const { expect } = require('chai');\nexpect(total).to.equal(3);\nexpect(user).to.not.be.null;\nexpect(send).to.have.been.calledOnce;\nexpect(() => parse('')).to.throw();",
      filename: 'test/cart.spec.js',
      errors: [
        { messageId: 'probe', data: { answer: 'chai value equal subject=total expected=3' }, line: 2, column: 1, endLine: 2, endColumn: 26 },
        { messageId: 'probe', data: { answer: 'chai existence null not subject=user expected=-' }, line: 3, column: 1, endLine: 3, endColumn: 28 },
        { messageId: 'probe', data: { answer: 'chai mock calledOnce subject=send expected=-' }, line: 4, column: 1, endLine: 4, endColumn: 37 },
        { messageId: 'probe', data: { answer: "chai throws throw subject=() => parse('') expected=-" }, line: 5, column: 1, endLine: 5, endColumn: 35 },
      ],
    },
    {
      // chai assert and sinon.assert
      code: "import { assert } from 'chai';\nimport sinon from 'sinon';\nassert.isOk(user);\nsinon.assert.calledOnce(send);",
      filename: 'test/cart.spec.ts',
      errors: [
        { messageId: 'probe', data: { answer: 'chai existence isOk subject=user expected=-' }, line: 3, column: 1, endLine: 3, endColumn: 18 },
        { messageId: 'probe', data: { answer: 'sinon mock calledOnce subject=send expected=-' }, line: 4, column: 1, endLine: 4, endColumn: 30 },
      ],
    },
    {
      // supertest: a header check on top of a status check (outer call first)
      code: "import request from 'supertest';\nawait request(app).get('/users').expect(200).expect('Content-Type', /json/);",
      filename: 'test/users.test.ts',
      errors: [
        {
          messageId: 'probe',
          data: { answer: "supertest value expect subject=request(app).get('/users').expect(200) expected='Content-Type'" },
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 76,
        },
        {
          messageId: 'probe',
          data: { answer: "supertest status expect subject=request(app).get('/users') expected=200" },
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 45,
        },
      ],
    },
  ],
});
