import { createRuleTester } from '@prodready/test-kit';

import rule from '../../src/rules/no-mock-only-assertions.js';

const ruleTester = createRuleTester();

ruleTester.run('no-mock-only-assertions', rule, {
  valid: [
    // the returned value is checked too
    {
      code: `
        import { it, expect, vi } from 'vitest';
        import { prisma } from '../src/db';
        import { createUser } from '../src/users';
        vi.mock('../src/db');
        it('creates a user', async () => {
          const user = await createUser({ email: 'a@b.c' });
          expect(prisma.user.create).toHaveBeenCalledWith({ data: { email: 'a@b.c' } });
          expect(user.email).toBe('a@b.c');
        });
      `,
      filename: 'tests/users.test.ts',
    },
    // no assertions at all is another rule's business (expect-expect)
    {
      code: "import { it } from 'vitest'; import { createUser } from '../src/users'; it('creates a user', async () => { await createUser({}); });",
      filename: 'tests/users.test.ts',
    },
    // a thrown error is checked
    {
      code: `
        import { it, expect } from 'vitest';
        it('rejects a taken email', async () => {
          await expect(createUser({ email: 'taken@b.c' })).rejects.toThrow('taken');
          expect(mailer.send).not.toHaveBeenCalled();
        });
      `,
      filename: 'tests/users.test.ts',
    },
    // only a negated mock assertion: the test guards against a side effect
    {
      code: `
        import { it, expect } from 'vitest';
        it('skips the email for bots', async () => {
          await signUp({ bot: true });
          expect(mailer.send).not.toHaveBeenCalled();
        });
      `,
      filename: 'tests/users.test.ts',
    },
    // middleware: the `next` callback is the outcome
    {
      code: `
        import { it, expect, vi } from 'vitest';
        it('passes authorised requests on', () => {
          const next = vi.fn();
          requireAuth({ headers: { authorization: 'Bearer x' } }, {}, next);
          expect(next).toHaveBeenCalledWith();
        });
      `,
      filename: 'tests/auth.test.ts',
    },
    // the response sent through a mocked `res` is the outcome
    {
      code: `
        import { it, expect } from '@jest/globals';
        it('returns 404 for a missing user', async () => {
          await getUser(req, res);
          expect(res.status).toHaveBeenCalledWith(404);
        });
      `,
      filename: 'tests/users.test.ts',
    },
    // logging is the outcome of a log helper
    {
      code: `
        it('logs the failure', () => {
          reportError(new Error('boom'));
          expect(logger.error).toHaveBeenCalled();
        });
      `,
      filename: 'tests/errors.test.ts',
    },
    // an assertion in a same-file helper counts
    {
      code: `
        import { it, expect } from 'vitest';
        function expectCreated(user) { expect(user.id).toBeTypeOf('string'); }
        it('creates a user', async () => {
          const user = await createUser({});
          expect(prisma.user.create).toHaveBeenCalled();
          expectCreated(user);
        });
      `,
      filename: 'tests/users.test.ts',
    },
    // a helper from another file may check the result: unknown, so silent
    {
      code: `
        import { it, expect } from 'vitest';
        import { expectValidUser } from './helpers';
        it('creates a user', async () => {
          const user = await createUser({});
          expect(prisma.user.create).toHaveBeenCalled();
          expectValidUser(user);
        });
      `,
      filename: 'tests/users.test.ts',
    },
    // supertest status counts as a response check
    {
      code: `
        import request from 'supertest';
        it('creates a user', async () => {
          await request(app).post('/users').send({}).expect(201);
          expect(prisma.user.create).toHaveBeenCalled();
        });
      `,
      filename: 'tests/users.test.ts',
    },
    // allow-listed mock
    {
      code: `
        import { it, expect } from 'vitest';
        it('publishes the event', async () => {
          await completeOrder(order);
          expect(queue.add).toHaveBeenCalledWith('order.completed', order);
        });
      `,
      filename: 'tests/orders.test.ts',
      options: [{ allow: ['queue.add'] }],
    },
    // `it` from an unrelated module
    {
      code: `
        import { it } from './spec-dsl';
        import { expect } from 'vitest';
        it('creates a user', async () => {
          await createUser({});
          expect(prisma.user.create).toHaveBeenCalled();
        });
      `,
      filename: 'tests/users.test.ts',
    },
    // a local \`expect\` that is not the runner's
    {
      code: `
        import { it } from 'vitest';
        const expect = (value) => ({ toHaveBeenCalled: () => value });
        it('creates a user', async () => {
          await createUser({});
          expect(prisma.user.create).toHaveBeenCalled();
        });
      `,
      filename: 'tests/users.test.ts',
    },
    // a collaborator object of local mocks is indistinguishable from an output port (a file system, a socket)
    {
      code: `
        import { test as spec, expect, vi } from 'vitest';
        spec('saves the order', async () => {
          const repo = { save: vi.fn() };
          await new OrderService(repo).place(cart);
          expect(repo?.save).toHaveBeenCalled();
        });
      `,
      filename: 'src/orders.test.ts',
    },
    // a local mock the code calls from inside a callback is how the result is observed
    {
      code: `
        import { it, expect, vi } from 'vitest';
        it('sends through the socket', () => {
          const send = vi.fn();
          const ws = createWSContext({ send(data) { send(data); } });
          ws.send('message');
          expect(send).toBeCalled();
        });
      `,
      filename: 'src/ws.test.ts',
    },
    // a spy on a local response object
    {
      code: `
        import { test, expect, jest } from '@jest/globals';
        test('sends the error', () => {
          const response = createResponse();
          const sendSpy = jest.spyOn(response, 'send');
          errorHandler(new Error('x'), createRequest(), response);
          expect(sendSpy).toHaveBeenCalled();
        });
      `,
      filename: 'tests/error.test.ts',
    },
    // a spy on console is a log check
    {
      code: `
        import { it, expect, vi } from 'vitest';
        import { detect } from './detect';
        it('logs in debug mode', () => {
          const errorSpy = vi.spyOn(console, 'error');
          detect('fr');
          expect(errorSpy).toHaveBeenCalled();
        });
      `,
      filename: 'src/detect.test.ts',
    },
    // type errors do not crash
    {
      code: "import { it, expect } from 'vitest'; it('x', async () => { expect((prisma as any)[model].create).toHaveBeenCalled(); expect(out).toBe(1); });",
      filename: 'tests/users.test.ts',
    },
  ],
  invalid: [
    {
      code: `
        import { it, expect, vi } from 'vitest';
        import { prisma } from '../src/db';
        import { createUser } from '../src/users';
        vi.mock('../src/db');
        it('creates a user', async () => {
          await createUser({ email: 'a@b.c' });
          expect(prisma.user.create).toHaveBeenCalledWith({ data: { email: 'a@b.c' } });
        });
      `,
      filename: 'tests/users.test.ts',
      errors: [{ messageId: 'mockOnly', line: 6, column: 12, endLine: 6, endColumn: 28 }],
    },
    {
      // jest globals, a spy on a collaborator, several mock matchers, `toBeCalled` alias
      code: `
        import { mailer } from '../integrations/mailer';
        import { service } from './user-service';
        describe('UserService', () => {
          it('sends a welcome email', async () => {
            const send = jest.spyOn(mailer, 'send');
            await service.register({ email: 'a@b.c' });
            expect(send).toHaveBeenCalledTimes(1);
            expect(mailer.send).toBeCalledWith(expect.objectContaining({ to: 'a@b.c' }));
          });
        });
      `,
      filename: 'src/user-service.spec.ts',
      errors: [{ messageId: 'mockOnly', line: 5, column: 14, endLine: 5, endColumn: 37 }],
    },
    {
      // mock-only assertions inside a same-file helper
      code: `
        import { it, expect } from 'vitest';
        import { prisma } from '../lib/db';
        const expectSaved = () => expect(prisma.order.create).toHaveBeenCalled();
        it('places an order', async () => {
          await placeOrder(cart);
          expectSaved();
        });
      `,
      filename: 'src/orders.test.ts',
      errors: [{ messageId: 'mockOnly', line: 5, column: 12, endLine: 5, endColumn: 29 }],
    },
    {
      // a mock's call log read directly
      code: `
        import { test, expect } from 'vitest';
        import { stripe } from '../lib/stripe';
        test('charges the card', async () => {
          await checkout(cart);
          expect(stripe.charges.create.mock.calls[0][0]).toEqual({ amount: 100 });
        });
      `,
      filename: 'src/checkout.test.ts',
      errors: [{ messageId: 'mockOnly', line: 4, column: 14, endLine: 4, endColumn: 32 }],
    },
    {
      // \`vi.mocked\` on an imported function
      code: `
        import { it, expect, vi } from 'vitest';
        import { sendEmail } from '../lib/email';
        vi.mock('../lib/email');
        it('emails the receipt', async () => {
          await checkout(cart);
          expect(vi.mocked(sendEmail)).toHaveBeenCalledOnce();
        });
      `,
      filename: 'src/checkout.test.ts',
      errors: [{ messageId: 'mockOnly', line: 5, column: 12, endLine: 5, endColumn: 32 }],
    },
    {
      // a mock that only the test calls checks nothing but the mock
      code: `
        import { it, expect, vi } from 'vitest';
        it('works', () => {
          const save = vi.fn();
          save({ name: 'Ada' });
          expect(save).toHaveBeenCalled();
        });
      `,
      filename: 'tests/users.test.ts',
      errors: [{ messageId: 'mockOnly', line: 3, column: 12, endLine: 3, endColumn: 19 }],
    },
    {
      // chai + sinon-chai, mocha globals
      code: `
        const { expect } = require('chai');
        const usersRepo = require('../src/users-repo');
        describe('signup', function () {
          it('stores the user', async function () {
            await signup({ email: 'a@b.c' });
            expect(usersRepo.insert).to.have.been.calledOnce;
          });
        });
      `,
      filename: 'test/signup.spec.js',
      errors: [{ messageId: 'mockOnly', line: 5, column: 14, endLine: 5, endColumn: 31 }],
    },
    {
      // node:test with sinon.assert; a test without a title is reported on the callee
      code: `
        import { test } from 'node:test';
        import sinon from 'sinon';
        import { usersRepo } from '../src/users-repo.js';
        test(async function storesTheUser() {
          await signup({ email: 'a@b.c' });
          sinon.assert.calledOnce(usersRepo.insert);
        });
      `,
      filename: 'test/signup.test.mjs',
      errors: [{ messageId: 'mockOnly', line: 5, column: 9, endLine: 5, endColumn: 13 }],
    },
  ],
});
