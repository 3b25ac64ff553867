import { createRuleTester } from '@prodready/test-kit';
import type { TSESTree } from '@typescript-eslint/utils';

import { getRequestHandler } from '../../src/frameworks/request/get-request-handler.js';
import { createProbeRule } from '../probe.js';

// Reports `framework method route req=… res=… mw=[…]` for every function that is a request handler.
const rule = createProbeRule<TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression>(
  'FunctionDeclaration, FunctionExpression, ArrowFunctionExpression',
  (context, node) => {
    const handler = getRequestHandler(context, node);
    if (!handler) return undefined;
    const text = (part: TSESTree.Node | undefined): string => (part ? context.sourceCode.getText(part) : '-');
    const middleware = handler.middleware.map(text).join(', ');
    return `${handler.framework} ${handler.method ?? '-'} ${handler.route ?? '-'} req=${text(handler.requestParam)} res=${text(handler.responseParam)} mw=[${middleware}]`;
  },
);

createRuleTester().run('getRequestHandler', rule, {
  valid: [
    // a local object with a `get` method is not an Express app
    `
        const cache = { get(key: string, load: (req: unknown, res: unknown) => void) { return load; } };
        cache.get('/users', (req, res) => res);
      `,
    // a `req` parameter of a function nobody registers is not a handler
    `
        export function getUserId(req: { body: { id: string } }) {
          return req.body.id;
        }
      `,
    // a same-named local `express` is not the package
    `
        function express() { return { get(path: string, fn: unknown) { return fn; } }; }
        const app = express();
        app.get('/users', (req, res) => res);
      `,
    // the global `Request`/`Response` types are not Express's
    `
        export const listUsers = async (req: Request, res: Response) => res;
      `,
    // a NestJS-looking class without `@Controller()`
    `
        import { Get, Injectable } from '@nestjs/common';
        @Injectable()
        export class UsersService {
          @Get()
          findAll() { return []; }
        }
      `,
    // an exported function in a file that is not a route file
    { code: `
        export async function GET(request: Request) { return Response.json({}); }
      `, filename: 'src/lib/users.ts' },
    // a non-method export of a route file
    { code: `
        export function parseId(request: Request) { return request.url; }
      `, filename: 'app/api/users/route.ts' },
    // an async function in a file without 'use server'
    `
        export async function createPost(formData: FormData) { return formData.get('title'); }
      `,
    // `serve` from another module is not Deno
    `
        import { serve } from './server';
        serve(async (req) => new Response('ok'));
      `,
    // `(req, res)` that never answers through `res` is not a handler by shape
    `
        export function copyHeaders(req, res) { return { ...req.headers, ...res }; }
        export const log = (req, res, done) => res.json(req.body);
      `,
  ],
  invalid: [
    {
      // a controller in CommonJS: shaped `(req, res)` and answering through `res`
      code: `
        module.exports.ping = function (req, res) {
          res.status(200).send('pong');
        };
        exports.list = async (request, response, next) => { response.json([]); };
      `,
      errors: [
        { messageId: 'probe', data: { answer: 'express - - req=req res=res mw=[]' }, line: 2, column: 31, endLine: 4, endColumn: 10 },
        { messageId: 'probe', data: { answer: 'express - - req=request res=response mw=[]' }, line: 5, column: 24, endLine: 5, endColumn: 81 },
      ],
    },
    {
      // Express: inline handler on the app
      code: `
        import express from 'express';
        const app = express();
        app.get('/users/:id', (req, res) => { res.json({}); });
      `,
      errors: [
        { messageId: 'probe', data: { answer: 'express GET /users/:id req=req res=res mw=[]' }, line: 4, column: 31, endLine: 4, endColumn: 62 },
      ],
    },
    {
      // Express: router, middleware before a same-file named handler, CommonJS
      code: `
        const { Router } = require('express');
        const router = Router();
        async function createUser(req, res) { res.status(201).end(); }
        router.post('/users', requireAuth, [rateLimit, validate(userSchema)], createUser);
      `,
      errors: [
        { messageId: 'probe', data: { answer: 'express POST /users req=req res=res mw=[requireAuth, rateLimit, validate(userSchema)]' }, line: 4, column: 9, endLine: 4, endColumn: 71 },
      ],
    },
    {
      // Express: `router.route(path)` chains
      code: `
        import express from 'express';
        const router = express.Router();
        router.route('/orders').get((req, res) => res.json([])).post((request, response) => response.end());
      `,
      errors: [
        { messageId: 'probe', data: { answer: 'express GET /orders req=req res=res mw=[]' }, line: 4, column: 37, endLine: 4, endColumn: 63 },
        { messageId: 'probe', data: { answer: 'express POST /orders req=request res=response mw=[]' }, line: 4, column: 70, endLine: 4, endColumn: 107 },
      ],
    },
    {
      // Express: middleware and error handlers on `app.use`; a wrapped handler
      code: `
        import express from 'express';
        const app = express();
        app.use((req, res, next) => next());
        app.put('/users/:id', asyncHandler(async (req, res) => res.end()));
        app.use((err, req, res, next) => res.status(500).end());
      `,
      errors: [
        { messageId: 'probe', data: { answer: 'express - - req=req res=res mw=[]' }, line: 4, column: 17, endLine: 4, endColumn: 43 },
        { messageId: 'probe', data: { answer: 'express PUT /users/:id req=req res=res mw=[]' }, line: 5, column: 44, endLine: 5, endColumn: 73 },
        { messageId: 'probe', data: { answer: 'express - - req=req res=res mw=[]' }, line: 6, column: 17, endLine: 6, endColumn: 63 },
      ],
    },
    {
      // Express: a controller typed with express types, away from its route
      code: `
        import type { Request, Response } from 'express';
        import * as express from 'express';
        export const getUser = async (req: Request, res: Response) => res.json({});
        export const listUsers: express.RequestHandler = (req, res) => res.json([]);
      `,
      errors: [
        { messageId: 'probe', data: { answer: 'express - - req=req: Request res=res: Response mw=[]' }, line: 4, column: 32, endLine: 4, endColumn: 83 },
        { messageId: 'probe', data: { answer: 'express - - req=req res=res mw=[]' }, line: 5, column: 58, endLine: 5, endColumn: 84 },
      ],
    },
    {
      // Fastify: shorthand route, options with `preHandler`, and `route({ handler })`
      code: `
        import Fastify from 'fastify';
        const app = Fastify({ logger: true });
        app.get('/health', async (request, reply) => ({ ok: true }));
        app.post('/users', { preHandler: [authenticate] }, async (request, reply) => reply.code(201));
        app.route({ method: 'DELETE', url: '/users/:id', preHandler: authenticate, handler: async (request, reply) => reply.code(204) });
      `,
      errors: [
        { messageId: 'probe', data: { answer: 'fastify GET /health req=request res=reply mw=[]' }, line: 4, column: 28, endLine: 4, endColumn: 68 },
        { messageId: 'probe', data: { answer: 'fastify POST /users req=request res=reply mw=[authenticate]' }, line: 5, column: 60, endLine: 5, endColumn: 101 },
        { messageId: 'probe', data: { answer: 'fastify DELETE /users/:id req=request res=reply mw=[authenticate]' }, line: 6, column: 93, endLine: 6, endColumn: 134 },
      ],
    },
    {
      // Fastify: plugins typed as or registered with an instance
      code: `
        import type { FastifyInstance } from 'fastify';
        import fp from 'fastify-plugin';
        export async function userRoutes(app: FastifyInstance) {
          app.get('/users', { handler: async (request) => [] });
        }
        export default fp(async (server) => { server.patch('/me', async (request, reply) => reply.send()); });
      `,
      errors: [
        { messageId: 'probe', data: { answer: 'fastify GET /users req=request res=- mw=[]' }, line: 5, column: 40, endLine: 5, endColumn: 61 },
        { messageId: 'probe', data: { answer: 'fastify PATCH /me req=request res=reply mw=[]' }, line: 7, column: 67, endLine: 7, endColumn: 105 },
      ],
    },
    {
      // Koa: application middleware and a router from @koa/router
      code: `
        import Koa from 'koa';
        import Router from '@koa/router';
        const app = new Koa();
        const router = new Router();
        router.get('/users/:id', requireUser, async (ctx) => { ctx.body = {}; });
        app.use(async (ctx, next) => { await next(); });
      `,
      errors: [
        { messageId: 'probe', data: { answer: 'koa GET /users/:id req=ctx res=ctx mw=[requireUser]' }, line: 6, column: 47, endLine: 6, endColumn: 80 },
        { messageId: 'probe', data: { answer: 'koa - - req=ctx res=ctx mw=[]' }, line: 7, column: 17, endLine: 7, endColumn: 55 },
      ],
    },
    {
      // Hono: route with validator middleware
      code: `
        import { Hono } from 'hono';
        const app = new Hono();
        app.post('/posts', zValidator('json', postSchema), async (c) => c.json({}, 201));
      `,
      errors: [
        { messageId: 'probe', data: { answer: "hono POST /posts req=c res=c mw=[zValidator('json', postSchema)]" }, line: 4, column: 60, endLine: 4, endColumn: 88 },
      ],
    },
    {
      // NestJS: controller methods with guards and parameter decorators
      code: `
        import { Body, Controller, Get, Param, Post, Req, UseGuards } from '@nestjs/common';
        @Controller('users')
        export class UsersController {
          @Get(':id')
          findOne(@Param('id') id: string, @Req() request: unknown) { return id; }
          @Post()
          @UseGuards(AuthGuard)
          create(@Body() dto: CreateUserDto) { return dto; }
          private helper() { return 1; }
        }
      `,
      errors: [
        { messageId: 'probe', data: { answer: 'nestjs GET /users/:id req=request: unknown res=- mw=[]' }, line: 6, column: 18, endLine: 6, endColumn: 83 },
        { messageId: 'probe', data: { answer: 'nestjs POST /users req=- res=- mw=[@UseGuards(AuthGuard)]' }, line: 9, column: 17, endLine: 9, endColumn: 61 },
      ],
    },
    {
      // Next.js: App Router route handlers, named and exported as constants
      code: `
        export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) { return Response.json({}); }
        export const DELETE = async (request: Request) => new Response(null, { status: 204 });
        function update(request: Request) { return Response.json({}); }
        export { update as PATCH };
      `,
      filename: 'src/app/(admin)/api/users/[id]/route.ts',
      errors: [
        { messageId: 'probe', data: { answer: 'next-route GET /api/users/[id] req=request: Request res=- mw=[]' }, line: 2, column: 16, endLine: 2, endColumn: 131 },
        { messageId: 'probe', data: { answer: 'next-route DELETE /api/users/[id] req=request: Request res=- mw=[]' }, line: 3, column: 31, endLine: 3, endColumn: 94 },
        { messageId: 'probe', data: { answer: 'next-route PATCH /api/users/[id] req=request: Request res=- mw=[]' }, line: 4, column: 9, endLine: 4, endColumn: 72 },
      ],
    },
    {
      // Next.js: a Pages Router API route
      code: `
        export default async function handler(req, res) { res.status(200).json({}); }
      `,
      filename: 'pages/api/users.ts',
      errors: [
        { messageId: 'probe', data: { answer: 'next-api - - req=req res=res mw=[]' }, line: 2, column: 24, endLine: 2, endColumn: 86 },
      ],
    },
    {
      // Next.js: server actions in a 'use server' file
      code: `
        'use server';
        export async function createPost(formData: FormData) { return formData.get('title'); }
        async function notExported(id: string) { return id; }
        export const deletePost = async (id: string) => id;
      `,
      errors: [
        { messageId: 'probe', data: { answer: 'next-action - - req=- res=- mw=[]' }, line: 3, column: 16, endLine: 3, endColumn: 95 },
        { messageId: 'probe', data: { answer: 'next-action - - req=- res=- mw=[]' }, line: 5, column: 35, endLine: 5, endColumn: 59 },
      ],
    },
    {
      // Next.js: a function-level 'use server' action
      code: `
        export default function Page() {
          async function save(formData: FormData) {
            'use server';
            return formData;
          }
          return save;
        }
      `,
      errors: [
        { messageId: 'probe', data: { answer: 'next-action - - req=- res=- mw=[]' }, line: 3, column: 11, endLine: 6, endColumn: 12 },
      ],
    },
    {
      // edge: Supabase/Deno std `serve` and `Deno.serve`
      code: `
        import { serve } from 'https://deno.land/std@0.168.0/http/server.ts';
        serve(async (req) => new Response('ok'));
        Deno.serve({ port: 8000 }, (request) => new Response('ok'));
      `,
      errors: [
        { messageId: 'probe', data: { answer: 'edge - - req=req res=- mw=[]' }, line: 3, column: 15, endLine: 3, endColumn: 48 },
        { messageId: 'probe', data: { answer: 'edge - - req=request res=- mw=[]' }, line: 4, column: 36, endLine: 4, endColumn: 67 },
      ],
    },
  ],
});
