import { createRuleTester } from '@prodready/test-kit';

import rule from '../../src/rules/no-sync-io-in-handler.js';

const ruleTester = createRuleTester();

ruleTester.run('no-sync-io-in-handler', rule, {
  valid: [
    // start-up code reads files once
    `
import express from 'express';
import { readFileSync } from 'node:fs';
const config = JSON.parse(readFileSync('config.json', 'utf8'));
const app = express();
app.get('/config', (req, res) => res.json(config));
`,
    // the promise API
    `
import express from 'express';
import { readFile } from 'node:fs/promises';
const app = express();
app.get('/report', async (req, res) => {
  res.send(await readFile('report.html', 'utf8'));
});
`,
    // a function that no handler calls
    `
import fs from 'fs';
export function loadFixtures() {
  return fs.readdirSync('fixtures');
}
`,
    // a helper called only from start-up code
    `
import express from 'express';
import fs from 'fs';
function loadTemplates() {
  return fs.readdirSync('templates');
}
const templates = loadTemplates();
const app = express();
app.get('/templates', (req, res) => res.json(templates));
`,
    // a same-named local that is not `fs`
    `
import express from 'express';
const cache = { readFileSync: (key: string) => key };
const app = express();
app.get('/cached', (req, res) => res.send(cache.readFileSync('home')));
`,
    // non-blocking crypto
    `
import express from 'express';
import { randomUUID } from 'node:crypto';
const app = express();
app.post('/ids', (req, res) => res.json({ id: randomUUID() }));
`,
    // a name in `allow`
    {
      code: `
import express from 'express';
import { existsSync } from 'node:fs';
const app = express();
app.get('/health', (req, res) => res.json({ ready: existsSync('/tmp/ready') }));
`,
      options: [{ allow: ['existsSync'] }],
    },
    // test files
    {
      code: `
import express from 'express';
import { readFileSync } from 'node:fs';
const app = express();
app.get('/fixture', (req, res) => res.send(readFileSync('fixture.json')));
`,
      filename: 'src/app.test.ts',
    },
    // type errors do not crash
    `
import express from 'express';
import fs from 'fs';
const app = express();
app.get('/broken', (req: number, res: string) => fs.readFileSync);
`,
  ],
  invalid: [
    {
      // a handler reading a file per request
      code: `
import express from 'express';
import fs from 'node:fs';
const app = express();
app.get('/report', (req, res) => {
  res.send(fs.readFileSync('report.html', 'utf8'));
});
`,
      errors: [
        {
          messageId: 'syncIoInHandler',
          data: { name: 'readFileSync', asyncName: 'readFile' },
          line: 6,
          column: 15,
          endLine: 6,
          endColumn: 27,
        },
      ],
    },
    {
      // an aliased named import and a TS cast
      code: `
import express from 'express';
import { execSync as run } from 'child_process';
const app = express();
app.post('/deploy', (req, res) => {
  const output = (run('git pull') as Buffer).toString();
  res.send(output);
});
`,
      errors: [
        {
          messageId: 'syncIoInHandler',
          data: { name: 'execSync', asyncName: 'execFile' },
          line: 6,
          column: 19,
          endLine: 6,
          endColumn: 22,
        },
      ],
    },
    {
      // bcrypt in a login handler
      code: `
import express from 'express';
import bcrypt from 'bcrypt';
const app = express();
app.post('/login', async (req, res) => {
  const ok = bcrypt.compareSync(req.body.password, user.passwordHash);
  res.json({ ok });
});
`,
      errors: [
        {
          messageId: 'syncIoInHandler',
          data: { name: 'compareSync', asyncName: 'compare' },
          line: 6,
          column: 21,
          endLine: 6,
          endColumn: 32,
        },
      ],
    },
    {
      // a same-file helper that the handler calls
      code: `
import express from 'express';
import crypto from 'node:crypto';
function hashPassword(password: string) {
  return crypto.pbkdf2Sync(password, salt, 100000, 64, 'sha512');
}
const app = express();
app.post('/signup', (req, res) => {
  res.json({ hash: hashPassword(req.body.password) });
});
`,
      errors: [
        {
          messageId: 'syncIoInHandler',
          data: { name: 'pbkdf2Sync', asyncName: 'pbkdf2' },
          line: 5,
          column: 17,
          endLine: 5,
          endColumn: 27,
        },
      ],
    },
    {
      // zlib with optional chaining, in a callback inside the handler
      code: `
import express from 'express';
import zlib from 'zlib';
const app = express();
app.get('/export', (req, res) => {
  rows.forEach((row) => res.write(zlib?.gzipSync(JSON.stringify(row))));
});
`,
      errors: [
        {
          messageId: 'syncIoInHandler',
          data: { name: 'gzipSync', asyncName: 'gzip' },
          line: 6,
          column: 41,
          endLine: 6,
          endColumn: 49,
        },
      ],
    },
  ],
});
