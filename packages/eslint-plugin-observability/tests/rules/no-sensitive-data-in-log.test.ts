import { createRuleTester } from '@prodready/test-kit';

import rule from '../../src/rules/no-sensitive-data-in-log.js';

const ruleTester = createRuleTester();

ruleTester.run('no-sensitive-data-in-log', rule, {
  valid: [
    // the fields that matter, not the credential
    "console.log('login attempt', { email: user.email, userId: user.id });",
    // a redacted or boolean form of the credential
    "console.log('login attempt', { password: '[REDACTED]', hasToken: !!token });",
    "console.log('api key configured', { apiKey: apiKey ? 'set' : 'missing' });",
    // names that only mention a credential
    "console.log('password reset requested', { passwordResetAt, tokenType, nextPageToken, maxTokens });",
    "console.log('key loaded', { key, cacheKey, tokenCount: tokens.length });",
    // a transformed value: masked, hashed, truncated
    "console.log('token issued', { token: mask(token) });",
    // a field of the request body, not the body
    `
      import express from 'express';
      const app = express();
      app.post('/orders', (req, res) => { console.info('order received', { sku: req.body.sku }); res.sendStatus(202); });
    `,
    // a local object named `logger`
    `
      const logger = { info: (message: string, meta: object) => [message, meta] };
      logger.info('signed in', { password });
    `,
    // pino with a redact path for the field in the same file
    `
      import pino from 'pino';
      const logger = pino({ redact: ['req.headers.authorization', 'user.password'] });
      logger.info({ authorization: req.headers.authorization, password }, 'request');
    `,
    // a harmless header read by name
    `
      import express from 'express';
      const app = express();
      app.get('/me', (req, res) => { console.log('request', req.get('x-request-id')); res.end(); });
    `,
    // one field of a Next.js route handler's JSON body
    {
      code: `
        export async function POST(request: Request) {
          const payload = await request.json();
          console.log('checkout', payload.cartId);
          return Response.json({ ok: true });
        }
      `,
      filename: 'app/api/checkout/route.ts',
    },
    // not a log call
    'sendEmail(user.email, { token });',
    // allowed by option
    {
      code: "console.log('form rendered', { csrfToken });",
      options: [{ allow: ['csrfToken'] }],
    },
    // a command-line script prints to its operator, not to a log
    {
      code: "console.log(`Admin password: ${password}`);",
      filename: 'scripts/create-admin.ts',
    },
    // test files are skipped
    {
      code: "console.log('fixture', { password: 'hunter2hunter2' , token });",
      filename: 'src/auth.test.ts',
    },
    // type errors do not crash
    'console.log(undefinedLogger.missing as unknown as number, { ...(null as any) });',
  ],
  invalid: [
    // the same line in server code
    {
      code: "console.log(`Admin password: ${password}`);",
      filename: 'src/admin.ts',
      errors: [{ messageId: 'sensitiveValue', data: { name: 'password' }, line: 1, column: 32, endLine: 1, endColumn: 40 }],
    },
    {
      code: "console.log('login attempt', { email, password });",
      errors: [{ messageId: 'sensitiveValue', data: { name: 'password' }, line: 1, column: 39, endLine: 1, endColumn: 47 }],
    },
    {
      code: "console.log('user created', user.email, user.passwordHash);",
      errors: [{ messageId: 'sensitiveValue', data: { name: 'passwordHash' }, line: 1, column: 41, endLine: 1, endColumn: 58 }],
    },
    // template literals and concatenation
    {
      code: 'console.log(`issued token ${accessToken} for ${userId}`);',
      errors: [{ messageId: 'sensitiveValue', data: { name: 'accessToken' }, line: 1, column: 29, endLine: 1, endColumn: 40 }],
    },
    {
      code: "console.log('Stripe key: ' + process.env.STRIPE_SECRET_KEY);",
      errors: [
        { messageId: 'sensitiveValue', data: { name: 'STRIPE_SECRET_KEY' }, line: 1, column: 30, endLine: 1, endColumn: 59 },
      ],
    },
    // TS casts and optional chaining
    {
      code: "console.debug('session', (session?.refreshToken as string));",
      errors: [{ messageId: 'sensitiveValue', data: { name: 'refreshToken' }, line: 1, column: 27, endLine: 1, endColumn: 48 }],
    },
    // pino, aliased import, merging object
    {
      code: `
        import createLogger from 'pino';
        const log = createLogger();
        log.info({ userId, apiKey: config.apiKey }, 'client configured');
      `,
      errors: [{ messageId: 'sensitiveValue', data: { name: 'apiKey' }, line: 4, column: 28, endLine: 4, endColumn: 49 }],
    },
    // pino redacts other paths
    {
      code: `
        import pino from 'pino';
        const logger = pino({ redact: { paths: ['password'] } });
        logger.info({ clientSecret }, 'oauth client');
      `,
      errors: [{ messageId: 'sensitiveValue', data: { name: 'clientSecret' }, line: 4, column: 23, endLine: 4, endColumn: 35 }],
    },
    // winston meta
    {
      code: `
        import winston from 'winston';
        const logger = winston.createLogger();
        logger.info('webhook received', { signature, secret: webhookSecret });
      `,
      errors: [{ messageId: 'sensitiveValue', data: { name: 'secret' }, line: 4, column: 54, endLine: 4, endColumn: 75 }],
    },
    // a header read by name
    {
      code: `
        import express from 'express';
        const app = express();
        app.get('/me', (req, res) => { console.log('auth', req.get('Authorization')); res.end(); });
      `,
      errors: [
        { messageId: 'sensitiveValue', data: { name: 'Authorization' }, line: 4, column: 60, endLine: 4, endColumn: 84 },
      ],
    },
    // whole request body and headers
    {
      code: `
        import express from 'express';
        const app = express();
        app.post('/signup', (req, res) => { console.log('signup', req.body); res.sendStatus(201); });
      `,
      errors: [
        { messageId: 'requestData', data: { source: 'the request body' }, line: 4, column: 67, endLine: 4, endColumn: 75 },
      ],
    },
    {
      code: `
        import express from 'express';
        const app = express();
        app.use((req, res, next) => { console.log(\`\${req.method} \${req.url}\`, { headers: req.headers }); next(); });
      `,
      errors: [
        { messageId: 'requestData', data: { source: 'a request header' }, line: 4, column: 90, endLine: 4, endColumn: 101 },
      ],
    },
    // destructured and aliased containers
    {
      code: `
        import express from 'express';
        const app = express();
        app.post('/login', ({ body }, res) => { console.log('login', { ...body }); res.end(); });
      `,
      errors: [
        { messageId: 'requestData', data: { source: 'the request body' }, line: 4, column: 75, endLine: 4, endColumn: 79 },
      ],
    },
    // Next.js route handler
    {
      code: `
        export async function POST(request: Request) {
          const payload = await request.json();
          console.log('checkout payload', payload);
          return Response.json({ ok: true });
        }
      `,
      filename: 'app/api/checkout/route.ts',
      errors: [{ messageId: 'requestData', data: { source: 'the JSON body' }, line: 4, column: 43, endLine: 4, endColumn: 50 }],
    },
  ],
});
