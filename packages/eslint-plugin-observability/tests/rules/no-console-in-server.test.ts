import { createRuleTester } from '@prodready/test-kit';

import rule from '../../src/rules/no-console-in-server.js';
import { createFactsSettings } from '../facts.js';

const ruleTester = createRuleTester();
const pino = createFactsSettings(['express', 'pino']);
const nest = createFactsSettings(['@nestjs/common', '@nestjs/core']);
const noLogger = createFactsSettings(['express']);
const noFacts = { prodready: { factsFile: '/nonexistent/prodready-facts.json' } };

ruleTester.run('no-console-in-server', rule, {
  valid: [
    // the project has no logging library
    { code: "console.log('order paid');", filename: 'src/orders/service.ts', settings: noLogger },
    // no project facts: silent
    { code: "console.log('order paid');", filename: 'src/orders/service.ts', settings: noFacts },
    // a local named `console`
    { code: "const console = { log: (message: string) => message };\nconsole.log('order paid');", filename: 'src/orders/service.ts', settings: pino },
    // browser code
    { code: "'use client';\nconsole.log('clicked');", filename: 'src/components/cart.ts', settings: pino },
    { code: "console.log(window.location.href);", filename: 'src/lib/analytics.ts', settings: pino },
    // components
    { code: "export function Cart() { console.log('render'); return null; }", filename: 'src/components/cart.tsx', settings: pino },
    // scripts and command-line programs
    { code: "console.log('seeded 10 users');", filename: 'scripts/seed-users.ts', settings: pino },
    { code: "#!/usr/bin/env node\nconsole.log('done');", filename: 'src/reset.ts', settings: pino },
    // seeds, migrations and config files
    { code: "console.log('seeding');", filename: 'prisma/seed.ts', settings: pino },
    { code: "console.log('adding column');", filename: 'src/db/migrations/0002-add-status.ts', settings: pino },
    { code: "console.log('loaded config');", filename: 'vite.config.ts', settings: pino },
    // the logger's own fallback and build tooling
    { code: "console.error('log transport failed');", filename: 'src/lib/logger.ts', settings: pino },
    { code: "console.warn('sentry disabled');", filename: 'server/logging/sentry.ts', settings: pino },
    { code: "console.log('bundling');", filename: 'tools/build-assets.ts', settings: pino },
    { code: "console.log('renamed');", filename: '.install-scripts/helpers/replace.ts', settings: pino },
    { code: "console.log('migrated');", filename: 'database/migrate.ts', settings: pino },
    // tests
    { code: "console.log('debugging');", filename: 'src/orders/service.test.ts', settings: pino },
    // an allowed method
    { code: "console.error('fatal: cannot start');", filename: 'src/server.ts', settings: pino, options: [{ allow: ['error'] }] },
    // not a logging method
    { code: "console.time('boot');", filename: 'src/server.ts', settings: pino },
    // type errors do not crash
    { code: 'console.log(undefinedThing as number);', filename: 'src/server.ts', settings: noLogger },
  ],
  invalid: [
    {
      code: "console.log('order paid', orderId);",
      filename: 'src/orders/service.ts',
      settings: pino,
      errors: [{ messageId: 'consoleInServer', data: { method: 'log', logger: 'pino' }, line: 1, column: 1, endLine: 1, endColumn: 12 }],
    },
    {
      // TS cast in the arguments; error level too
      code: "try { await charge(); } catch (err) { console.error('charge failed', err as Error); }",
      filename: 'src/billing.ts',
      settings: pino,
      errors: [{ messageId: 'consoleInServer', data: { method: 'error', logger: 'pino' }, line: 1, column: 39, endLine: 1, endColumn: 52 }],
    },
    {
      code: `
        @Injectable()
        export class OrdersService {
          async pay(orderId: string) {
            console.warn('payment retried', orderId);
          }
        }
      `,
      filename: 'src/orders/orders.service.ts',
      settings: nest,
      errors: [
        { messageId: 'consoleInServer', data: { method: 'warn', logger: 'the NestJS `Logger`' }, line: 5, column: 13, endLine: 5, endColumn: 25 },
      ],
    },
  ],
});
