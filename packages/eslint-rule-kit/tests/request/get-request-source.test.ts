import { createRuleTester } from '@prodready/test-kit';
import type { TSESTree } from '@typescript-eslint/utils';

import { getRequestSource } from '../../src/frameworks/request/get-request-source.js';
import { createProbeRule } from '../probe.js';

// Reports the request-source kind of each argument passed to `sink(…)`.
const rule = createProbeRule<TSESTree.Node>('CallExpression[callee.name="sink"] > .arguments', (context, node) =>
  getRequestSource(context, node)?.kind,
);

createRuleTester().run('getRequestSource', rule, {
  valid: [
    // `req` of a function that is not a handler
    `
        export function audit(req: { body: string }) {
          sink(req.body);
        }
      `,
    // a handler-looking callback on a local object
    `
        const queue = { post(path: string, fn: (req: any) => void) { fn({}); } };
        queue.post('/jobs', (req) => sink(req.body));
      `,
    // the response parameter and other request fields are not input
    `
        import express from 'express';
        const app = express();
        app.get('/me', (req, res) => { sink(res.locals.user); sink(req.method); sink(req.ip); });
      `,
    // a transform of input is taint, not a read
    `
        import express from 'express';
        const app = express();
        app.get('/search', (req, res) => { sink(req.query.q.trim()); sink(req.body.tags.join(',')); });
      `,
    // Hono validated data is not raw input
    `
        import { Hono } from 'hono';
        const app = new Hono();
        app.post('/posts', zValidator('json', schema), (c) => sink(c.req.valid('json')));
      `,
  ],
  invalid: [
    {
      // Express: body, query, params, headers, cookies, url and deeper properties
      code: `
        import express from 'express';
        const app = express();
        app.post('/users/:id', (req, res) => {
          sink(req.body);
          sink(req.body.email);
          sink(req.query['page']);
          sink(req.params.id);
          sink(req.headers.authorization);
          sink(req.get('x-api-key'));
          sink(req.cookies.session);
          sink(req.originalUrl);
        });
      `,
      errors: [
        { messageId: 'probe', data: { answer: 'body' }, line: 5, column: 16, endLine: 5, endColumn: 24 },
        { messageId: 'probe', data: { answer: 'body' }, line: 6, column: 16, endLine: 6, endColumn: 30 },
        { messageId: 'probe', data: { answer: 'query' }, line: 7, column: 16, endLine: 7, endColumn: 33 },
        { messageId: 'probe', data: { answer: 'params' }, line: 8, column: 16, endLine: 8, endColumn: 29 },
        { messageId: 'probe', data: { answer: 'headers' }, line: 9, column: 16, endLine: 9, endColumn: 41 },
        { messageId: 'probe', data: { answer: 'headers' }, line: 10, column: 16, endLine: 10, endColumn: 36 },
        { messageId: 'probe', data: { answer: 'cookies' }, line: 11, column: 16, endLine: 11, endColumn: 35 },
        { messageId: 'probe', data: { answer: 'url' }, line: 12, column: 16, endLine: 12, endColumn: 31 },
      ],
    },
    {
      // Express: destructured request parameter, aliases and TS casts
      code: `
        import { Router } from 'express';
        const router = Router();
        router.put('/users/:id', ({ body, params: { id } }, res) => {
          const { email } = body;
          const query = body as { q?: string } | undefined;
          sink(body.name);
          sink(id);
          sink(email);
          sink(query?.q);
        });
      `,
      errors: [
        { messageId: 'probe', data: { answer: 'body' }, line: 7, column: 16, endLine: 7, endColumn: 25 },
        { messageId: 'probe', data: { answer: 'params' }, line: 8, column: 16, endLine: 8, endColumn: 18 },
        { messageId: 'probe', data: { answer: 'body' }, line: 9, column: 16, endLine: 9, endColumn: 21 },
        { messageId: 'probe', data: { answer: 'body' }, line: 10, column: 16, endLine: 10, endColumn: 24 },
      ],
    },
    {
      // Fastify: `request.body` and `request.query`
      code: `
        import Fastify from 'fastify';
        const app = Fastify();
        app.post('/users', async (request, reply) => { sink(request.body); sink((request.query as { q: string }).q); });
      `,
      errors: [
        { messageId: 'probe', data: { answer: 'body' }, line: 4, column: 61, endLine: 4, endColumn: 73 },
        { messageId: 'probe', data: { answer: 'query' }, line: 4, column: 81, endLine: 4, endColumn: 115 },
      ],
    },
    {
      // Koa: `ctx.request.body`, `ctx.query`, `ctx.params`, `ctx.get()`
      code: `
        import Router from '@koa/router';
        const router = new Router();
        router.post('/users/:id', async (ctx) => {
          sink(ctx.request.body);
          sink(ctx.query.page);
          sink(ctx.params.id);
          sink(ctx.get('x-forwarded-host'));
          sink(ctx.cookies.get('session'));
        });
      `,
      errors: [
        { messageId: 'probe', data: { answer: 'body' }, line: 5, column: 16, endLine: 5, endColumn: 32 },
        { messageId: 'probe', data: { answer: 'query' }, line: 6, column: 16, endLine: 6, endColumn: 30 },
        { messageId: 'probe', data: { answer: 'params' }, line: 7, column: 16, endLine: 7, endColumn: 29 },
        { messageId: 'probe', data: { answer: 'headers' }, line: 8, column: 16, endLine: 8, endColumn: 43 },
        { messageId: 'probe', data: { answer: 'cookies' }, line: 9, column: 16, endLine: 9, endColumn: 42 },
      ],
    },
    {
      // Hono: `c.req.query()`, `c.req.param()`, `await c.req.json()`, `c.req.header()`
      code: `
        import { Hono } from 'hono';
        const app = new Hono();
        app.get('/posts/:id', async (c) => {
          sink(c.req.query('q'));
          sink(c.req.param('id'));
          sink(await c.req.json());
          sink(c.req.header('referer'));
        });
      `,
      errors: [
        { messageId: 'probe', data: { answer: 'query' }, line: 5, column: 16, endLine: 5, endColumn: 32 },
        { messageId: 'probe', data: { answer: 'params' }, line: 6, column: 16, endLine: 6, endColumn: 33 },
        { messageId: 'probe', data: { answer: 'json' }, line: 7, column: 16, endLine: 7, endColumn: 34 },
        { messageId: 'probe', data: { answer: 'headers' }, line: 8, column: 16, endLine: 8, endColumn: 39 },
      ],
    },
    {
      // Next.js route handler: json, formData entries, searchParams, nextUrl, headers, route params
      code: `
        import type { NextRequest } from 'next/server';
        import { cookies, headers } from 'next/headers';
        export async function POST(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
          const body = await request.json();
          const form = await request.formData();
          const { id } = await params;
          sink(body.email);
          sink(form.get('file'));
          sink(request.nextUrl.searchParams.get('redirect'));
          sink(request.headers.get('x-signature'));
          sink(id);
          sink((await headers()).get('x-forwarded-for'));
          sink((await cookies()).get('session'));
        }
      `,
      filename: 'app/api/users/[id]/route.ts',
      errors: [
        { messageId: 'probe', data: { answer: 'json' }, line: 8, column: 16, endLine: 8, endColumn: 26 },
        { messageId: 'probe', data: { answer: 'form' }, line: 9, column: 16, endLine: 9, endColumn: 32 },
        { messageId: 'probe', data: { answer: 'query' }, line: 10, column: 16, endLine: 10, endColumn: 60 },
        { messageId: 'probe', data: { answer: 'headers' }, line: 11, column: 16, endLine: 11, endColumn: 50 },
        { messageId: 'probe', data: { answer: 'params' }, line: 12, column: 16, endLine: 12, endColumn: 18 },
        { messageId: 'probe', data: { answer: 'headers' }, line: 13, column: 16, endLine: 13, endColumn: 56 },
        { messageId: 'probe', data: { answer: 'cookies' }, line: 14, column: 16, endLine: 14, endColumn: 48 },
      ],
    },
    {
      // NestJS: decorated parameters
      code: `
        import { Body, Controller, Headers, Param, Post, Query } from '@nestjs/common';
        @Controller('users')
        export class UsersController {
          @Post(':id')
          update(@Param('id') id: string, @Body() body: Record<string, string>, @Query('sort') sort: string, @Headers('x-tenant') tenant: string, other: string) {
            sink(id);
            sink(body.name);
            sink(sort);
            sink(tenant);
            sink(other);
          }
        }
      `,
      errors: [
        { messageId: 'probe', data: { answer: 'params' }, line: 7, column: 18, endLine: 7, endColumn: 20 },
        { messageId: 'probe', data: { answer: 'body' }, line: 8, column: 18, endLine: 8, endColumn: 27 },
        { messageId: 'probe', data: { answer: 'query' }, line: 9, column: 18, endLine: 9, endColumn: 22 },
        { messageId: 'probe', data: { answer: 'headers' }, line: 10, column: 18, endLine: 10, endColumn: 24 },
      ],
    },
    {
      // Next.js server action arguments
      code: `
        'use server';
        export async function renameFile(formData: FormData, path: string) {
          sink(formData.get('name'));
          sink(path);
        }
      `,
      errors: [
        { messageId: 'probe', data: { answer: 'action-arg' }, line: 4, column: 16, endLine: 4, endColumn: 36 },
        { messageId: 'probe', data: { answer: 'action-arg' }, line: 5, column: 16, endLine: 5, endColumn: 20 },
      ],
    },
    {
      // edge: Deno.serve request
      code: `
        Deno.serve(async (req) => {
          const { name } = await req.json();
          sink(name);
          sink(req.url);
        });
      `,
      errors: [
        { messageId: 'probe', data: { answer: 'json' }, line: 4, column: 16, endLine: 4, endColumn: 20 },
        { messageId: 'probe', data: { answer: 'url' }, line: 5, column: 16, endLine: 5, endColumn: 23 },
      ],
    },
  ],
});
