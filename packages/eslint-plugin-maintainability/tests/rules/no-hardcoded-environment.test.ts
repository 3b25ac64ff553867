import { createRuleTester } from '@prodready/test-kit';

import rule from '../../src/rules/no-hardcoded-environment.js';

const ruleTester = createRuleTester();

ruleTester.run('no-hardcoded-environment', rule, {
  valid: [
    // targets read from configuration, or local defaults behind an env fallback
    "import { Pool } from 'pg'; export const pool = new Pool({ host: process.env.DB_HOST });",
    "import { Pool } from 'pg'; export const pool = new Pool({ host: process.env.DB_HOST ?? 'localhost' });",
    "export const users = await fetch(process.env.API_URL || 'http://localhost:3000/users');",
    // public third-party APIs are fixed addresses on purpose
    "export const charges = await fetch('https://api.stripe.com/v1/charges');",
    // a base for parsing request URLs is not a connection
    "export const parse = (path: string) => new URL(path, 'http://localhost');",
    // a same-named local `fetch` is not the global one
    `
      const fetch = (url: string) => cache.get(url);
      export const cached = fetch('http://localhost:3000/users');
    `,
    // strings that are compared or logged, not connected to
    "export const isLocal = (url: string) => url.startsWith('http://localhost');",
    "console.log('listening on http://localhost:3000');",
    // a key that is not a target
    "import { Pool } from 'pg'; export const pool = new Pool({ application_name: 'localhost' });",
    // the port from the environment, or a server that is not an HTTP framework
    `
      import express from 'express';
      const app = express();
      app.listen(Number(process.env.PORT) || 3000);
    `,
    'export const queue = { listen: (port: number) => port }; queue.listen(3000);',
    // configuration, scripts and test files are skipped
    {
      code: "import { Pool } from 'pg'; export const pool = new Pool({ host: 'localhost' });",
      filename: 'src/config/database.ts',
    },
    {
      code: "export const users = await fetch('http://localhost:3000/users');",
      filename: 'src/users.test.ts',
    },
    {
      // a CLI's local OAuth callback server listens on a fixed port on purpose
      code: "import http from 'node:http'; http.createServer(onCallback).listen(4587);",
      filename: 'packages/cli/src/api/callback.ts',
    },
    {
      code: "export const users = await fetch('http://localhost:3000/users');",
      filename: 'src/tools/smoke.ts',
      options: [{ configFiles: ['**/tools/**'] }],
    },
  ],
  invalid: [
    {
      code: "import { Pool } from 'pg'; export const pool = new Pool({ host: 'localhost', port: 5432 });",
      errors: [
        { messageId: 'localTarget', data: { host: 'localhost' }, line: 1, column: 65, endLine: 1, endColumn: 76 },
      ],
    },
    {
      // a template URL and a cast
      code: 'export const loadUser = (id: string) => fetch(`http://127.0.0.1:3000/users/${id}` as string);',
      errors: [
        { messageId: 'localTarget', data: { host: '127.0.0.1' }, line: 1, column: 47, endLine: 1, endColumn: 82 },
      ],
    },
    {
      // resolved by origin: an aliased default import
      code: "import http from 'axios'; export const health = () => http.get('http://localhost:4000/health');",
      errors: [
        { messageId: 'localTarget', data: { host: 'localhost' }, line: 1, column: 64, endLine: 1, endColumn: 94 },
      ],
    },
    {
      code: "import mongoose from 'mongoose'; await mongoose.connect('mongodb://localhost:27017/shop');",
      errors: [
        { messageId: 'localTarget', data: { host: 'localhost' }, line: 1, column: 57, endLine: 1, endColumn: 89 },
      ],
    },
    {
      // nested options object, optional chaining
      code: "import knex from 'knex'; export const db = knex?.({ client: 'pg', connection: { host: '10.0.3.17' } });",
      errors: [
        { messageId: 'ipTarget', data: { host: '10.0.3.17' }, line: 1, column: 87, endLine: 1, endColumn: 98 },
      ],
    },
    {
      code: "import { Kafka } from 'kafkajs'; export const kafka = new Kafka({ brokers: ['localhost:9092'] });",
      errors: [
        { messageId: 'localTarget', data: { host: 'localhost' }, line: 1, column: 77, endLine: 1, endColumn: 93 },
      ],
    },
    {
      code: `
        import express from 'express';
        const app = express();
        app.listen(3000);
      `,
      errors: [{ messageId: 'hardcodedPort', line: 4, column: 20, endLine: 4, endColumn: 24 }],
    },
    {
      // node:http, outside tooling folders
      code: "import http from 'node:http'; http.createServer(app).listen(8080);",
      errors: [{ messageId: 'hardcodedPort', line: 1, column: 61, endLine: 1, endColumn: 65 }],
    },
    {
      code: "import Fastify from 'fastify'; const app = Fastify(); await app.listen({ port: 8080, host: '0.0.0.0' });",
      errors: [{ messageId: 'hardcodedPort', line: 1, column: 80, endLine: 1, endColumn: 84 }],
    },
    {
      // code with type errors does not crash
      code: "import { createClient } from 'redis'; export const redis = createClient({ url: 'redis://localhost:6379' as number });",
      errors: [
        { messageId: 'localTarget', data: { host: 'localhost' }, line: 1, column: 80, endLine: 1, endColumn: 104 },
      ],
    },
  ],
});
