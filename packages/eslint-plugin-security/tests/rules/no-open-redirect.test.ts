import { createRuleTester } from '@prodready/test-kit';

import rule from '../../src/rules/no-open-redirect.js';

const ruleTester = createRuleTester();

ruleTester.run('no-open-redirect', rule, {
  valid: [
    // a fixed path and a path whose start is fixed
    `
        import express from 'express';
        const app = express();
        app.post('/orders', (req, res) => {
          res.redirect('/orders');
          res.redirect(\`/orders/\${req.body.id}\`);
          const profile = '/users/' + req.params.id;
          res.redirect(302, profile);
          res.redirect(\`\${config.basePath}/groups/\${req.params.slug.toLowerCase()}\`);
          res.redirect('https://app.example.com/' + req.query.page);
        });
      `,
    // checked to be a relative path or on an allow-list
    `
        import express from 'express';
        const app = express();
        const ALLOWED = ['https://docs.example.com'];
        app.get('/login/callback', (req, res) => {
          const next = String(req.query.next);
          if (!next.startsWith('/') || next.startsWith('//')) return res.redirect('/');
          res.redirect(next);
          if (ALLOWED.includes(req.query.to)) res.redirect(req.query.to);
        });
      `,
    // the Referer header and a same-named local `redirect`
    `
        import express from 'express';
        const app = express();
        const router = { redirect: (url: string) => url };
        app.post('/settings', (req, res) => {
          res.redirect(req.get('Referer') ?? '/');
          router.redirect(req.query.to);
        });
      `,
    // a `redirect` method on something that is not a handler response
    `
        export function follow(link: { query: { to: string } }, browser: { redirect(url: string): void }) {
          browser.redirect(link.query.to);
        }
      `,
  ],
  invalid: [
    {
      // Express: the query string straight into `res.redirect`
      code: `
        import express from 'express';
        const app = express();
        app.get('/login', (req, res) => {
          const returnTo = req.query.returnTo as string;
          res.redirect(returnTo);
        });
      `,
      errors: [
        { messageId: 'openRedirect', data: { input: 'the query string' }, line: 6, column: 24, endLine: 6, endColumn: 32 },
      ],
    },
    {
      // Express: targets whose start is not fixed (status code, template, host without a path, a bare slash)
      code: `
        import { Router } from 'express';
        const router = Router();
        router.post('/go', (req, res) => res.redirect(301, \`\${req.body.url}?ref=app\`));
        router.get('/docs', (req, res) => res.redirect('https://docs.example.com' + req.query.path));
        router.get('/home', (req, res) => res.redirect(\`/\${req.query.next}\`));
      `,
      errors: [
        { messageId: 'openRedirect', data: { input: 'the request body' }, line: 4, column: 60, endLine: 4, endColumn: 85 },
        { messageId: 'openRedirect', data: { input: 'the query string' }, line: 5, column: 56, endLine: 5, endColumn: 99 },
        { messageId: 'openRedirect', data: { input: 'the query string' }, line: 6, column: 56, endLine: 6, endColumn: 76 },
      ],
    },
    {
      // Koa and Hono
      code: `
        import Router from '@koa/router';
        import { Hono } from 'hono';
        const router = new Router();
        router.get('/out', (ctx) => ctx.redirect(ctx.query.url));
        const app = new Hono();
        app.get('/out', (c) => c.redirect(c.req.query('url')!));
      `,
      errors: [
        { messageId: 'openRedirect', data: { input: 'the query string' }, line: 5, column: 50, endLine: 5, endColumn: 63 },
        { messageId: 'openRedirect', data: { input: 'the query string' }, line: 7, column: 43, endLine: 7, endColumn: 62 },
      ],
    },
    {
      // Next.js: NextResponse.redirect with new URL and a server action redirect
      code: `
        import { NextResponse, type NextRequest } from 'next/server';
        export async function GET(request: NextRequest) {
          const callbackUrl = request.nextUrl.searchParams.get('callbackUrl');
          return NextResponse.redirect(new URL(callbackUrl ?? '/', request.url));
        }
      `,
      filename: 'app/auth/callback/route.ts',
      errors: [
        { messageId: 'openRedirect', data: { input: 'the query string' }, line: 5, column: 40, endLine: 5, endColumn: 80 },
      ],
    },
    {
      // Next.js: `redirect` from next/navigation in a server action
      code: `
        'use server';
        import { redirect as navigate } from 'next/navigation';
        export async function signIn(formData: FormData) {
          navigate(formData.get('redirectTo') as string);
        }
      `,
      errors: [
        { messageId: 'openRedirect', data: { input: 'a server action argument' }, line: 5, column: 20, endLine: 5, endColumn: 56 },
      ],
    },
  ],
});
