import { createRuleTester } from '@prodready/test-kit';
import type { TSESTree } from '@typescript-eslint/utils';

import { getAuthEvidence } from '../../src/frameworks/auth/get-auth-evidence.js';
import { getEnclosingRequestHandler } from '../../src/frameworks/request/get-enclosing-request-handler.js';
import { createProbeRule } from '../probe.js';

// Reports `kind name` of the auth evidence for the handler around each `sink()` call.
const rule = createProbeRule<TSESTree.CallExpression>('CallExpression[callee.name="sink"]', (context, node) => {
  const handler = getEnclosingRequestHandler(context, node);
  const evidence = handler && getAuthEvidence(context, handler, { middleware: ['gatekeeper'], functions: ['getViewer'] });
  return evidence && `${evidence.kind} ${evidence.name}`;
});

createRuleTester().run('getAuthEvidence', rule, {
  valid: [
    // no middleware, no check in the body
    `
        import express from 'express';
        const app = express();
        app.post('/posts', express.json(), (req, res) => { sink(); res.end(); });
      `,
    // `app.use(auth)` after the route does not run before it
    `
        import express from 'express';
        import { requireAuth } from './auth';
        const app = express();
        app.post('/posts', (req, res) => { sink(); res.end(); });
        app.use(requireAuth);
      `,
    // a data lookup named like a user is not a session check; `user` on another object is not `req.user`
    `
        import express from 'express';
        import { PrismaClient } from '@prisma/client';
        const prisma = new PrismaClient();
        const app = express();
        const payload = { user: 'x' };
        app.get('/users/:id', async (req, res) => { sink(payload.user); res.json(await prisma.user.findUnique({ where: { id: req.params.id } })); });
      `,
  ],
  invalid: [
    {
      // route middleware by name, by option and by origin
      code: `
        import express from 'express';
        import passport from 'passport';
        import { requireAuth, gatekeeper } from './auth';
        const app = express();
        app.get('/a', requireAuth, (req, res) => { sink(); });
        app.get('/b', gatekeeper, (req, res) => { sink(); });
        app.get('/c', passport.authenticate('jwt', { session: false }), (req, res) => { sink(); });
      `,
      errors: [
        { messageId: 'probe', data: { answer: 'route-middleware requireAuth' }, line: 6, column: 52, endLine: 6, endColumn: 58 },
        { messageId: 'probe', data: { answer: 'route-middleware gatekeeper' }, line: 7, column: 51, endLine: 7, endColumn: 57 },
        { messageId: 'probe', data: { answer: 'route-middleware passport.authenticate' }, line: 8, column: 89, endLine: 8, endColumn: 95 },
      ],
    },
    {
      // router middleware before the route, and middleware where a router is mounted
      code: `
        import express from 'express';
        import { expressjwt } from 'express-jwt';
        import { isAdmin } from './auth';
        const app = express();
        const admin = express.Router();
        app.use(expressjwt({ secret: 's', algorithms: ['HS256'] }));
        app.post('/posts', (req, res) => { sink(); });
        admin.delete('/users/:id', (req, res) => { sink(); });
        const other = express();
        other.use('/admin', isAdmin, admin);
      `,
      errors: [
        { messageId: 'probe', data: { answer: 'router-middleware expressjwt' }, line: 8, column: 44, endLine: 8, endColumn: 50 },
        { messageId: 'probe', data: { answer: 'router-middleware isAdmin' }, line: 9, column: 52, endLine: 9, endColumn: 58 },
      ],
    },
    {
      // Fastify hooks: on the route and on the instance
      code: `
        import Fastify from 'fastify';
        const app = Fastify();
        app.get('/a', { onRequest: [app.authenticate] }, async (request) => { sink(); });
        app.addHook('preHandler', app.verifyJwt);
        app.get('/b', async (request) => { sink(); });
      `,
      errors: [
        { messageId: 'probe', data: { answer: 'route-middleware app.authenticate' }, line: 4, column: 79, endLine: 4, endColumn: 85 },
        { messageId: 'probe', data: { answer: 'router-middleware app.verifyJwt' }, line: 6, column: 44, endLine: 6, endColumn: 50 },
      ],
    },
    {
      // checks in the body: a session call, a configured function, `req.user`, Supabase, Hono context
      code: `
        import express from 'express';
        import { Hono } from 'hono';
        import { getServerSession as session } from 'next-auth';
        import { createClient } from '@supabase/supabase-js';
        const supabase = createClient('u', 'k');
        const app = express();
        const hono = new Hono();
        app.get('/a', async (req, res) => { await session(); sink(); });
        app.get('/b', async (req, res) => { await getViewer(); sink(); });
        app.get('/c', (req, res) => { if (!req.user) return res.sendStatus(401); sink(); });
        app.get('/d', async (req, res) => { await supabase.auth.getUser(); sink(); });
        hono.get('/e', (c) => { const user = c.get('user'); sink(user); return c.json({}); });
      `,
      errors: [
        { messageId: 'probe', data: { answer: 'call session' }, line: 9, column: 62, endLine: 9, endColumn: 68 },
        { messageId: 'probe', data: { answer: 'call getViewer' }, line: 10, column: 64, endLine: 10, endColumn: 70 },
        { messageId: 'probe', data: { answer: 'request-user req.user' }, line: 11, column: 82, endLine: 11, endColumn: 88 },
        { messageId: 'probe', data: { answer: 'call auth.getUser' }, line: 12, column: 76, endLine: 12, endColumn: 82 },
        { messageId: 'probe', data: { answer: "request-user c.get('user')" }, line: 13, column: 61, endLine: 13, endColumn: 71 },
      ],
    },
    {
      // a wrapper and a NestJS guard on the controller
      code: `
        import { Controller, Get, UseGuards } from '@nestjs/common';
        import { AuthGuard } from '@nestjs/passport';
        import { withAuth } from '@/lib/auth';
        import express from 'express';
        const app = express();
        app.get('/me', withAuth((req, res) => { sink(); }));
        @UseGuards(AuthGuard('jwt'))
        @Controller('me')
        export class MeController {
          @Get()
          find() { sink(); }
        }
      `,
      errors: [
        { messageId: 'probe', data: { answer: 'wrapper withAuth' }, line: 7, column: 49, endLine: 7, endColumn: 55 },
        { messageId: 'probe', data: { answer: 'guard UseGuards' }, line: 12, column: 20, endLine: 12, endColumn: 26 },
      ],
    },
  ],
});
