import { createRuleTester } from '@prodready/test-kit';

import rule from '../../src/rules/no-command-injection.js';

const ruleTester = createRuleTester();

ruleTester.run('no-command-injection', rule, {
  valid: [
    // a constant command
    `
        import { exec } from 'node:child_process';
        import express from 'express';
        const app = express();
        app.post('/backup', (req, res) => { exec('pg_dump shop > /tmp/shop.sql'); res.end(); });
      `,
    // input as an argument to a fixed program without a shell
    `
        import { execFile, spawn } from 'child_process';
        import express from 'express';
        const app = express();
        app.post('/thumbnail', (req, res) => {
          execFile('convert', [req.body.file, '-resize', '200x200', 'out.png']);
          spawn('git', ['log', req.query.branch], { cwd: '/repo' });
          spawn('git', ['log', req.query.branch], { shell: false });
        });
      `,
    // validated or converted input
    `
        import { exec } from 'child_process';
        import express from 'express';
        import { z } from 'zod';
        const app = express();
        const BRANCHES = new Set(['main', 'develop']);
        app.post('/deploy', (req, res) => {
          const { branch } = z.object({ branch: z.enum(['main', 'develop']) }).parse(req.body);
          exec(\`git checkout \${branch}\`);
          exec(\`kill \${Number(req.params.pid)}\`);
          if (!BRANCHES.has(req.query.ref)) return res.status(400).end();
          exec('git fetch origin ' + req.query.ref);
        });
      `,
    // a same-named local `exec` that is not child_process
    `
        import express from 'express';
        const app = express();
        const db = { exec: (sql: string) => sql };
        function exec(command: string) { return command; }
        app.get('/users', (req, res) => { exec(req.query.cmd); db.exec(req.query.sql); });
      `,
    // input of a function that is not a request handler
    `
        import { execSync } from 'child_process';
        export function runScript(req: { body: { script: string } }) { return execSync(req.body.script); }
      `,
    // test files are skipped
    { code: `
        import { execSync } from 'child_process';
        import express from 'express';
        const app = express();
        app.get('/x', (req) => execSync(req.query.cmd));
      `, filename: 'src/routes/admin.test.ts' },
  ],
  invalid: [
    {
      // exec with a template built from the body
      code: `
        import { exec } from 'node:child_process';
        import express from 'express';
        const app = express();
        app.post('/ping', (req, res) => {
          exec(\`ping -c 1 \${req.body.host}\`, (error, stdout) => res.send(stdout));
        });
      `,
      errors: [
        { messageId: 'commandInjection', data: { callee: 'exec', input: 'the request body' }, line: 6, column: 16, endLine: 6, endColumn: 44 },
      ],
    },
    {
      // execSync through a variable and a string transform; aliased import, CommonJS
      code: `
        const cp = require('child_process');
        const { Router } = require('express');
        const router = Router();
        router.get('/logs', (req, res) => {
          const file = req.query.file.trim();
          const output = cp.execSync('tail -n 100 logs/' + file);
          res.send(output);
        });
      `,
      errors: [
        { messageId: 'commandInjection', data: { callee: 'execSync', input: 'the query string' }, line: 7, column: 38, endLine: 7, endColumn: 64 },
      ],
    },
    {
      // spawn with `shell: true`: the arguments become a command line
      code: `
        import { spawn as run } from 'child_process';
        import express from 'express';
        const app = express();
        app.post('/convert', (req, res) => {
          run('ffmpeg', ['-i', req.body.input, 'out.mp4'], { shell: true });
        });
      `,
      errors: [
        { messageId: 'commandInjection', data: { callee: 'spawn', input: 'the request body' }, line: 6, column: 32, endLine: 6, endColumn: 46 },
      ],
    },
    {
      // the program itself comes from the request
      code: `
        import { execFile } from 'child_process';
        import express from 'express';
        const app = express();
        app.post('/tools/run', (req, res) => { execFile(req.body.tool, ['--version']); });
      `,
      errors: [
        { messageId: 'commandInjection', data: { callee: 'execFile', input: 'the request body' }, line: 5, column: 57, endLine: 5, endColumn: 70 },
      ],
    },
    {
      // util.promisify(exec) in a Next.js route handler
      code: `
        import { exec } from 'child_process';
        import { promisify } from 'util';
        const execAsync = promisify(exec);
        export async function POST(request: Request) {
          const { repo } = await request.json();
          const { stdout } = await execAsync(\`git clone \${repo} /tmp/checkout\`);
          return Response.json({ stdout });
        }
      `,
      filename: 'app/api/clone/route.ts',
      errors: [
        { messageId: 'commandInjection', data: { callee: 'exec', input: 'the JSON body' }, line: 7, column: 46, endLine: 7, endColumn: 79 },
      ],
    },
    {
      // a Next.js server action through a same-file helper
      code: `
        'use server';
        import { execSync } from 'node:child_process';
        function zip(name: string) { return execSync('zip -r /tmp/' + name + '.zip uploads/'); }
        export async function exportUploads(formData: FormData) {
          zip(formData.get('name') as string);
        }
      `,
      errors: [
        { messageId: 'commandInjection', data: { callee: 'execSync', input: 'a server action argument' }, line: 4, column: 54, endLine: 4, endColumn: 93 },
      ],
    },
    {
      // execa and shelljs
      code: `
        import { execaCommand } from 'execa';
        import shell from 'shelljs';
        import { Hono } from 'hono';
        const app = new Hono();
        app.get('/convert', async (c) => {
          await execaCommand(\`convert \${c.req.query('src')} out.png\`);
          shell.exec('du -sh ' + c.req.query('dir'));
          return c.text('ok');
        });
      `,
      errors: [
        { messageId: 'commandInjection', data: { callee: 'execaCommand', input: 'the query string' }, line: 7, column: 30, endLine: 7, endColumn: 69 },
        { messageId: 'commandInjection', data: { callee: 'shell.exec', input: 'the query string' }, line: 8, column: 22, endLine: 8, endColumn: 52 },
      ],
    },
    {
      // NestJS parameter, optional chaining and a cast
      code: `
        import { Controller, Get, Query } from '@nestjs/common';
        import * as childProcess from 'child_process';
        @Controller('diagnostics')
        export class DiagnosticsController {
          @Get('dns')
          lookup(@Query('host') host: string) {
            return childProcess?.execSync(('nslookup ' + host) as string);
          }
        }
      `,
      errors: [
        { messageId: 'commandInjection', data: { callee: 'execSync', input: 'the query string' }, line: 8, column: 43, endLine: 8, endColumn: 73 },
      ],
    },
    {
      // code with type errors does not crash
      code: `
        import { exec } from 'child_process';
        import express from 'express';
        const app = express();
        app.get('/x', (req, res) => { const cmd: number = req.query.cmd; exec(cmd, notDefined); });
      `,
      errors: [
        { messageId: 'commandInjection', data: { callee: 'exec', input: 'the query string' }, line: 5, column: 79, endLine: 5, endColumn: 82 },
      ],
    },
  ],
});
