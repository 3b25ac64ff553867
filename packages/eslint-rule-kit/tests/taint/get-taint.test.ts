import { createRuleTester } from '@prodready/test-kit';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { getTaint } from '../../src/taint/get-taint.js';
import { createProbeRule } from '../probe.js';

// Reports `kind from <source>` for each argument of `sink(…)`, and of `shell(…)` checked as a command sink.
const rule = createProbeRule<TSESTree.Node>('CallExpression[callee.name=/^(sink|shell)$/] > .arguments', (context, node) => {
  const call = node.parent as TSESTree.CallExpression;
  const isShell = call.callee.type === AST_NODE_TYPES.Identifier && call.callee.name === 'shell';
  const taint = getTaint(context, node, isShell ? { sink: 'command' } : {});
  return taint && `${taint.kind} from ${context.sourceCode.getText(taint.source)}`;
});

createRuleTester().run('getTaint', rule, {
  valid: [
    // constants and numbers are not input
    `
        import express from 'express';
        const app = express();
        app.get('/report', (req, res) => {
          const format = 'pdf';
          sink(\`report.\${format}\`);
          sink(Number(req.query.page));
          sink(parseInt(req.params.id, 10));
          sink(req.body.items.length);
          sink(Boolean(req.query.all));
        });
      `,
    // validated by zod, valibot, yup and joi (resolved by origin)
    `
        import express from 'express';
        import { z } from 'zod';
        import * as v from 'valibot';
        import * as yup from 'yup';
        import Joi from 'joi';
        const app = express();
        const body = z.object({ branch: z.string().regex(/^[a-z-]+$/) });
        app.post('/deploy', async (req, res) => {
          sink(body.parse(req.body).branch);
          sink(body.safeParse(req.body).data);
          sink(v.parse(v.string(), req.query.q));
          sink(await yup.string().validate(req.query.q));
          sink(Joi.attempt(req.query.q, Joi.string()));
        });
      `,
    // allow-list and validator checks before the use
    `
        import express from 'express';
        const app = express();
        const FORMATS = ['png', 'jpg'];
        app.get('/convert', (req, res) => {
          const format = req.query.format as string;
          if (!FORMATS.includes(format)) return res.status(400).end();
          sink(format);
          if (/^[a-z]+$/.test(req.query.name)) sink(req.query.name);
          const mode = req.query.mode === 'fast' ? req.query.mode : 'safe';
          sink(mode);
          if (req.query.tag !== 'latest' && req.query.tag !== 'stable') {
            throw new Error('bad tag');
          }
          sink(req.query.tag);
        });
      `,
    // re-assigned through a converter; characters stripped by replace
    `
        import express from 'express';
        const app = express();
        app.get('/users', (req, res) => {
          let limit = req.query.limit;
          limit = Number(limit);
          sink(limit);
          sink(req.query.name.replace(/[^a-z0-9]/g, ''));
        });
      `,
    // a sink-specific escape only counts for that sink
    `
        import express from 'express';
        import { quote } from 'shell-quote';
        const app = express();
        app.get('/grep', (req, res) => {
          shell(\`grep \${encodeURIComponent(req.query.q)} app.log\`);
          shell(\`grep \${quote([req.query.q])} app.log\`);
        });
      `,
    // a NestJS DTO class is validated by ValidationPipe
    `
        import { Body, Controller, Post } from '@nestjs/common';
        @Controller('exports')
        export class ExportsController {
          @Post()
          create(@Body() dto: CreateExportDto) { sink(dto.format); }
        }
      `,
    // a same-file helper called with constants only
    `
        function buildCommand(branch: string) { return 'git checkout ' + branch; }
        export function checkoutMain() { sink(buildCommand('main')); }
      `,
  ],
  invalid: [
    {
      // variables, destructuring, templates, concatenation and string transforms
      code: `
        import express from 'express';
        const app = express();
        app.post('/deploy', (req, res) => {
          const { branch } = req.body;
          const target = branch.trim().toLowerCase();
          const command = \`git checkout \${target}\`;
          sink(command);
          sink('git log ' + String(req.query.since));
          sink(['tar', req.body.file].join(' '));
        });
      `,
      errors: [
        { messageId: 'probe', data: { answer: 'body from branch' }, line: 8, column: 16, endLine: 8, endColumn: 23 },
        { messageId: 'probe', data: { answer: 'query from req.query.since' }, line: 9, column: 16, endLine: 9, endColumn: 52 },
        { messageId: 'probe', data: { answer: 'body from req.body.file' }, line: 10, column: 16, endLine: 10, endColumn: 48 },
      ],
    },
    {
      // objects, spreads, JSON.parse, new URL and let re-assignment
      code: `
        import express from 'express';
        const app = express();
        app.post('/jobs', (req, res) => {
          const options = { ...req.body.options, retries: 3 };
          sink(options);
          sink(JSON.parse(req.body.payload));
          sink(new URL(req.body.callback).hostname);
          let cmd = 'ls';
          cmd += ' ' + req.query.dir;
          sink(cmd);
        });
      `,
      errors: [
        { messageId: 'probe', data: { answer: 'body from req.body.options' }, line: 6, column: 16, endLine: 6, endColumn: 23 },
        { messageId: 'probe', data: { answer: 'body from req.body.payload' }, line: 7, column: 16, endLine: 7, endColumn: 44 },
        { messageId: 'probe', data: { answer: 'body from req.body.callback' }, line: 8, column: 16, endLine: 8, endColumn: 51 },
        { messageId: 'probe', data: { answer: 'query from req.query.dir' }, line: 11, column: 16, endLine: 11, endColumn: 19 },
      ],
    },
    {
      // a re-assignment that reads the variable's earlier value
      code: `
        import express from 'express';
        const app = express();
        app.get('/search', (req, res) => {
          let criteria = req.query.q ?? '';
          criteria = criteria.length <= 200 ? criteria : criteria.substring(0, 200);
          sink(criteria);
        });
      `,
      errors: [
        { messageId: 'probe', data: { answer: 'query from req.query.q' }, line: 7, column: 16, endLine: 7, endColumn: 24 },
      ],
    },
    {
      // loops and element callbacks
      code: `
        import express from 'express';
        const app = express();
        app.post('/batch', (req, res) => {
          for (const file of req.body.files) sink(file);
          req.body.names.forEach((name: string) => sink(name));
        });
      `,
      errors: [
        { messageId: 'probe', data: { answer: 'body from req.body.files' }, line: 5, column: 51, endLine: 5, endColumn: 55 },
        { messageId: 'probe', data: { answer: 'body from req.body.names' }, line: 6, column: 57, endLine: 6, endColumn: 61 },
      ],
    },
    {
      // into and out of same-file functions
      code: `
        import express from 'express';
        const app = express();
        function archive(dir: string) { sink(dir); }
        const quoteArg = (value: string) => \`"\${value}"\`;
        app.post('/archive', (req, res) => {
          archive(req.body.dir);
          sink(quoteArg(req.query.name));
        });
      `,
      errors: [
        { messageId: 'probe', data: { answer: 'body from req.body.dir' }, line: 4, column: 46, endLine: 4, endColumn: 49 },
        { messageId: 'probe', data: { answer: 'query from req.query.name' }, line: 8, column: 16, endLine: 8, endColumn: 40 },
      ],
    },
    {
      // an escape for another sink still leaves taint; casts, optional chains, awaits
      code: `
        import { Hono } from 'hono';
        const app = new Hono();
        app.post('/run', async (c) => {
          const payload = (await c.req.json()) as { script?: string };
          sink(payload?.script!);
          sink(encodeURIComponent(c.req.query('q')));
        });
      `,
      errors: [
        { messageId: 'probe', data: { answer: 'json from payload?.script' }, line: 6, column: 16, endLine: 6, endColumn: 32 },
        { messageId: 'probe', data: { answer: "query from c.req.query('q')" }, line: 7, column: 16, endLine: 7, endColumn: 52 },
      ],
    },
    {
      // code with type errors does not crash
      code: `
        import express from 'express';
        const app = express();
        app.get('/x', (req, res) => {
          const value: number = req.query.q;
          sink(value.notAMethod ?? undefinedThing);
        });
      `,
      errors: [
        { messageId: 'probe', data: { answer: 'query from value.notAMethod' }, line: 6, column: 16, endLine: 6, endColumn: 50 },
      ],
    },
    {
      // Next.js server action argument through a helper
      code: `
        'use server';
        function backupPath(name: string) { return '/backups/' + name; }
        export async function restore(formData: FormData) {
          const name = formData.get('name') as string;
          sink(backupPath(name));
        }
      `,
      errors: [
        { messageId: 'probe', data: { answer: 'action-arg from name' }, line: 6, column: 16, endLine: 6, endColumn: 32 },
      ],
    },
  ],
});
