import { createRuleTester } from '@prodready/test-kit';
import type { TSESTree } from '@typescript-eslint/utils';

import { getEnclosingRequestHandler } from '../../src/frameworks/request/get-enclosing-request-handler.js';
import { createProbeRule } from '../probe.js';

// Reports `framework method route` of the handler around each `sink()` call.
const rule = createProbeRule<TSESTree.CallExpression>('CallExpression[callee.name="sink"]', (context, node) => {
  const handler = getEnclosingRequestHandler(context, node);
  return handler && `${handler.framework} ${handler.method ?? '-'} ${handler.route ?? '-'}`;
});

createRuleTester().run('getEnclosingRequestHandler', rule, {
  valid: [
    // module scope and a plain function are outside any handler
    `
        sink();
        export function loadUsers() { sink(); }
      `,
    // a same-named local `app` that is not Express
    `
        const app = { get: (path: string, fn: () => void) => fn() };
        app.get('/users', () => { sink(); });
      `,
  ],
  invalid: [
    {
      // callbacks inside a handler belong to it
      code: `
        import express from 'express';
        const app = express();
        app.get('/users', async (req, res) => {
          sink();
          const users = [1, 2].map((id) => { sink(); return id; });
          res.json(users);
        });
      `,
      errors: [
        { messageId: 'probe', data: { answer: 'express GET /users' }, line: 5, column: 11, endLine: 5, endColumn: 17 },
        { messageId: 'probe', data: { answer: 'express GET /users' }, line: 6, column: 46, endLine: 6, endColumn: 52 },
      ],
    },
    {
      // a Hono handler nested in a factory
      code: `
        import { Hono } from 'hono';
        export function createApp() {
          const app = new Hono();
          app.delete('/posts/:id', (c) => { sink(); return c.body(null, 204); });
          sink();
          return app;
        }
      `,
      errors: [
        { messageId: 'probe', data: { answer: 'hono DELETE /posts/:id' }, line: 5, column: 45, endLine: 5, endColumn: 51 },
      ],
    },
  ],
});
