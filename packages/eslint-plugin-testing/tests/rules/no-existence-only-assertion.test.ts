import { createRuleTester, createTypedRuleTester } from '@prodready/test-kit';

import rule from '../../src/rules/no-existence-only-assertion.js';

const ruleTester = createRuleTester();

ruleTester.run('no-existence-only-assertion', rule, {
  valid: [
    // the value is checked as well
    {
      code: `
        import { it, expect } from 'vitest';
        import { createUser } from '../src/users';
        it('creates a user', async () => {
          const user = await createUser({ email: 'ada@example.com' });
          expect(user).toBeDefined();
          expect(user.email).toBe('ada@example.com');
        });
      `,
      filename: 'tests/users.test.ts',
    },
    // an error check is stronger than existence
    {
      code: `
        import { it, expect } from 'vitest';
        it('rejects a taken email', async () => {
          const pending = createUser({ email: 'taken@example.com' });
          expect(pending).toBeDefined();
          await expect(pending).rejects.toThrow('taken');
        });
      `,
      filename: 'tests/users.test.ts',
    },
    // supertest status check
    {
      code: `
        import request from 'supertest';
        import { app } from '../src/app';
        it('logs in', async () => {
          const res = await request(app).post('/login').send({ email: 'a@b.c' }).expect(200);
          expect(res.body.token).toBeDefined();
        });
      `,
      filename: 'tests/auth.test.ts',
    },
    // NestJS scaffold: a service resolved in a hook is a wiring smoke test
    {
      code: `
        import { Test } from '@nestjs/testing';
        describe('UsersService', () => {
          let service: UsersService;
          beforeEach(async () => {
            const module = await Test.createTestingModule({ providers: [UsersService] }).compile();
            service = module.get<UsersService>(UsersService);
          });
          it('should be defined', () => {
            expect(service).toBeDefined();
          });
        });
      `,
      filename: 'src/users/users.service.spec.ts',
    },
    // toBeTruthy on a boolean result is toBe(true)
    {
      code: "import { it, expect } from 'vitest'; it('recognises admins', () => { expect(isAdmin({ role: 'admin' })).toBeTruthy(); });",
      filename: 'tests/roles.test.ts',
    },
    {
      code: "import { it, expect } from 'vitest'; it('accepts the password', async () => { const res = await login('a@b.c', 'pw'); expect(res.ok).toBeTruthy(); });",
      filename: 'tests/auth.test.ts',
    },
    {
      code: "import { it, expect } from 'vitest'; it('finds the id', () => { const ids = listIds(); expect(ids.length > 0 && ids.includes(3)).toBeTruthy(); });",
      filename: 'tests/ids.test.ts',
    },
    // a const holding a boolean, named or initialised as one
    {
      code: "import { it, expect } from 'vitest'; it('writes the file', async () => { await build(); const reportExists = await exists('out/report.html'); expect(reportExists).toBeTruthy(); });",
      filename: 'tests/build.test.ts',
    },
    {
      code: "import { it, expect } from 'vitest'; it('writes the file', async () => { await build(); const written = await fileExists('out/report.html'); expect(written).toBeTruthy(); });",
      filename: 'tests/build.test.ts',
    },
    // the title says the result is a boolean
    {
      code: "import { it, expect } from 'vitest'; it('returns true when stock suffices', async () => { const reserved = await confirmStock('A1', 2); expect(reserved).toBeTruthy(); });",
      filename: 'tests/stock.test.ts',
    },
    // a local alias of data a hook computed
    {
      code: "import { it, expect } from 'vitest'; let spec: Spec; it('keeps the schema', () => { const schema = spec.components.schemas.User; expect(schema).toBeDefined(); });",
      filename: 'tests/spec.test.ts',
    },
    // a DOM query: the element being rendered is the behaviour
    {
      code: "import { it, expect } from 'vitest'; import { render, screen } from '@testing-library/react'; it('renders', () => { render(<App />); expect(screen.getByText('Welcome')).toBeTruthy(); });",
      filename: 'tests/app.test.tsx',
    },
    // an assertion helper from another file may check the value
    {
      code: "import { it, expect } from 'vitest'; import { expectValidUser } from './helpers'; it('creates', async () => { const user = await createUser({}); expect(user).toBeDefined(); expectValidUser(user); });",
      filename: 'tests/users.test.ts',
    },
    // a same-file helper with a value check counts
    {
      code: `
        import { it, expect } from 'vitest';
        function checkEmail(user: { email: string }) { expect(user.email).toBe('ada@example.com'); }
        it('creates', async () => { const user = await createUser({}); expect(user).not.toBeNull(); checkEmail(user); });
      `,
      filename: 'tests/users.test.ts',
    },
    // a same-named local `expect` is not the runner's
    {
      code: "import { it } from 'vitest'; import { expect } from './fake'; it('creates', async () => { const user = await createUser({}); expect(user).toBeDefined(); });",
      filename: 'tests/users.test.ts',
    },
    // no assertions at all is expect-expect's business; `todo` tests are skipped
    { code: "import { it } from 'vitest'; it('creates', async () => { await createUser({}); });", filename: 'tests/users.test.ts' },
    {
      code: "import { it, expect } from 'vitest'; it.todo('creates', async () => { const user = await createUser({}); expect(user).toBeDefined(); });",
      filename: 'tests/users.test.ts',
    },
    // toBeFalsy without `not` checks a value
    {
      code: "import { it, expect } from 'vitest'; it('has no session', () => { const session = getSession(); expect(session).toBeFalsy(); });",
      filename: 'tests/session.test.ts',
    },
    // type errors do not crash
    {
      code: "import { it, expect } from 'vitest'; it('x', () => { const user = (createUser as any)(); (expect as any)(user)[matcher](); });",
      filename: 'tests/users.test.ts',
    },
  ],
  invalid: [
    {
      code: `
        import { it, expect } from 'vitest';
        import { createUser } from '../src/users';
        it('creates a user', async () => {
          const user = await createUser({ email: 'ada@example.com' });
          expect(user).toBeDefined();
          expect(user.id).toBeTruthy();
        });
      `,
      filename: 'tests/users.test.ts',
      errors: [{ messageId: 'existenceOnly', data: { matcher: 'toBeDefined' }, line: 4, column: 12, endLine: 4, endColumn: 28 }],
    },
    // a call inside `expect()`, jest globals, `.not.toBeNull`
    {
      code: "describe('users', () => { it('finds a user', async () => { expect(await findUser(1)).not.toBeNull(); }); });",
      filename: 'src/users.test.ts',
      errors: [{ messageId: 'existenceOnly', data: { matcher: 'not.toBeNull' }, line: 1, column: 30, endLine: 1, endColumn: 44 }],
    },
    // aliased import, TS cast and optional chaining
    {
      code: "import { test as check, expect as assertThat } from '@jest/globals'; check('loads the config', () => { const config = loadConfig() as Config; assertThat(config?.database).not.toBeUndefined(); });",
      filename: 'src/config.test.ts',
      errors: [{ messageId: 'existenceOnly', data: { matcher: 'not.toBeUndefined' }, line: 1, column: 76, endLine: 1, endColumn: 94 }],
    },
    // mock-interaction checks do not strengthen it
    {
      code: "import { it, expect, vi } from 'vitest'; it('sends the invoice', async () => { const result = await sendInvoice(7); expect(mailer.send).toHaveBeenCalled(); expect(result).toBeTruthy(); });",
      filename: 'tests/invoices.test.ts',
      errors: [{ messageId: 'existenceOnly', data: { matcher: 'toBeTruthy' }, line: 1, column: 45, endLine: 1, endColumn: 64 }],
    },
    // node:test with node:assert
    {
      code: "import { test } from 'node:test'; import assert from 'node:assert/strict'; test('parses the token', () => { const payload = parseToken('abc'); assert.ok(payload); });",
      filename: 'test/token.test.mjs',
      errors: [{ messageId: 'existenceOnly', data: { matcher: 'ok' }, line: 1, column: 81, endLine: 1, endColumn: 99 }],
    },
    // mocha + chai
    {
      code: "import { expect } from 'chai'; describe('orders', () => { it('creates an order', async () => { const order = await createOrder({ sku: 'A1' }); expect(order).to.exist; }); });",
      filename: 'test/orders.spec.ts',
      errors: [{ messageId: 'existenceOnly', data: { matcher: 'exist' }, line: 1, column: 62, endLine: 1, endColumn: 80 }],
    },
  ],
});

// With type information, a boolean result is a value check whatever its name.
createTypedRuleTester().run('no-existence-only-assertion (typed)', rule, {
  valid: [
    {
      code: "import { it, expect } from 'vitest'; declare function confirmStock(sku: string, quantity: number): Promise<boolean>; it('confirms stock', async () => { const reserved = await confirmStock('A1', 2); expect(reserved).toBeTruthy(); });",
      filename: 'file.ts',
    },
  ],
  invalid: [
    {
      code: "import { it, expect } from 'vitest'; declare function reserveStock(sku: string, quantity: number): Promise<{ id: string } | null>; it('reserves stock', async () => { const reservation = await reserveStock('A1', 2); expect(reservation).toBeTruthy(); });",
      filename: 'file.ts',
      errors: [{ messageId: 'existenceOnly', data: { matcher: 'toBeTruthy' }, line: 1, column: 135, endLine: 1, endColumn: 151 }],
    },
  ],
});
