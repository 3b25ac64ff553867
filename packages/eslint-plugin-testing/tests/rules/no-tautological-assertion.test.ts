import { createRuleTester } from '@prodready/test-kit';

import rule from '../../src/rules/no-tautological-assertion.js';

const ruleTester = createRuleTester();

ruleTester.run('no-tautological-assertion', rule, {
  valid: [
    // an independently written expected value
    { code: "import { expect } from 'vitest'; expect(add(1, 2)).toBe(3);", filename: 'src/math.test.ts' },
    // the same callee with different arguments
    { code: "import { expect } from 'vitest'; expect(add(1, 2)).toBe(add(2, 1));", filename: 'src/math.test.ts' },
    // a round trip is a real check
    { code: "import { expect } from 'vitest'; expect(decode(encode(token))).toEqual(token);", filename: 'src/codec.test.ts' },
    // negated: two calls giving different values is the point
    { code: "import { expect } from 'vitest'; expect(createId()).not.toBe(createId());", filename: 'src/ids.test.ts' },
    // two constructions compared by shape
    { code: "import { expect } from 'vitest'; expect(new Money(1)).toEqual(new Money(1));", filename: 'src/money.test.ts' },
    // different constants (always fails, and the run shows it)
    { code: "import { expect } from 'vitest'; expect(1).toBe('1');", filename: 'src/math.test.ts' },
    // a constant subject with a non-equality matcher on a value
    { code: "import { expect } from 'vitest'; expect(user.age).toBeGreaterThan(17);", filename: 'src/users.test.ts' },
    // `assert(false)` marks unreachable code
    { code: "import assert from 'node:assert'; assert(false, 'unreachable');", filename: 'test/flow.test.mjs' },
    // a local `expect` that is not the runner's
    {
      code: 'const expect = (value: unknown) => ({ toBe: (other: unknown) => value === other }); expect(total).toBe(total);',
      filename: 'src/cart.test.ts',
    },
    // type errors do not crash
    { code: "import { expect } from 'vitest'; expect((cart as any)[key]).toBe((cart as any)[other]);", filename: 'src/cart.test.ts' },
  ],
  invalid: [
    {
      code: "import { expect } from 'vitest'; expect(add(1, 2)).toBe(add(1, 2));",
      filename: 'src/math.test.ts',
      errors: [{ messageId: 'comparesToItself', line: 1, column: 34, endLine: 1, endColumn: 67 }],
    },
    {
      // awaited calls and a TS cast on one side
      code: "import { expect as check } from '@jest/globals'; check(await getUser(1)).toEqual((await getUser(1)) as User);",
      filename: 'src/users.test.ts',
      errors: [{ messageId: 'comparesToItself', line: 1, column: 50, endLine: 1, endColumn: 109 }],
    },
    {
      // a variable and a member path compared with themselves, with optional chaining
      code: "import { expect } from 'vitest';\nexpect(result).toStrictEqual(result);\nexpect(user?.id).toBe(user?.id);",
      filename: 'src/users.test.ts',
      errors: [
        { messageId: 'comparesToItself', line: 2, column: 1, endLine: 2, endColumn: 37 },
        { messageId: 'comparesToItself', line: 3, column: 1, endLine: 3, endColumn: 32 },
      ],
    },
    {
      // literal against the same literal (jest globals)
      code: "expect(true).toBe(true);\nexpect(1).toEqual(1);\nexpect('ok').toBe(`ok`);",
      filename: 'src/__tests__/smoke.ts',
      errors: [
        { messageId: 'constantAssertion', line: 1, column: 1, endLine: 1, endColumn: 24 },
        { messageId: 'constantAssertion', line: 2, column: 1, endLine: 2, endColumn: 21 },
        { messageId: 'constantAssertion', line: 3, column: 1, endLine: 3, endColumn: 24 },
      ],
    },
    {
      // a truthiness check on a constant
      code: "import { expect } from 'vitest'; expect(true).toBeTruthy();",
      filename: 'src/smoke.test.ts',
      errors: [{ messageId: 'constantAssertion', line: 1, column: 34, endLine: 1, endColumn: 59 }],
    },
    {
      // node:assert
      code: "import assert from 'node:assert/strict';\nassert.equal(total, total);\nassert(true);\nassert.deepStrictEqual(parse(raw), parse(raw));",
      filename: 'test/cart.test.mjs',
      errors: [
        { messageId: 'comparesToItself', line: 2, column: 1, endLine: 2, endColumn: 27 },
        { messageId: 'constantAssertion', line: 3, column: 1, endLine: 3, endColumn: 13 },
        { messageId: 'comparesToItself', line: 4, column: 1, endLine: 4, endColumn: 47 },
      ],
    },
    {
      // chai: called and property assertions
      code: "import { expect } from 'chai';\nexpect(total).to.equal(total);\nexpect(true).to.be.true;",
      filename: 'test/cart.spec.ts',
      errors: [
        { messageId: 'comparesToItself', line: 2, column: 1, endLine: 2, endColumn: 30 },
        { messageId: 'constantAssertion', line: 3, column: 1, endLine: 3, endColumn: 24 },
      ],
    },
  ],
});
