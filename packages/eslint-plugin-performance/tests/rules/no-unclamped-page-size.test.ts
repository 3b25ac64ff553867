import { createRuleTester } from '@prodready/test-kit';

import rule from '../../src/rules/no-unclamped-page-size.js';

const ruleTester = createRuleTester();

ruleTester.run('no-unclamped-page-size', rule, {
  valid: [
    // clamped with Math.min
    `
import express from 'express';
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
const app = express();
app.get('/posts', async (req, res) => {
  res.json(await prisma.post.findMany({ take: Math.min(Number(req.query.limit) || 20, 100) }));
});
`,
    // a constant page size
    `
import express from 'express';
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
const app = express();
app.get('/posts', async (req, res) => {
  res.json(await prisma.post.findMany({ take: 20, skip: Number(req.query.offset) }));
});
`,
    // validated by a schema with a maximum
    `
import express from 'express';
import { z } from 'zod';
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
const app = express();
const Query = z.object({ limit: z.coerce.number().max(100) });
app.get('/posts', async (req, res) => {
  const { limit } = Query.parse(req.query);
  res.json(await prisma.post.findMany({ take: limit }));
});
`,
    // clamped in a conditional
    `
import express from 'express';
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
const app = express();
app.get('/posts', async (req, res) => {
  const requested = Number(req.query.limit);
  res.json(await prisma.post.findMany({ take: requested > 100 ? 100 : requested }));
});
`,
    // a same-named local that is not a client
    `
import express from 'express';
const prisma = { post: { findMany: async (query: object) => [query] } };
const app = express();
app.get('/posts', async (req, res) => {
  res.json(await prisma.post.findMany({ take: Number(req.query.limit) }));
});
`,
    // type errors do not crash
    `
import express from 'express';
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
const app = express();
app.get('/posts', async (req: number) => {
  await prisma.post.findMany({ take: Number() }, Math.min());
});
`,
  ],
  invalid: [
    {
      // Prisma `take` from the query string
      code: `
import express from 'express';
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
const app = express();
app.get('/posts', async (req, res) => {
  res.json(await prisma.post.findMany({ take: Number(req.query.limit) || 20 }));
});
`,
      errors: [{ messageId: 'unclampedPageSize', line: 7, column: 47, endLine: 7, endColumn: 76 }],
    },
    {
      // through a const and an aliased import
      code: `
import express from 'express';
import { PrismaClient as Db } from '@prisma/client';
const db = new Db();
const app = express();
app.get('/posts', async (req, res) => {
  const pageSize = parseInt(req.query.pageSize as string, 10);
  res.json(await db.post.findMany({ take: pageSize }));
});
`,
      errors: [{ messageId: 'unclampedPageSize', line: 8, column: 43, endLine: 8, endColumn: 51 }],
    },
    {
      // Math.max only sets a floor
      code: `
import express from 'express';
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
const app = express();
app.get('/posts', async (req, res) => {
  res.json(await prisma.post.findMany({ take: Math.max(1, Number(req.query.limit)) }));
});
`,
      errors: [{ messageId: 'unclampedPageSize', line: 7, column: 47, endLine: 7, endColumn: 83 }],
    },
    {
      // Knex `.limit()`
      code: `
import express from 'express';
import knex from 'knex';
const db = knex({ client: 'pg' });
const app = express();
app.get('/users', async (req, res) => {
  res.json(await db('users').select('*').limit(+req.query.limit));
});
`,
      errors: [{ messageId: 'unclampedPageSize', line: 7, column: 48, endLine: 7, endColumn: 64 }],
    },
    {
      // Supabase `.range()` end
      code: `
import express from 'express';
import { createClient } from '@supabase/supabase-js';
const supabase = createClient(url, key);
const app = express();
app.get('/posts', async (req, res) => {
  const end = Number(req.query.end);
  res.json(await supabase.from('posts').select('*').range(0, end));
});
`,
      errors: [{ messageId: 'unclampedPageSize', line: 8, column: 62, endLine: 8, endColumn: 65 }],
    },
  ],
});
