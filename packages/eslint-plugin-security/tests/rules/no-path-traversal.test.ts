import { createRuleTester } from '@prodready/test-kit';

import rule from '../../src/rules/no-path-traversal.js';

const ruleTester = createRuleTester();

ruleTester.run('no-path-traversal', rule, {
  valid: [
    // constant paths and numbers
    `
        import express from 'express';
        import fs from 'node:fs';
        import path from 'node:path';
        const app = express();
        app.get('/', (req, res) => {
          res.sendFile(path.join(__dirname, 'public', 'index.html'));
          fs.readFileSync(path.join(__dirname, 'reports', \`\${Number(req.query.year)}.csv\`));
        });
      `,
    // only the file name, a root option, or a resolved path checked to stay inside its folder
    `
        import express from 'express';
        import { readFile } from 'node:fs/promises';
        import path from 'node:path';
        const app = express();
        const UPLOADS = path.resolve('uploads');
        app.get('/files/:name', async (req, res) => {
          res.send(await readFile(path.join(UPLOADS, path.basename(req.params.name))));
          res.sendFile(req.params.name, { root: UPLOADS });
          const target = path.resolve(UPLOADS, req.params.name);
          if (!target.startsWith(UPLOADS + path.sep)) return res.status(400).end();
          res.download(target);
        });
      `,
    // path.relative containment check and a `..` check
    `
        import express from 'express';
        import fs from 'fs';
        import path from 'path';
        const app = express();
        const ROOT = '/srv/docs';
        app.get('/docs', (req, res) => {
          const full = path.join(ROOT, String(req.query.file));
          const relative = path.relative(ROOT, full);
          if (relative.startsWith('..') || path.isAbsolute(relative)) return res.status(403).end();
          fs.createReadStream(full).pipe(res);
        });
        app.delete('/docs/:name', (req, res) => {
          const name = req.params.name;
          if (name.includes('..') || name.includes('/')) return res.status(400).end();
          fs.unlinkSync(path.join(ROOT, name));
          res.end();
        });
      `,
    // a name without a separator cannot leave its folder
    `
        import express from 'express';
        import path from 'path';
        const app = express();
        app.get('/keys/:file', ({ params }, res) => {
          const file = params.file;
          if (!file.includes('/')) {
            res.sendFile(path.resolve('keys/', file));
          } else {
            res.status(403).end();
          }
        });
      `,
    // multer names stored uploads itself
    `
        import express from 'express';
        import multer from 'multer';
        import fs from 'fs/promises';
        const app = express();
        const upload = multer({ dest: 'uploads/' });
        app.post('/avatar', upload.single('avatar'), async (req, res) => {
          const data = await fs.readFile(req.file!.path);
          await fs.unlink(req.file!.path);
          res.json({ size: data.length });
        });
      `,
    // a same-named local `readFile` and a `sendFile` that is not the handler's response
    `
        import express from 'express';
        const app = express();
        const cache = new Map<string, string>();
        function readFile(key: string) { return cache.get(key); }
        const mailer = { sendFile: (to: string) => to };
        app.get('/cache', (req, res) => { res.send(readFile(req.query.key as string)); mailer.sendFile(req.query.to as string); });
      `,
    // the project's own safe join, from options
    {
      code: `
        import express from 'express';
        import fs from 'fs';
        import path from 'path';
        const app = express();
        function safeJoin(root: string, name: string) { return path.join(root, name); }
        app.get('/docs', (req, res) => res.send(fs.readFileSync(safeJoin('/srv/docs', req.query.file))));
      `,
      options: [{ sanitizers: ['safeJoin'] }],
    },
    // test files are skipped
    {
      code: `
        import express from 'express';
        import fs from 'fs';
        const app = express();
        app.get('/x', (req, res) => res.send(fs.readFileSync(req.query.file)));
      `,
      filename: 'src/routes/files.test.ts',
    },
  ],
  invalid: [
    {
      // sendFile with a path joined from a route parameter
      code: `
        import express from 'express';
        import path from 'node:path';
        const app = express();
        app.get('/files/:name', (req, res) => {
          res.sendFile(path.join(__dirname, 'uploads', req.params.name));
        });
      `,
      errors: [
        { messageId: 'pathTraversal', data: { callee: 'res.sendFile', input: 'a route parameter' }, line: 6, column: 24, endLine: 6, endColumn: 72 },
      ],
    },
    {
      // fs/promises with an aliased import; the client's upload file name, through a variable and a cast
      code: `
        import express from 'express';
        import { writeFile as save } from 'fs/promises';
        const app = express();
        app.post('/upload', async (req, res) => {
          const target = 'uploads/' + (req.file?.originalname as string);
          await save(target, req.file!.buffer);
          res.status(201).end();
        });
      `,
      errors: [
        { messageId: 'pathTraversal', data: { callee: 'writeFile', input: 'form data' }, line: 7, column: 22, endLine: 7, endColumn: 28 },
      ],
    },
    {
      // fs.promises and fs-extra, both paths of a rename, download without root
      code: `
        import express from 'express';
        import fs from 'fs';
        import fse from 'fs-extra';
        const app = express();
        app.post('/rename', async (req, res) => {
          await fs.promises.rename(\`docs/\${req.body.from}\`, \`docs/\${req.body.to}\`);
          await fse.remove(req.body.old);
          res.download(\`exports/\${req.query.file}\`);
        });
      `,
      errors: [
        { messageId: 'pathTraversal', data: { callee: 'rename', input: 'the request body' }, line: 7, column: 36, endLine: 7, endColumn: 59 },
        { messageId: 'pathTraversal', data: { callee: 'rename', input: 'the request body' }, line: 7, column: 61, endLine: 7, endColumn: 82 },
        { messageId: 'pathTraversal', data: { callee: 'remove', input: 'the request body' }, line: 8, column: 28, endLine: 8, endColumn: 40 },
        { messageId: 'pathTraversal', data: { callee: 'res.download', input: 'the query string' }, line: 9, column: 24, endLine: 9, endColumn: 51 },
      ],
    },
    {
      // a startsWith check on another variable does not contain this one; a same-file helper builds the path
      code: `
        import express from 'express';
        import fs from 'fs';
        import path from 'path';
        const app = express();
        const ROOT = '/srv/docs';
        function docPath(name: string) { return path.join(ROOT, name); }
        app.get('/docs', (req, res) => {
          const name = req.query.name as string;
          if (!ROOT.startsWith('/srv')) return res.end();
          res.send(fs.readFileSync(docPath(name), 'utf8'));
        });
      `,
      errors: [
        { messageId: 'pathTraversal', data: { callee: 'readFileSync', input: 'the query string' }, line: 11, column: 36, endLine: 11, endColumn: 49 },
      ],
    },
    {
      // a Next.js route handler reading a search parameter; code with a type error does not crash
      code: `
        import { readFile } from 'node:fs/promises';
        import { NextRequest } from 'next/server';
        export async function GET(request: NextRequest) {
          const file = request.nextUrl.searchParams.get('file');
          const size: number = 'big';
          return new Response(await readFile(\`./content/\${file}\`));
        }
      `,
      filename: 'app/api/content/route.ts',
      errors: [
        { messageId: 'pathTraversal', data: { callee: 'readFile', input: 'the query string' }, line: 7, column: 46, endLine: 7, endColumn: 65 },
      ],
    },
  ],
});
