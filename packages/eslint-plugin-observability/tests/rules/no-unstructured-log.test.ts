import { createRuleTester } from '@prodready/test-kit';

import rule from '../../src/rules/no-unstructured-log.js';

const ruleTester = createRuleTester();

ruleTester.run('no-unstructured-log', rule, {
  valid: [
    // values in fields, constant message
    `
      import pino from 'pino';
      const logger = pino();
      logger.info({ orderId }, 'order paid');
    `,
    // a template literal without values
    `
      import pino from 'pino';
      const logger = pino();
      logger.info(\`order paid\`);
    `,
    // console has no fields
    'console.log(`order ${orderId} paid`);',
    // NestJS Logger has no fields
    `
      import { Logger } from '@nestjs/common';
      const logger = new Logger('Orders');
      logger.log(\`order \${orderId} paid\`);
    `,
    // a local object named `logger`
    `
      const logger = { info: (message: string) => message };
      logger.info(\`order \${orderId} paid\`);
    `,
    // only constants are interpolated
    `
      import pino from 'pino';
      const logger = pino();
      logger.info(\`\${SERVICE_NAME} started\`);
    `,
    // environment reads and formatted literals are the same in every record
    `
      import winston from 'winston';
      const logger = winston.createLogger();
      logger.info(\`config \${chalk.bold(process.env.NODE_ENV ?? 'default')} validated (\${chalk.green('OK')})\`);
    `,
    // arithmetic, not a message
    `
      import winston from 'winston';
      const logger = winston.createLogger();
      logger.info(count + 1);
    `,
    // a built string passed as a field value
    `
      import pino from 'pino';
      const logger = pino();
      logger.info({ path: \`/orders/\${orderId}\` }, 'order paid');
    `,
    // test files
    {
      code: `
        import pino from 'pino';
        const logger = pino();
        logger.info(\`order \${orderId} paid\`);
      `,
      filename: 'src/orders.test.ts',
    },
    // type errors do not crash
    `
      import pino from 'pino';
      const logger = pino();
      logger.info(undefinedThing as number);
    `,
  ],
  invalid: [
    {
      // pino: fields first
      code: `
        import pino from 'pino';
        const logger = pino();
        logger.info(\`order \${orderId} paid\`);
      `,
      errors: [
        {
          messageId: 'interpolatedMessage',
          data: { library: 'pino' },
          line: 4,
          column: 21,
          endLine: 4,
          endColumn: 44,
          suggestions: [
            {
              messageId: 'moveToFields',
              data: { fields: '{ orderId }' },
              output: `
        import pino from 'pino';
        const logger = pino();
        logger.info({ orderId }, 'order paid');
      `,
            },
          ],
        },
      ],
    },
    {
      // aliased import, child logger, member values and a caught error's message
      code: `
        import createLogger from 'pino';
        const log = createLogger().child({ module: 'billing' });
        try { await charge(); } catch (err) {
          log.error('charge failed for ' + order.id + ': ' + err.message);
        }
      `,
      errors: [
        {
          messageId: 'interpolatedMessage',
          data: { library: 'pino' },
          line: 5,
          column: 21,
          endLine: 5,
          endColumn: 73,
          suggestions: [
            {
              messageId: 'moveToFields',
              data: { fields: '{ orderId: order.id, err }' },
              output: `
        import createLogger from 'pino';
        const log = createLogger().child({ module: 'billing' });
        try { await charge(); } catch (err) {
          log.error({ orderId: order.id, err }, 'charge failed for');
        }
      `,
            },
          ],
        },
      ],
    },
    {
      // pino: merged into the existing fields object
      code: `
        import pino from 'pino';
        const logger = pino();
        logger.warn({ tenantId }, \`retrying \${jobName}\`);
      `,
      errors: [
        {
          messageId: 'interpolatedMessage',
          data: { library: 'pino' },
          line: 4,
          column: 35,
          endLine: 4,
          endColumn: 56,
          suggestions: [
            {
              messageId: 'moveToFields',
              data: { fields: '{ jobName }' },
              output: `
        import pino from 'pino';
        const logger = pino();
        logger.warn({ tenantId, jobName }, 'retrying');
      `,
            },
          ],
        },
      ],
    },
    {
      // winston: message first, then meta
      code: `
        import winston from 'winston';
        const logger = winston.createLogger({ transports: [] });
        logger.info(\`user \${user.id} signed in from \${ip}\`);
      `,
      errors: [
        {
          messageId: 'interpolatedMessage',
          data: { library: 'winston' },
          line: 4,
          column: 21,
          endLine: 4,
          endColumn: 59,
          suggestions: [
            {
              messageId: 'moveToFields',
              data: { fields: '{ userId: user.id, ip }' },
              output: `
        import winston from 'winston';
        const logger = winston.createLogger({ transports: [] });
        logger.info('user signed in from', { userId: user.id, ip });
      `,
            },
          ],
        },
      ],
    },
    {
      // winston: merged into the meta object; TS cast on the value
      code: `
        import { createLogger } from 'winston';
        const logger = createLogger();
        logger.error(\`payment \${paymentId as string} declined\`, { provider: 'stripe' });
      `,
      errors: [
        {
          messageId: 'interpolatedMessage',
          data: { library: 'winston' },
          line: 4,
          column: 22,
          endLine: 4,
          endColumn: 63,
          suggestions: [
            {
              messageId: 'moveToFields',
              data: { fields: '{ paymentId }' },
              output: `
        import { createLogger } from 'winston';
        const logger = createLogger();
        logger.error('payment declined', { provider: 'stripe', paymentId });
      `,
            },
          ],
        },
      ],
    },
    {
      // LogTape: placeholders in the message
      code: `
        import { getLogger } from '@logtape/logtape';
        const logger = getLogger(['app']);
        logger.info(\`order \${orderId} shipped\`);
      `,
      errors: [
        {
          messageId: 'interpolatedMessage',
          data: { library: 'LogTape' },
          line: 4,
          column: 21,
          endLine: 4,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'moveToFields',
              data: { fields: '{ orderId }' },
              output: `
        import { getLogger } from '@logtape/logtape';
        const logger = getLogger(['app']);
        logger.info('order {orderId} shipped', { orderId });
      `,
            },
          ],
        },
      ],
    },
    {
      // Fastify's request logger, optional chaining; a value without a field name gets no suggestion
      code: `
        import Fastify from 'fastify';
        const app = Fastify();
        app.get('/orders', async (request) => {
          request.log?.info(\`listing \${items.filter(isOpen).length} orders\`);
        });
      `,
      errors: [
        {
          messageId: 'interpolatedMessage',
          data: { library: 'pino (Fastify)' },
          line: 5,
          column: 29,
          endLine: 5,
          endColumn: 76,
          suggestions: [],
        },
      ],
    },
    {
      // printf-style arguments after the message: reported, not rewritten
      code: `
        import pino from 'pino';
        const logger = pino();
        logger.info(\`\${method} took %d ms\`, elapsed);
      `,
      errors: [{ messageId: 'interpolatedMessage', data: { library: 'pino' }, line: 4, column: 21, endLine: 4, endColumn: 43, suggestions: [] }],
    },
    {
      // constants are reported with `checkConstants`
      code: `
        import pino from 'pino';
        const logger = pino();
        logger.info(\`\${SERVICE_NAME} started\`);
      `,
      options: [{ checkConstants: true }],
      errors: [
        {
          messageId: 'interpolatedMessage',
          data: { library: 'pino' },
          line: 4,
          column: 21,
          endLine: 4,
          endColumn: 46,
          suggestions: [
            {
              messageId: 'moveToFields',
              data: { fields: '{ SERVICE_NAME }' },
              output: `
        import pino from 'pino';
        const logger = pino();
        logger.info({ SERVICE_NAME }, 'started');
      `,
            },
          ],
        },
      ],
    },
  ],
});
