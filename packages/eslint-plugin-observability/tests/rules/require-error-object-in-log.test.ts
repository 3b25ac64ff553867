import { createRuleTester } from '@prodready/test-kit';

import rule from '../../src/rules/require-error-object-in-log.js';

const ruleTester = createRuleTester();

ruleTester.run('require-error-object-in-log', rule, {
  valid: [
    // the error object is logged
    'try { await chargeCard(); } catch (err) { console.error(\'Failed to charge card\', err); }',
    `
      import pino from 'pino';
      const logger = pino();
      try { await chargeCard(); } catch (error) { logger.error({ err: error, orderId }, 'charge failed'); }
    `,
    // NestJS style: the stack as second argument
    `
      import { Logger } from '@nestjs/common';
      const logger = new Logger('Billing');
      try { await chargeCard(); } catch (error) { logger.error('charge failed', error.stack); }
    `,
    // log and rethrow: the error is recorded where it is handled
    "try { await chargeCard(); } catch (err) { console.error('charge failed'); throw err; }",
    // the error is reported elsewhere in the handler
    `
      import * as Sentry from '@sentry/node';
      try { await chargeCard(); } catch (err) {
        Sentry.captureException(err);
        console.error('charge failed');
      }
    `,
    // a warning without the error is a deliberate degradation
    "try { await cache.get(key); } catch { console.warn('cache unavailable, using the database'); }",
    // not inside a catch
    "console.error('config missing');",
    // a nested function runs later, not in the handler
    "try { await start(); } catch (err) { process.on('exit', () => console.error('exited after failure')); console.error(err); }",
    // a local object named `logger`
    `
      const logger = { error: (message: string) => message };
      try { await chargeCard(); } catch { logger.error('charge failed'); }
    `,
    // an expected case logged at info under a condition
    {
      code: `
      import pino from 'pino';
      const logger = pino();
      try { await readConfig(); } catch (err) {
        if (err.code === 'ENOENT') logger.info({ err }, 'no config file, using defaults');
        else logger.error({ err }, 'config unreadable');
      }
    `,
      options: [{ checkLevel: true }],
    },
    // a low-level log without the error
    "try { await warmCache(); } catch (err) { console.log('cache warm-up skipped'); }",
    // an expected failure: parsing input
    "try { return JSON.parse(raw); } catch (err) { console.error('Invalid JSON body, using defaults'); }",
    // a comment marks the low-level log as the expected case
    "try { await redis.xread(stream); } catch (err) { // the stream may not exist yet\n console.log('stream missing', err); }",
    // browser code: console output never reaches server logs
    "'use client';\ntry { await saveDraft(); } catch (err) { console.error('Could not save draft'); }",
    // test files
    {
      code: "try { await seed(); } catch (err) { console.error('seed failed'); }",
      filename: 'src/orders/orders.test.ts',
    },
    // the level is not checked by default
    'fetchRates().catch((err) => console.log(err));',
    // an expected failure: parsing a header, with pure string calls on the result
    "function getHost(source: string) { try { return new URL(source).hostname.replace(/^www\\./, ''); } catch (error) { console.error('Invalid referer'); return null; } }",
  ],
  invalid: [
    {
      code: "try { await chargeCard(); } catch (err) { console.error('Failed to charge card'); }",
      errors: [{ messageId: 'missingErrorObject', data: { name: 'err' }, line: 1, column: 43, endLine: 1, endColumn: 81 }],
    },
    {
      // only the message survives
      code: "try { await chargeCard(); } catch (error) { console.error('Failed to charge card:', error.message); }",
      errors: [{ messageId: 'missingErrorObject', data: { name: 'error' }, line: 1, column: 45, endLine: 1, endColumn: 99 }],
    },
    {
      // an error code is a detail, not the error
      code: "try { await chargeCard(); } catch (error) { console.error('Failed to charge card', error.code); }",
      errors: [{ messageId: 'missingErrorObject', data: { name: 'error' }, line: 1, column: 45, endLine: 1, endColumn: 95 }],
    },
    {
      code: 'try { await chargeCard(); } catch (error) { console.error(`Failed to charge card: ${error}`); }',
      errors: [{ messageId: 'missingErrorObject', data: { name: 'error' }, line: 1, column: 45, endLine: 1, endColumn: 93 }],
    },
    {
      // pino's `{ error: err.message }` keeps the text only
      code: `
        import pino from 'pino';
        const logger = pino();
        try { await chargeCard(); } catch (err) { logger.error({ error: (err as Error).message }, 'charge failed'); }
      `,
      errors: [{ messageId: 'missingErrorObject', data: { name: 'err' }, line: 4, column: 51, endLine: 4, endColumn: 115 }],
    },
    {
      code: `
        import winston from 'winston';
        const logger = winston.createLogger();
        fetchRates().catch(() => logger.error('rate refresh failed'));
      `,
      errors: [{ messageId: 'missingCatchBinding', line: 4, column: 34, endLine: 4, endColumn: 69 }],
    },
    {
      // NestJS, the message only
      code: `
        import { Injectable, Logger } from '@nestjs/common';
        @Injectable()
        export class PaymentsService {
          private readonly logger = new Logger(PaymentsService.name);
          async refund(id: string) {
            try {
              await this.gateway.refund(id);
            } catch (e) {
              this.logger.error(\`Refund \${id} failed\`);
            }
          }
        }
      `,
      errors: [{ messageId: 'missingErrorObject', data: { name: 'e' }, line: 10, column: 15, endLine: 10, endColumn: 55 }],
    },
    {
      // the error at log level
      code: "try { await chargeCard(); } catch (err) { console.log('charge failed', err); }",
      options: [{ checkLevel: true }],
      errors: [{ messageId: 'errorAtLowLevel', data: { level: 'log' }, line: 1, column: 43, endLine: 1, endColumn: 76 }],
    },
    {
      code: 'fetchRates().catch((err) => console.log(err));',
      options: [{ checkLevel: true }],
      errors: [{ messageId: 'errorAtLowLevel', data: { level: 'log' }, line: 1, column: 29, endLine: 1, endColumn: 45 }],
    },
    {
      code: `
        import Fastify from 'fastify';
        const app = Fastify();
        app.post('/sync', async (request) => {
          try {
            await syncAccounts();
          } catch (error) {
            request.log.info({ err: error }, 'sync failed');
          }
        });
      `,
      options: [{ checkLevel: true }],
      errors: [{ messageId: 'errorAtLowLevel', data: { level: 'info' }, line: 8, column: 13, endLine: 8, endColumn: 60 }],
    },
    {
      // optional chaining on the logger; a type error does not stop the rule
      code: `
        import pino from 'pino';
        const logger: number = pino();
        try { await chargeCard(); } catch (err) { logger?.fatal?.('payments down'); }
      `,
      errors: [{ messageId: 'missingErrorObject', data: { name: 'err' }, line: 4, column: 51, endLine: 4, endColumn: 83 }],
    },
  ],
});
