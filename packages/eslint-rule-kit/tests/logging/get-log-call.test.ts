import { createRuleTester } from '@prodready/test-kit';
import type { TSESTree } from '@typescript-eslint/utils';

import { getLogCall } from '../../src/frameworks/logging/get-log-call.js';
import { createProbeRule } from '../probe.js';

// Reports `library.level` plus the message, fields and error argument's source text.
const rule = createProbeRule<TSESTree.CallExpression>('CallExpression', (context, node) => {
  const log = getLogCall(context, node);
  if (!log) return undefined;
  const text = (part?: TSESTree.Node): string => (part ? context.sourceCode.getText(part) : '-');
  return `${log.library}.${log.level} message=${text(log.message)} fields=${text(log.fields)} error=${text(log.errorArg)}`;
});

createRuleTester().run('getLogCall', rule, {
  valid: [
    // a local object named `logger` is not a logger
    `
      const logger = { info: (message: string) => message };
      logger.info('user created');
    `,
    // a shadowed `console`
    `
      function run(console: { log(message: string): void }) {
        console.log('started');
      }
    `,
    // a logger imported from the project is unknown without type information
    `
      import { logger } from './logger';
      logger.error('payment failed');
    `,
    // `request.log` in an Express handler is not Fastify's logger
    `
      import express from 'express';
      const app = express();
      app.get('/users', (request: any) => request.log.info('listing users'));
    `,
    // not a level method
    `
      import pino from 'pino';
      const logger = pino();
      logger.flush();
    `,
    // `debug` itself is the factory, not a log call
    `
      import createDebug from 'debug';
      createDebug.enable('app:*');
    `,
    // a plain function has its own `this`
    `
      import { Logger } from '@nestjs/common';
      class UsersService {
        private readonly logger = new Logger('users');
        load() {
          return function () { this.logger.log('loading'); };
        }
      }
    `,
  ],
  invalid: [
    {
      code: `
        try {
          await chargeCard();
        } catch (err) {
          console.error('Failed to charge card', err);
        }
      `,
      errors: [{ messageId: 'probe', data: { answer: "console.error message='Failed to charge card' fields=- error=err" }, line: 5, column: 11, endLine: 5, endColumn: 54 }],
    },
    {
      code: "console.log(`user ${userId} created`);",
      errors: [{ messageId: 'probe', data: { answer: 'console.log message=`user ${userId} created` fields=- error=-' }, line: 1, column: 1, endLine: 1, endColumn: 38 }],
    },
    {
      code: "globalThis.console.warn('disk almost full');",
      errors: [{ messageId: 'probe', data: { answer: "console.warn message='disk almost full' fields=- error=-" }, line: 1, column: 1, endLine: 1, endColumn: 44 }],
    },
    {
      // pino: merging object first, then the message
      code: `
        import pino from 'pino';
        const logger = pino({ level: 'info' });
        logger.info({ userId }, 'user created');
      `,
      errors: [{ messageId: 'probe', data: { answer: "pino.info message='user created' fields={ userId } error=-" }, line: 4, column: 9, endLine: 4, endColumn: 48 }],
    },
    {
      // aliased named import, a child logger and an error as the merging object
      code: `
        import { pino as createLogger } from 'pino';
        const log = createLogger().child({ module: 'billing' });
        fetchInvoice().catch((error) => log.error(error, 'invoice fetch failed'));
      `,
      errors: [{ messageId: 'probe', data: { answer: "pino.error message='invoice fetch failed' fields=error error=error" }, line: 4, column: 41, endLine: 4, endColumn: 81 }],
    },
    {
      // the `{ err }` field convention
      code: `
        const pino = require('pino');
        const logger = pino();
        try { run(); } catch (caught) { logger.fatal({ err: caught, jobId }, 'job crashed'); }
      `,
      errors: [{ messageId: 'probe', data: { answer: "pino.fatal message='job crashed' fields={ err: caught, jobId } error=caught" }, line: 4, column: 41, endLine: 4, endColumn: 92 }],
    },
    {
      // `{ error: err.message }` keeps only the text
      code: `
        import pino from 'pino';
        const logger = pino();
        try { run(); } catch (err) { logger.error({ error: err.message }, 'job failed'); }
      `,
      errors: [{ messageId: 'probe', data: { answer: "pino.error message='job failed' fields={ error: err.message } error=-" }, line: 4, column: 38, endLine: 4, endColumn: 88 }],
    },
    {
      // a parameter annotated with pino's type; optional chaining and a cast
      code: `
        import type { Logger } from 'pino';
        export function audit(logger: Logger, action: string) {
          (logger as Logger)?.debug?.({ action }, 'audit');
        }
      `,
      errors: [{ messageId: 'probe', data: { answer: "pino.debug message='audit' fields={ action } error=-" }, line: 4, column: 11, endLine: 4, endColumn: 59 }],
    },
    {
      // winston: message, then meta
      code: `
        import winston from 'winston';
        const logger = winston.createLogger({ transports: [new winston.transports.Console()] });
        logger.error('Payment failed', { orderId });
      `,
      errors: [{ messageId: 'probe', data: { answer: "winston.error message='Payment failed' fields={ orderId } error=-" }, line: 4, column: 9, endLine: 4, endColumn: 52 }],
    },
    {
      // winston's `log(level, message, meta)`
      code: `
        import { createLogger } from 'winston';
        const logger = createLogger();
        logger.log('warn', 'disk almost full', { free });
      `,
      errors: [{ messageId: 'probe', data: { answer: "winston.warn message='disk almost full' fields={ free } error=-" }, line: 4, column: 9, endLine: 4, endColumn: 57 }],
    },
    {
      // winston's `log({ level, message })` and a child
      code: `
        import winston from 'winston';
        const logger = winston.createLogger().child({ service: 'mailer' });
        logger.log({ level: 'error', message: 'send failed' });
      `,
      errors: [{ messageId: 'probe', data: { answer: "winston.error message='send failed' fields={ level: 'error', message: 'send failed' } error=-" }, line: 4, column: 9, endLine: 4, endColumn: 63 }],
    },
    {
      // winston's default logger
      code: "import winston from 'winston'; winston.verbose('cache warmed');",
      errors: [{ messageId: 'probe', data: { answer: "winston.debug message='cache warmed' fields=- error=-" }, line: 1, column: 32, endLine: 1, endColumn: 63 }],
    },
    {
      code: `
        const bunyan = require('bunyan');
        const log = bunyan.createLogger({ name: 'api' });
        log.child({ requestId }).info('request started');
      `,
      errors: [{ messageId: 'probe', data: { answer: "bunyan.info message='request started' fields=- error=-" }, line: 4, column: 9, endLine: 4, endColumn: 57 }],
    },
    {
      // NestJS: a class field logger, `log` is info level, the stack as second argument
      code: `
        import { Injectable, Logger } from '@nestjs/common';
        @Injectable()
        export class UsersService {
          private readonly logger = new Logger(UsersService.name);
          async remove(id: string) {
            try {
              await this.repository.delete(id);
              this.logger.log('user removed');
            } catch (error) {
              this.logger.error('remove failed', error.stack);
            }
          }
        }
      `,
      errors: [
        { messageId: 'probe', data: { answer: "nestjs.info message='user removed' fields=- error=-" }, line: 9, column: 15, endLine: 9, endColumn: 46 },
        { messageId: 'probe', data: { answer: "nestjs.error message='remove failed' fields=- error=error.stack" }, line: 11, column: 15, endLine: 11, endColumn: 62 },
      ],
    },
    {
      // NestJS: an injected logger and the static API
      code: `
        import { Logger as NestLogger } from '@nestjs/common';
        export class Mailer {
          constructor(private readonly logger: NestLogger) {}
          send = () => this.logger.warn('queue full');
        }
        NestLogger.verbose('mailer loaded');
      `,
      errors: [
        { messageId: 'probe', data: { answer: "nestjs.warn message='queue full' fields=- error=-" }, line: 5, column: 24, endLine: 5, endColumn: 54 },
        { messageId: 'probe', data: { answer: "nestjs.trace message='mailer loaded' fields=- error=-" }, line: 7, column: 9, endLine: 7, endColumn: 44 },
      ],
    },
    {
      // Fastify: the app logger and a route handler's request logger
      code: `
        import Fastify from 'fastify';
        const app = Fastify({ logger: true });
        app.get('/health', async (request, reply) => {
          request.log.info({ ip: request.ip }, 'health check');
          return reply.send({ ok: true });
        });
        app.log.warn('listening');
      `,
      errors: [
        { messageId: 'probe', data: { answer: "fastify.info message='health check' fields={ ip: request.ip } error=-" }, line: 5, column: 11, endLine: 5, endColumn: 63 },
        { messageId: 'probe', data: { answer: "fastify.warn message='listening' fields=- error=-" }, line: 8, column: 9, endLine: 8, endColumn: 34 },
      ],
    },
    {
      // Fastify: a plugin typed with `FastifyInstance`
      code: `
        import type { FastifyInstance } from 'fastify';
        export default async function routes(fastify: FastifyInstance) {
          fastify.log.error({ err: loadError }, 'routes failed');
        }
      `,
      errors: [{ messageId: 'probe', data: { answer: "fastify.error message='routes failed' fields={ err: loadError } error=loadError" }, line: 4, column: 11, endLine: 4, endColumn: 65 }],
    },
    {
      code: `
        import log4js from 'log4js';
        const logger = log4js.getLogger('app');
        logger.fatal('database unreachable', reason);
      `,
      errors: [{ messageId: 'probe', data: { answer: "log4js.fatal message='database unreachable' fields=- error=-" }, line: 4, column: 9, endLine: 4, endColumn: 53 }],
    },
    {
      code: `
        import { getLogger } from '@logtape/logtape';
        const logger = getLogger(['shop', 'orders']).getChild('sync');
        logger.warning('Order {id} is stale', { id });
      `,
      errors: [{ messageId: 'probe', data: { answer: "logtape.warn message='Order {id} is stale' fields={ id } error=-" }, line: 4, column: 9, endLine: 4, endColumn: 54 }],
    },
    {
      code: `
        import createDebug from 'debug';
        const debug = createDebug('app:db').extend('pool');
        debug('connected to %s', host);
      `,
      errors: [{ messageId: 'probe', data: { answer: "debug.debug message='connected to %s' fields=- error=-" }, line: 4, column: 9, endLine: 4, endColumn: 39 }],
    },
    {
      // type errors do not stop resolution
      code: `
        import pino from 'pino';
        const logger = pino();
        const count: string = 42;
        logger.info(count, undefined as unknown as number);
      `,
      errors: [{ messageId: 'probe', data: { answer: 'pino.info message=undefined as unknown as number fields=count error=-' }, line: 5, column: 9, endLine: 5, endColumn: 59 }],
    },
  ],
});
