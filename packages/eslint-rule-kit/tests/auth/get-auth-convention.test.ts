import { createRuleTester } from '@prodready/test-kit';
import type { TSESTree } from '@typescript-eslint/utils';

import { getAuthConvention } from '../../src/frameworks/auth/get-auth-convention.js';
import { getEnclosingRequestHandler } from '../../src/frameworks/request/get-enclosing-request-handler.js';
import { createProbeRule } from '../probe.js';

// Reports `name count/total` of the router's auth convention for the handler around each `sink()` call.
const rule = createProbeRule<TSESTree.CallExpression>('CallExpression[callee.name="sink"]', (context, node) => {
  const handler = getEnclosingRequestHandler(context, node);
  const convention = handler && getAuthConvention(context, handler);
  return convention && `${convention.name} ${convention.count}/${convention.total}`;
});

createRuleTester().run('getAuthConvention', rule, {
  valid: [
    // no route carries auth middleware
    `
        import express from 'express';
        const router = express.Router();
        router.get('/a', express.json(), (req, res) => { sink(); });
        router.post('/b', (req, res) => { sink(); });
      `,
  ],
  invalid: [
    {
      // the most common auth middleware of the router, counted over all its routes
      code: `
        import express from 'express';
        import { isLoggedIn, isAdmin } from './auth';
        const router = express.Router();
        router.get('/a', isLoggedIn, (req, res) => {});
        router.post('/b', [isLoggedIn, isAdmin], (req, res) => {});
        router.delete('/c', (req, res) => { sink(); });
        export default router;
      `,
      errors: [{ messageId: 'probe', data: { answer: 'isLoggedIn 2/3' }, line: 7, column: 45, endLine: 7, endColumn: 51 }],
    },
    {
      // NestJS: the guard most methods of the controller carry
      code: `
        import { Controller, Delete, Get, UseGuards } from '@nestjs/common';
        import { AuthGuard } from '@nestjs/passport';
        @Controller('posts')
        export class PostsController {
          @Get() @UseGuards(AuthGuard('jwt')) list() {}
          @Delete(':id') remove() { sink(); }
        }
      `,
      errors: [{ messageId: 'probe', data: { answer: "UseGuards(AuthGuard('jwt')) 1/2" }, line: 7, column: 37, endLine: 7, endColumn: 43 }],
    },
  ],
});
