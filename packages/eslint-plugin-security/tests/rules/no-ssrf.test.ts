import { createRuleTester } from '@prodready/test-kit';

import rule from '../../src/rules/no-ssrf.js';

const ruleTester = createRuleTester();

ruleTester.run('no-ssrf', rule, {
  valid: [
    // a fixed host with input only in the path or query
    `
        import express from 'express';
        import axios from 'axios';
        const app = express();
        const API_URL = process.env.API_URL;
        app.get('/users/:id', async (req, res) => {
          const user = await fetch(\`https://api.example.com/users/\${encodeURIComponent(req.params.id)}\`);
          const orders = await axios.get(\`\${API_URL}/orders?user=\${req.params.id}\`);
          const search = await fetch('https://api.example.com/search?q=' + req.query.q);
          const repos = encodeURI(\`https://api.github.com/users/\${req.params.id}/repos\`);
          await axios.get(repos);
          res.json({ user: await user.json(), orders: orders.data, search: await search.json() });
        });
      `,
    // an allow-listed host, checked on the parsed URL or on the string
    `
        import express from 'express';
        const app = express();
        const ALLOWED_HOSTS = new Set(['images.example.com', 'cdn.example.com']);
        app.post('/preview', async (req, res) => {
          const url = new URL(req.body.url);
          if (!ALLOWED_HOSTS.has(url.hostname)) return res.status(400).end();
          const image = await fetch(url);
          const target = String(req.body.webhook);
          if (!target.startsWith('https://hooks.example.com/')) return res.status(400).end();
          await fetch(target, { method: 'POST' });
          res.send(await image.arrayBuffer());
        });
      `,
    // the request's own URL and headers, and a same-named local fetch
    `
        import express from 'express';
        const app = express();
        const client = { get: (url: string) => url };
        app.get('/proxy', async (req, res) => {
          await globalThis.fetch(new URL('/api/health', req.url));
          client.get(req.query.url as string);
          res.end();
        });
        function localFetch(url: string) { return url; }
        app.get('/local', (req, res) => res.send(localFetch(req.query.url as string)));
      `,
    // the project's own URL check, from options
    {
      code: `
        import express from 'express';
        const app = express();
        function assertPublicUrl(url: string) { return url; }
        app.post('/fetch', async (req, res) => res.send(await fetch(assertPublicUrl(req.body.url))));
      `,
      options: [{ sanitizers: ['assertPublicUrl'] }],
    },
    // test files are skipped
    {
      code: `
        import express from 'express';
        const app = express();
        app.get('/x', async (req, res) => res.send(await fetch(req.query.url as string)));
      `,
      filename: 'src/routes/proxy.test.ts',
    },
  ],
  invalid: [
    {
      // fetch of a URL from the body
      code: `
        import express from 'express';
        const app = express();
        app.post('/preview', async (req, res) => {
          const response = await fetch(req.body.url);
          res.send(await response.text());
        });
      `,
      errors: [
        { messageId: 'ssrf', data: { library: 'fetch', input: 'the request body' }, line: 5, column: 40, endLine: 5, endColumn: 52 },
      ],
    },
    {
      // axios with an aliased import, a host from the query string, and a config object
      code: `
        import express from 'express';
        import http from 'axios';
        const app = express();
        app.get('/status', async (req, res) => {
          const host = req.query.host as string;
          const status = await http.get(\`https://\${host}/status\`);
          await http({ url: req.query.callback as string, method: 'post' });
          res.json(status.data);
        });
      `,
      errors: [
        { messageId: 'ssrf', data: { library: 'axios', input: 'the query string' }, line: 7, column: 41, endLine: 7, endColumn: 65 },
        { messageId: 'ssrf', data: { library: 'axios', input: 'the query string' }, line: 8, column: 29, endLine: 8, endColumn: 57 },
      ],
    },
    {
      // a host check on another variable does not vet this one; a same-file helper passes the URL on
      code: `
        import express from 'express';
        import got from 'got';
        const app = express();
        const ALLOWED = ['a.example.com'];
        function download(target: string) { return got(target); }
        app.post('/import', async (req, res) => {
          const source = new URL(req.body.source);
          if (!ALLOWED.includes(req.body.host)) return res.status(400).end();
          res.send((await download(source.href)).body);
        });
      `,
      errors: [
        { messageId: 'ssrf', data: { library: 'got', input: 'the request body' }, line: 6, column: 56, endLine: 6, endColumn: 62 },
      ],
    },
    {
      // a Next.js route handler with an origin from the JSON body; code with a type error does not crash
      code: `
        import { NextResponse } from 'next/server';
        export async function POST(request: Request) {
          const { origin } = await request.json();
          const retries: number = 'three';
          const response = await fetch(origin + '/api/export');
          return NextResponse.json(await response.json());
        }
      `,
      filename: 'app/api/export/route.ts',
      errors: [
        { messageId: 'ssrf', data: { library: 'fetch', input: 'the JSON body' }, line: 6, column: 40, endLine: 6, endColumn: 62 },
      ],
    },
  ],
});
