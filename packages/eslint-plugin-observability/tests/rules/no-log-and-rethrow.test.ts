import { createRuleTester } from '@prodready/test-kit';

import rule from '../../src/rules/no-log-and-rethrow.js';

const ruleTester = createRuleTester();

ruleTester.run('no-log-and-rethrow', rule, {
  valid: [
    // rethrown with context: the boundary logs it once, with the cause chain
    {
      code: `
        import pino from 'pino';
        const logger = pino();
        export async function chargeOrder(orderId: string) {
          try { await stripe.charges.create({ orderId }); } catch (err) {
            logger.warn({ err, orderId }, 'charge failed');
            throw new PaymentError('charge failed', { cause: err });
          }
        }
      `,
      filename: 'src/billing.ts',
    },
    // rethrown without logging
    { code: 'export async function load() { try { await read(); } catch (err) { await cleanup(); throw err; } }', filename: 'src/load.ts' },
    // logged and handled
    {
      code: "import pino from 'pino';\nconst logger = pino();\nexport async function load() { try { return await read(); } catch (err) { logger.error({ err }, 'read failed'); return null; } }",
      filename: 'src/load.ts',
    },
    // a debug trace before rethrowing
    {
      code: "import pino from 'pino';\nconst logger = pino();\nexport async function load() { try { await read(); } catch (err) { logger.debug({ err }, 'retrying upstream'); throw err; } }",
      filename: 'src/load.ts',
    },
    // the log is in a nested callback, not the catch
    {
      code: "export async function load() { try { await read(); } catch (err) { queueMicrotask(() => console.error(err)); throw err; } }",
      filename: 'src/load.ts',
    },
    // a different error is thrown
    {
      code: "export async function load() { try { await read(); } catch (err) { console.error(err); const wrapped = new Error('load failed'); throw wrapped; } }",
      filename: 'src/load.ts',
    },
    // the log does not mention the error
    { code: "export async function load() { try { await read(); } catch (err) { console.error('load failed'); throw err; } }", filename: 'src/load.ts' },
    // the log is on a branch that does not rethrow
    {
      code: "export async function load() { try { await read(); } catch (err) { if (isConflict(err)) { console.info('conflict, retrying', err); return retry(); } throw err; } }",
      filename: 'src/load.ts',
    },
    // the log writes a detail of the error, not the error
    { code: "export async function load() { try { await read(); } catch (err) { console.error('load failed', { target: err.meta }); throw err; } }", filename: 'src/load.ts' },
    // a command-line program
    { code: "export async function upgrade() { try { await run(); } catch (err) { console.error(err); throw err; } }", filename: 'src/cli/upgrade.ts' },
    // a same-named local that is not a logger
    {
      code: "const logger = { error: (value: unknown) => value };\nexport async function load() { try { await read(); } catch (err) { logger.error(err); throw err; } }",
      filename: 'src/load.ts',
    },
    // module top level: the boundary
    { code: "try { await migrate(); } catch (err) { console.error(err); throw err; }", filename: 'src/boot.ts' },
    // a request handler is the boundary
    {
      code: "import express from 'express';\nconst app = express();\napp.get('/orders', async (req, res) => { try { res.json(await listOrders()); } catch (err) { console.error(err); throw err; } });",
      filename: 'src/server.ts',
    },
    // a job callback is the boundary: the runner retries
    {
      code: "import { Worker } from 'bullmq';\nnew Worker('emails', async (job) => { try { await send(job.data); } catch (err) { console.error(err); throw err; } });",
      filename: 'src/worker.ts',
    },
    // tests
    { code: "export async function load() { try { await read(); } catch (err) { console.error(err); throw err; } }", filename: 'src/load.test.ts' },
    // type errors do not crash
    { code: 'export function load() { try { read(); } catch (err) { throw (err as Missing).inner; } }', filename: 'src/load.ts' },
  ],
  invalid: [
    {
      code: `
        import pino from 'pino';
        const logger = pino();
        export async function findUser(id: string) {
          try {
            return await db.user.findUniqueOrThrow({ where: { id } });
          } catch (err) {
            logger.error({ err }, 'findUser failed');
            throw err;
          }
        }
      `,
      filename: 'src/users/repository.ts',
      errors: [{ messageId: 'logAndRethrow', data: { name: 'err' }, line: 8, column: 13, endLine: 8, endColumn: 25 }],
    },
    {
      // console with the message only; TS cast on the rethrow
      code: "export async function load() { try { await read(); } catch (error) { console.error('load failed', error.message); throw error as Error; } }",
      filename: 'src/load.ts',
      errors: [{ messageId: 'logAndRethrow', data: { name: 'error' }, line: 1, column: 70, endLine: 1, endColumn: 83 }],
    },
    {
      // aliased winston import, conditional rethrow, optional chaining on the logger
      code: `
        import { createLogger as makeLogger } from 'winston';
        const log = makeLogger();
        export class OrdersService {
          async pay(orderId: string) {
            try {
              await this.gateway.pay(orderId);
            } catch (e) {
              log?.error('payment failed', e);
              if (e instanceof TimeoutError) throw e;
              return undefined;
            }
          }
        }
      `,
      filename: 'src/orders/orders.service.ts',
      errors: [{ messageId: 'logAndRethrow', data: { name: 'e' }, line: 9, column: 15, endLine: 9, endColumn: 25 }],
    },
    {
      // a callback that is not a job runner
      code: "export function loadAll(ids: string[]) { return Promise.all(ids.map(async (id) => { try { return await read(id); } catch (err) { console.error(err); throw err; } })); }",
      filename: 'src/load.ts',
      errors: [{ messageId: 'logAndRethrow', data: { name: 'err' }, line: 1, column: 130, endLine: 1, endColumn: 143 }],
    },
  ],
});
