import { createRuleTester } from '@prodready/test-kit';
import type { TSESTree } from '@typescript-eslint/utils';

import { getRouteScope } from '../../src/frameworks/auth/get-route-scope.js';
import { getEnclosingRequestHandler } from '../../src/frameworks/request/get-enclosing-request-handler.js';
import { createProbeRule } from '../probe.js';

// Reports `router visible|hidden` for the handler around each `sink()` call.
const rule = createProbeRule<TSESTree.CallExpression>('CallExpression[callee.name="sink"]', (context, node) => {
  const handler = getEnclosingRequestHandler(context, node);
  const scope = handler && getRouteScope(context, handler);
  return scope && `${scope.router.name} ${scope.visible ? 'visible' : 'hidden'}`;
});

createRuleTester().run('getRouteScope', rule, {
  valid: [
    // a Next.js route handler has no router
    {
      code: `
        export async function POST(request: Request) { sink(); return new Response(); }
      `,
      filename: 'app/api/posts/route.ts',
    },
  ],
  invalid: [
    {
      // an app created here, a router mounted here, an exported router, an app handed to unseen code
      code: `
        import express from 'express';
        import { setup } from './setup';
        const app = express();
        const mounted = express.Router();
        const exported = express.Router();
        app.post('/a', (req, res) => { sink(); });
        mounted.post('/b', (req, res) => { sink(); });
        exported.post('/c', (req, res) => { sink(); });
        app.use('/m', mounted);
        export { exported };
        const other = express();
        setup(other);
        other.post('/d', (req, res) => { sink(); });
      `,
      errors: [
        { messageId: 'probe', data: { answer: 'app visible' }, line: 7, column: 40, endLine: 7, endColumn: 46 },
        { messageId: 'probe', data: { answer: 'mounted visible' }, line: 8, column: 44, endLine: 8, endColumn: 50 },
        { messageId: 'probe', data: { answer: 'exported hidden' }, line: 9, column: 45, endLine: 9, endColumn: 51 },
        { messageId: 'probe', data: { answer: 'other hidden' }, line: 14, column: 42, endLine: 14, endColumn: 48 },
      ],
    },
    {
      // a router received as a parameter
      code: `
        import type { Router } from 'express';
        export function routes(router: Router) {
          router.get('/x', (req, res) => { sink(); });
        }
      `,
      errors: [{ messageId: 'probe', data: { answer: 'router hidden' }, line: 4, column: 44, endLine: 4, endColumn: 50 }],
    },
  ],
});
