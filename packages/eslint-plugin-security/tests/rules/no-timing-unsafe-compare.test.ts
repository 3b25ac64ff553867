import { createRuleTester } from '@prodready/test-kit';

import rule from '../../src/rules/no-timing-unsafe-compare.js';

const ruleTester = createRuleTester();

ruleTester.run('no-timing-unsafe-compare', rule, {
  valid: [
    // constant-time comparison
    `
      import express from 'express';
      import crypto from 'crypto';
      const app = express();
      app.post('/webhook', (req, res) => {
        const expected = Buffer.from(crypto.createHmac('sha256', secret).update(req.rawBody).digest('hex'));
        const received = Buffer.from(String(req.headers['x-signature']));
        if (expected.length !== received.length || !crypto.timingSafeEqual(expected, received)) return res.sendStatus(401);
      });
    `,
    // presence checks against null, undefined and ''
    `
      import express from 'express';
      const app = express();
      app.get('/me', (req, res) => {
        if (req.headers.authorization === undefined || req.query.token === '') return res.sendStatus(401);
      });
    `,
    // both sides from the request: a confirmation field, not a secret
    `
      import express from 'express';
      const app = express();
      app.post('/signup', (req, res) => {
        if (req.body.password !== req.body.confirmPassword) return res.status(400).end();
      });
    `,
    // a password checked against its confirmation from the same form
    `
      import express from 'express';
      const app = express();
      app.post('/signup', (req, res) => {
        const { password, verify } = req.body;
        if (storedPassword !== verify) return res.status(400).end();
      });
    `,
    // a secret compared with something that is not request input
    `
      import express from 'express';
      const app = express();
      app.post('/rotate', (req, res) => {
        if (currentToken === previousToken) rotate();
      });
    `,
    // a non-secret compared with request input
    `
      import express from 'express';
      const app = express();
      app.get('/users/:id', (req, res) => {
        if (req.params.id === user.id) return res.json(user);
      });
    `,
    // allow-listed name
    {
      code: `
        import express from 'express';
        const app = express();
        app.post('/form', (req, res) => {
          if (req.body._csrf !== req.session.csrfToken) return res.sendStatus(403);
        });
      `,
      options: [{ allow: ['csrfToken'] }],
    },
    // test files
    {
      code: `
        import express from 'express';
        const app = express();
        app.get('/', (req, res) => { if (req.query.token === process.env.API_TOKEN) res.end(); });
      `,
      filename: 'src/app.test.ts',
    },
  ],
  invalid: [
    {
      code: `
        import express from 'express';
        const app = express();
        app.use((req, res, next) => {
          if (req.headers['x-api-key'] !== process.env.API_KEY) return res.sendStatus(401);
          next();
        });
      `,
      errors: [
        {
          messageId: 'timingUnsafeCompare',
          data: { name: 'API_KEY', operator: '!==' },
          line: 5,
          column: 15,
          endLine: 5,
          endColumn: 63,
        },
      ],
    },
    {
      // an HMAC digest through a variable, against a header read with optional chaining and a cast
      code: `
        import express from 'express';
        import { createHmac as hmac } from 'node:crypto';
        const app = express();
        app.post('/webhook', (req, res) => {
          const digest = hmac('sha256', secret).update(JSON.stringify(req.body)).digest('hex');
          if ((req.headers?.['x-hub-signature'] as string) === digest) handle(req.body);
        });
      `,
      errors: [
        {
          messageId: 'timingUnsafeCompare',
          data: { name: 'digest', operator: '===' },
          line: 7,
          column: 15,
          endLine: 7,
          endColumn: 70,
        },
      ],
    },
    {
      // a stored token compared with a destructured body field, with a type error
      code: `
        import express from 'express';
        const app = express();
        app.post('/verify', async (req, res) => {
          const { token } = req.body;
          const n: string = 1;
          if (token == user.verificationToken) await markVerified(user);
        });
      `,
      errors: [
        {
          messageId: 'timingUnsafeCompare',
          data: { name: 'verificationToken', operator: '==' },
          line: 7,
          column: 15,
          endLine: 7,
          endColumn: 46,
        },
      ],
    },
  ],
});
