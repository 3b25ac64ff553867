import { createRuleTester } from '@prodready/test-kit';

import rule from '../../src/rules/require-process-error-handlers.js';

const ruleTester = createRuleTester();

ruleTester.run('require-process-error-handlers', rule, {
  valid: [
    // both handlers
    {
      code: `
        import express from 'express';
        const app = express();
        const server = app.listen(3000);
        process.on('unhandledRejection', (reason) => { logger.fatal({ err: reason }); process.exit(1); });
        process.on('SIGTERM', () => server.close(() => process.exit(0)));
      `,
      filename: 'src/server.ts',
    },
    // handlers registered in a loop, `node:process` import, `once`
    {
      code: `
        import process from 'node:process';
        import { createServer } from 'node:http';
        const server = createServer(handler).listen(8080);
        process.once('uncaughtException', crash);
        for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close());
      `,
      filename: 'src/index.ts',
    },
    // NestJS installs its own shutdown hooks
    {
      code: `
        import { NestFactory } from '@nestjs/core';
        async function bootstrap() {
          const app = await NestFactory.create(AppModule);
          app.enableShutdownHooks();
          process.on('unhandledRejection', (reason) => logger.error(reason));
          await app.listen(3000);
        }
        bootstrap();
      `,
      filename: 'src/main.ts',
    },
    // close-with-grace handles signals and uncaught errors
    {
      code: `
        import Fastify from 'fastify';
        import closeWithGrace from 'close-with-grace';
        const app = Fastify({ logger: true });
        closeWithGrace(async () => { await app.close(); });
        await app.listen({ port: 3000 });
      `,
      filename: 'src/server.ts',
    },
    // terminus drains the server on SIGTERM
    {
      code: `
        const http = require('http');
        const { createTerminus } = require('@godaddy/terminus');
        const server = http.createServer(app);
        createTerminus(server, { signals: ['SIGTERM'] });
        process.on('uncaughtException', (err) => { logger.fatal(err); process.exit(1); });
        server.listen(3000);
      `,
      filename: 'src/index.js',
    },
    // a project module imported for its side effects installs the handlers
    { code: "import './process-handlers';\nimport express from 'express';\nexpress().listen(3000);", filename: 'src/server.ts' },
    // a listen inside an exported function nothing here calls: the caller owns the process
    {
      code: `
        import express from 'express';
        export function startServer(port: number) {
          const app = express();
          return app.listen(port);
        }
      `,
      filename: 'src/app.ts',
    },
    // a class method
    {
      code: `
        import Koa from 'koa';
        export class Server {
          app = new Koa();
          start() { this.app.listen(3000); }
        }
      `,
      filename: 'src/server.ts',
    },
    // a same-named local that is not a server
    {
      code: `
        const app = { listen: (port: number) => port };
        app.listen(3000);
      `,
      filename: 'src/server.ts',
    },
    // an app imported from a project module without project facts: unknown
    { code: "import app from './app';\napp.listen(3000);", filename: 'src/server.ts' },
    // a local `serve`
    { code: 'function serve(options: object) { return options; }\nserve({ port: 3000 });', filename: 'src/index.ts' },
    // tests and command-line programs
    { code: "import express from 'express';\nconst app = express();\napp.listen(0);", filename: 'src/server.test.ts' },
    { code: "import express from 'express';\nconst app = express();\napp.listen(4000);", filename: 'scripts/mock-api.ts' },
    // type errors do not crash
    { code: "import express from 'express';\n(express() as unknown as Missing).listen(port as number);\nprocess.on('SIGTERM', stop);\nprocess.on('uncaughtException', crash);", filename: 'src/server.ts' },
  ],
  invalid: [
    {
      code: `
        import express from 'express';
        const app = express();
        app.listen(3000, () => console.log('listening'));
      `,
      filename: 'src/server.ts',
      errors: [
        { messageId: 'missingCrashHandlers', line: 4, column: 9, endLine: 4, endColumn: 19 },
        { messageId: 'missingGracefulShutdown', line: 4, column: 9, endLine: 4, endColumn: 19 },
      ],
    },
    {
      // crash handlers but no shutdown; aliased import, optional chaining
      code: `
        import createApp from 'express';
        const app = createApp();
        process.on('unhandledRejection', (reason) => logger.error(reason));
        app?.listen(3000);
      `,
      filename: 'src/server.ts',
      errors: [{ messageId: 'missingGracefulShutdown', line: 5, column: 9, endLine: 5, endColumn: 20 }],
    },
    {
      // shutdown but no crash handlers; http server, reported once at the first listen
      code: `
        const http = require('node:http');
        const server = http.createServer(app);
        process.on('SIGTERM', () => server.close());
        server.listen(3000);
        server.listen(3001);
      `,
      filename: 'src/index.js',
      errors: [{ messageId: 'missingCrashHandlers', line: 5, column: 9, endLine: 5, endColumn: 22 }],
    },
    {
      // NestJS bootstrap called by the module
      code: `
        import { NestFactory } from '@nestjs/core';
        async function bootstrap() {
          const app = await NestFactory.create(AppModule);
          await app.listen(process.env.PORT ?? 3000);
        }
        void bootstrap();
      `,
      filename: 'src/main.ts',
      errors: [
        { messageId: 'missingCrashHandlers', line: 5, column: 17, endLine: 5, endColumn: 27 },
        { messageId: 'missingGracefulShutdown', line: 5, column: 17, endLine: 5, endColumn: 27 },
      ],
    },
    {
      // a listen in a callback; TS cast on the app
      code: `
        import Koa from 'koa';
        const app = new Koa() as Koa;
        process.on('uncaughtException', crash);
        connectDatabase().then(() => app.listen(3000));
      `,
      filename: 'src/server.ts',
      errors: [{ messageId: 'missingGracefulShutdown', line: 5, column: 38, endLine: 5, endColumn: 48 }],
    },
    {
      // Hono on Node
      code: `
        import { serve as startHono } from '@hono/node-server';
        process.on('unhandledRejection', crash);
        startHono({ fetch: app.fetch, port: 3000 });
      `,
      filename: 'src/index.ts',
      errors: [{ messageId: 'missingGracefulShutdown', line: 4, column: 9, endLine: 4, endColumn: 18 }],
    },
  ],
});
