import { createRuleTester } from '@prodready/test-kit';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { getTaint } from '../../src/taint/get-taint.js';
import type { TaintSink } from '../../src/taint/types.js';
import { createProbeRule } from '../probe.js';

// `nosql(x)`, `regex(x)`, `url(x)` check `x` for that sink; `own(x)` with the project sanitizer `clean`.
const rule = createProbeRule<TSESTree.Node>('CallExpression[callee.name=/^(nosql|regex|url|own)$/] > .arguments', (context, node) => {
  const call = node.parent as TSESTree.CallExpression;
  const name = call.callee.type === AST_NODE_TYPES.Identifier ? call.callee.name : '';
  const taint = name === 'own' ? getTaint(context, node, { sanitizers: ['clean'] }) : getTaint(context, node, { sink: name as TaintSink });
  return taint && `${taint.kind} from ${context.sourceCode.getText(taint.source)}`;
});

createRuleTester().run('getTaint sinks', rule, {
  valid: [
    // nosql: strings built from input, path parameters, typeof-checked values and object literals hold no operators
    `
        import express from 'express';
        const app = express();
        app.post('/login', (req, res) => {
          nosql(String(req.body.email));
          nosql(\`\${req.body.email}\`);
          nosql(req.body.email.trim());
          nosql(req.params.id);
          nosql({ email: req.body.email });
          if (typeof req.body.name !== 'string') return res.status(400).end();
          nosql(req.body.name);
        });
      `,
    // nosql: Hono queries are strings
    `
        import { Hono } from 'hono';
        const app = new Hono();
        app.get('/posts', (c) => { nosql(c.req.query('tag')); return c.text('ok'); });
      `,
    // regex: escaped by a library or a same-file helper
    `
        import express from 'express';
        import escapeStringRegexp from 'escape-string-regexp';
        import { escapeRegExp } from 'lodash';
        const app = express();
        const escape = (text: string) => text.replace(/[.*+?^\${}()|[\\]\\\\]/g, '\\\\$&');
        app.get('/search', (req, res) => {
          regex(escapeStringRegexp(req.query.q as string));
          regex(escapeRegExp(req.query.q));
          regex(escape(req.query.q as string));
        });
      `,
    // url: a host checked on the parsed URL
    `
        import express from 'express';
        const app = express();
        const HOSTS = new Set(['cdn.example.com']);
        app.post('/preview', (req, res) => {
          const target = new URL(req.body.url);
          if (!HOSTS.has(target.hostname)) return res.status(400).end();
          url(target);
          url(target.href);
        });
      `,
    // a same-file helper named as a sanitizer by the project
    `
        import express from 'express';
        const app = express();
        function clean(value: string) { return value.trim(); }
        app.get('/x', (req, res) => { own(clean(req.query.q as string)); });
      `,
  ],
  invalid: [
    {
      // nosql: bodies and Express queries as read, through aliases and JSON.parse
      code: `
        import express from 'express';
        const app = express();
        app.post('/login', (req, res) => {
          const { email } = req.body;
          nosql(email);
          nosql(req.query.status);
          nosql(JSON.parse(req.body.filter));
        });
      `,
      errors: [
        { messageId: 'probe', data: { answer: 'body from email' }, line: 6, column: 17, endLine: 6, endColumn: 22 },
        { messageId: 'probe', data: { answer: 'query from req.query.status' }, line: 7, column: 17, endLine: 7, endColumn: 33 },
        { messageId: 'probe', data: { answer: 'body from req.body.filter' }, line: 8, column: 17, endLine: 8, endColumn: 44 },
      ],
    },
    {
      // regex: a plain replace is not an escape; a typeof check does not vet a pattern
      code: `
        import express from 'express';
        const app = express();
        app.get('/search', (req, res) => {
          if (typeof req.query.q !== 'string') return res.end();
          regex(req.query.q.replace(/\\s+/g, ' '));
        });
      `,
      errors: [{ messageId: 'probe', data: { answer: 'query from req.query.q' }, line: 6, column: 17, endLine: 6, endColumn: 49 }],
    },
    {
      // url: a check on another value; a same-file helper the project did not list
      code: `
        import express from 'express';
        const app = express();
        function tidy(value: string) { return value.trim(); }
        const HOSTS = new Set(['cdn.example.com']);
        app.post('/preview', (req, res) => {
          const target = new URL(req.body.url);
          if (!HOSTS.has(req.body.host)) return res.status(400).end();
          url(target);
          own(tidy(req.body.url));
        });
      `,
      errors: [
        { messageId: 'probe', data: { answer: 'body from req.body.url' }, line: 9, column: 15, endLine: 9, endColumn: 21 },
        { messageId: 'probe', data: { answer: 'body from req.body.url' }, line: 10, column: 15, endLine: 10, endColumn: 33 },
      ],
    },
  ],
});
