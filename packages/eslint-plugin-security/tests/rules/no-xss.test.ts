import { createRuleTester } from '@prodready/test-kit';

import rule from '../../src/rules/no-xss.js';

const ruleTester = createRuleTester();

ruleTester.run('no-xss', rule, {
  valid: [
    // escaped by a library (default import, aliased named import) or a same-file escape helper
    `
        import express from 'express';
        import escapeHtml from 'escape-html';
        import { encode as encodeEntities } from 'he';
        const app = express();
        function escapeText(value: string) {
          return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
        }
        app.get('/search', (req, res) => {
          res.send(\`<h1>Results for \${escapeHtml(req.query.q as string)}</h1>\`);
          res.send('<p>' + encodeEntities(String(req.query.page)) + '</p>');
          res.send(\`<p>\${escapeText(req.params.name)}</p>\`);
        });
      `,
    // JSON responses, template engines and plain text are not HTML
    `
        import express from 'express';
        const app = express();
        app.get('/users/:id', (req, res) => {
          res.json({ html: \`<b>\${req.params.id}</b>\` });
          res.render('user', { name: req.query.name });
          res.type('text/plain').send(\`<b>\${req.query.name}</b>\`);
          res.send(\`Hello \${req.query.name}\`);
        });
      `,
    // a `send` that is not a handler's response, and a same-named local `res`
    `
        import express from 'express';
        const app = express();
        const mailer = { send: (html: string) => html };
        app.post('/invite', (req, res) => {
          mailer.send(\`<p>\${req.body.note}</p>\`);
          res.sendStatus(204);
        });
        export function preview(res: { send(html: string): void }, req: { query: { q: string } }) {
          res.send(\`<p>\${req.query.q}</p>\`);
        }
      `,
    // Fastify sends strings as text/plain unless the type says HTML
    `
        import Fastify from 'fastify';
        const app = Fastify();
        app.get('/hello', async (request, reply) => {
          return reply.send(\`<p>\${(request.query as { name: string }).name}</p>\`);
        });
      `,
    // Hono: the `html` tagged template escapes its values
    `
        import { Hono } from 'hono';
        import { html } from 'hono/html';
        const app = new Hono();
        app.get('/hello', (c) => c.html(html\`<p>\${c.req.query('name')}</p>\`));
      `,
    // a header value is not attacker-chosen through a link
    `
        import express from 'express';
        const app = express();
        app.get('/agent', (req, res) => {
          res.send(\`<p>\${req.get('user-agent')}</p>\`);
        });
      `,
    // dangerouslySetInnerHTML: constant, sanitized, and non-constant without the strict option
    {
      code: `
        import DOMPurify from 'dompurify';
        export function Post({ body, jsonLd }: { body: string; jsonLd: object }) {
          const clean = DOMPurify.sanitize(body);
          return (
            <article>
              <div dangerouslySetInnerHTML={{ __html: '<hr />' }} />
              <div dangerouslySetInnerHTML={{ __html: clean }} />
              <script dangerouslySetInnerHTML={{ __html: JSON.stringify(jsonLd) }} />
              <div dangerouslySetInnerHTML={{ __html: body }} />
            </article>
          );
        }
      `,
      languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
    },
    // strict: sanitized (aliased import, `sanitizers` option) and constant DOM writes
    {
      code: `
        import { sanitize as purify } from 'isomorphic-dompurify';
        declare const markdownToSafeHtml: (text: string) => string;
        export function show(panel: HTMLElement, comment: string) {
          panel.innerHTML = purify(comment);
          panel.innerHTML = markdownToSafeHtml(comment);
          panel.insertAdjacentHTML('beforeend', '<hr>');
          document.write('<p>Loading…</p>');
        }
      `,
      options: [{ checkUntrustedHtml: true, sanitizers: ['markdownToSafeHtml'] }],
    },
    // a same-named local `document` is not the DOM's
    {
      code: `
        const document = { write: (text: string) => text };
        export function log(line: string) {
          document.write(line);
        }
      `,
      options: [{ checkUntrustedHtml: true, sanitizers: [] }],
    },
    // Response without an HTML content type
    {
      code: `
        export async function GET(request: Request) {
          const name = new URL(request.url).searchParams.get('name');
          return new Response(\`<p>\${name}</p>\`, { headers: { 'content-type': 'text/plain' } });
        }
      `,
      filename: 'app/hello/route.ts',
    },
    // code with type errors does not crash
    `
        import express from 'express';
        const app = express();
        app.get('/broken', (req, res) => {
          const page: number = \`<p>\${undefinedThing}</p>\`;
          res.send(page.missing);
        });
      `,
  ],
  invalid: [
    {
      // Express: query string reflected into a template literal
      code: `
        import express from 'express';
        const app = express();
        app.get('/search', (req, res) => {
          res.send(\`<h1>Results for \${req.query.q}</h1>\`);
        });
      `,
      errors: [
        { messageId: 'reflectedXss', data: { input: 'the query string' }, line: 5, column: 20, endLine: 5, endColumn: 57 },
      ],
    },
    {
      // Express: concatenation through a variable, a status chain, a cast and optional chaining
      code: `
        import { Router } from 'express';
        const router = Router();
        router.post('/comments', (req, res) => {
          const page = '<div class="comment">' + (req.body?.text as string) + '</div>';
          res.status(201).send(page);
        });
      `,
      errors: [
        { messageId: 'reflectedXss', data: { input: 'the request body' }, line: 6, column: 32, endLine: 6, endColumn: 36 },
      ],
    },
    {
      // Express: `res.write`/`res.end` with route parameters
      code: `
        import express from 'express';
        const app = express();
        app.get('/hello/:name', (req, res) => {
          res.write('<html><body>');
          res.end(\`<p>Hello \${req.params.name}</p></body></html>\`);
        });
      `,
      errors: [
        { messageId: 'reflectedXss', data: { input: 'a route parameter' }, line: 6, column: 19, endLine: 6, endColumn: 66 },
      ],
    },
    {
      // Fastify: reply typed as HTML
      code: `
        import Fastify from 'fastify';
        const app = Fastify();
        app.get('/hello', async (request, reply) => {
          const { name } = request.query as { name: string };
          return reply.type('text/html').send(\`<p>\${name}</p>\`);
        });
      `,
      errors: [
        { messageId: 'reflectedXss', data: { input: 'the query string' }, line: 6, column: 47, endLine: 6, endColumn: 63 },
      ],
    },
    {
      // Hono: `c.html` given a plain template literal
      code: `
        import { Hono } from 'hono';
        const app = new Hono();
        app.get('/hello', (c) => c.html(\`<p>\${c.req.query('name')}</p>\`));
      `,
      errors: [
        { messageId: 'reflectedXss', data: { input: 'the query string' }, line: 4, column: 41, endLine: 4, endColumn: 72 },
      ],
    },
    {
      // Koa: `ctx.body` set to markup
      code: `
        import Router from '@koa/router';
        const router = new Router();
        router.get('/hello', (ctx) => {
          ctx.body = \`<p>\${ctx.query.name}</p>\`;
        });
      `,
      errors: [
        { messageId: 'reflectedXss', data: { input: 'the query string' }, line: 5, column: 22, endLine: 5, endColumn: 48 },
      ],
    },
    {
      // Web `Response` with an HTML content type
      code: `
        export async function GET(request: Request) {
          const name = new URL(request.url).searchParams.get('name');
          return new Response(\`<p>\${name}</p>\`, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
        }
      `,
      filename: 'app/hello/route.ts',
      errors: [
        { messageId: 'reflectedXss', data: { input: 'the request URL' }, line: 4, column: 31, endLine: 4, endColumn: 47 },
      ],
    },
    {
      // a same-file helper that does not escape
      code: `
        import express from 'express';
        const app = express();
        function card(title: string) {
          return \`<div class="card">\${title.trim()}</div>\`;
        }
        app.get('/card', (req, res) => {
          res.send(card(req.query.title as string));
        });
      `,
      errors: [
        { messageId: 'reflectedXss', data: { input: 'the query string' }, line: 8, column: 20, endLine: 8, endColumn: 51 },
      ],
    },
    {
      // dangerouslySetInnerHTML with a server action argument
      code: `
        'use server';
        export async function renderNote(note: string) {
          return <div dangerouslySetInnerHTML={{ __html: note }} />;
        }
      `,
      languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
      errors: [
        { messageId: 'reflectedXss', data: { input: 'a server action argument' }, line: 4, column: 58, endLine: 4, endColumn: 62 },
      ],
    },
    {
      // strict: non-constant HTML into the JSX prop and DOM sinks
      code: `
        export function Comment({ body }: { body: string }) {
          return <div dangerouslySetInnerHTML={{ __html: body }} />;
        }
        export function show(panel: HTMLElement, comment: string) {
          panel.innerHTML = \`<p>\${comment}</p>\`;
          panel.insertAdjacentHTML('beforeend', comment);
          window.document.write(comment);
        }
      `,
      options: [{ checkUntrustedHtml: true, sanitizers: [] }],
      languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
      errors: [
        { messageId: 'untrustedHtml', line: 3, column: 58, endLine: 3, endColumn: 62 },
        { messageId: 'untrustedHtml', line: 6, column: 29, endLine: 6, endColumn: 48 },
        { messageId: 'untrustedHtml', line: 7, column: 49, endLine: 7, endColumn: 56 },
        { messageId: 'untrustedHtml', line: 8, column: 33, endLine: 8, endColumn: 40 },
      ],
    },
  ],
});
