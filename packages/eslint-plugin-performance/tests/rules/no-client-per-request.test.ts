import { createRuleTester } from '@prodready/test-kit';

import rule from '../../src/rules/no-client-per-request.js';

const ruleTester = createRuleTester();

ruleTester.run('no-client-per-request', rule, {
  valid: [
    // module scope: created once
    `
import express from 'express';
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
const app = express();
app.get('/users', async (req, res) => res.json(await prisma.user.findMany({ take: 20 })));
`,
    // a factory called once at start-up is not a handler
    `
import { Pool } from 'pg';
export function createPool() {
  return new Pool({ connectionString: process.env.DATABASE_URL });
}
`,
    // the Next.js singleton through globalThis
    { code: `
import { PrismaClient } from '@prisma/client';
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };
export async function GET() {
  globalForPrisma.prisma ??= new PrismaClient();
  return Response.json(await globalForPrisma.prisma.user.count());
}
`, filename: 'app/api/posts/route.ts' },
    // a lazy singleton in a module-level variable
    `
import express from 'express';
import Redis from 'ioredis';
let redis: Redis | undefined;
const app = express();
app.get('/session', async (req, res) => {
  if (!redis) redis = new Redis(process.env.REDIS_URL!);
  res.json(await redis.get(String(req.query.id)));
});
`,
    // `mongoose.connect` reuses the default connection
    { code: `
import mongoose from 'mongoose';
export async function GET() {
  await mongoose.connect(process.env.MONGODB_URI!);
  return Response.json({ ok: true });
}
`, filename: 'app/api/posts/route.ts' },
    // a same-named local class
    `
import express from 'express';
class PrismaClient { user = { findMany: () => [] }; }
const app = express();
app.get('/users', (req, res) => res.json(new PrismaClient().user.findMany()));
`,
    // an allow-listed client
    {
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
app.post('/chat', async (req, res) => {
  const openai = new OpenAI({ apiKey: req.get('x-user-key') });
  res.json(await openai.models.list());
});
`,
      options: [{ allow: ['OpenAI client'] }],
    },
  ],
  invalid: [
    {
      code: `
import express from 'express';
import { PrismaClient } from '@prisma/client';
const app = express();
app.get('/users', async (req, res) => {
  const prisma = new PrismaClient();
  res.json(await prisma.user.findMany({ take: 20 }));
});
`,
      errors: [
        {
          messageId: 'clientPerRequest', data: { client: 'PrismaClient' }, line: 6, column: 18, endLine: 6, endColumn: 36,
        },
      ],
    },
    {
      // a Next.js route handler; aliased import
      code: `
import { Pool as PgPool } from 'pg';
export async function GET(request: Request) {
  const pool = new PgPool({ connectionString: process.env.DATABASE_URL });
  const { rows } = await pool.query('SELECT id, title FROM posts LIMIT 20');
  return Response.json(rows);
}
`,
      filename: 'app/api/posts/route.ts',
      errors: [
        {
          messageId: 'clientPerRequest', data: { client: 'pg Pool' }, line: 4, column: 16, endLine: 4, endColumn: 74,
        },
      ],
    },
    {
      // a local variable assigned inside the handler is not a singleton
      code: `
import express from 'express';
import OpenAI from 'openai';
const app = express();
app.post('/chat', async (req, res) => {
  let openai;
  openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
  res.json(await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: req.body.messages }));
});
`,
      errors: [
        {
          messageId: 'clientPerRequest', data: { client: 'OpenAI client' }, line: 7, column: 12, endLine: 7, endColumn: 62,
        },
      ],
    },
    {
      code: `
import express from 'express';
import axios from 'axios';
import { MongoClient } from 'mongodb';
const app = express();
app.get('/orders/:id', async (req, res) => {
  const client = await MongoClient.connect(process.env.MONGO_URL!);
  const api = axios.create({ baseURL: 'https://api.shipping.example', timeout: 5_000 });
  res.json({ order: await client.db().collection('orders').findOne({ id: req.params.id }), api });
});
`,
      errors: [
        {
          messageId: 'clientPerRequest', data: { client: 'MongoClient' }, line: 7, column: 24, endLine: 7, endColumn: 67,
        },
        {
          messageId: 'clientPerRequest', data: { client: 'axios instance' }, line: 8, column: 15, endLine: 8, endColumn: 88,
        },
      ],
    },
    {
      // type errors do not crash
      code: `
import { PrismaClient } from '@prisma/client';
export async function POST() {
  const prisma: number = new (PrismaClient as any)(42, ...[]);
  return prisma;
}
`,
      filename: 'app/api/posts/route.ts',
      errors: [
        {
          messageId: 'clientPerRequest', data: { client: 'PrismaClient' }, line: 4, column: 26, endLine: 4, endColumn: 62,
        },
      ],
    },
  ],
});
