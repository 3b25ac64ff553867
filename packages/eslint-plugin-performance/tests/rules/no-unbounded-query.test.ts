import { createRuleTester } from '@prodready/test-kit';

import rule from '../../src/rules/no-unbounded-query.js';

const ruleTester = createRuleTester();

ruleTester.run('no-unbounded-query', rule, {
  valid: [
    // `take` bounds the list
    `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
await prisma.post.findMany({ take: 20, orderBy: { createdAt: 'desc' } });
`,
    // a unique lookup
    `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
await prisma.user.findUnique({ where: { id } });
`,
    // bounded by input: `in` over ids the caller passed
    `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
await prisma.user.findMany({ where: { id: { in: userIds } } });
`,
    // an aggregation
    `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
await prisma.order.groupBy({ by: ['status'], _count: true });
`,
    // options from a variable are unknown
    `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export const listPosts = (args: object) => prisma.post.findMany(args);
`,
    // a local object with a `findMany` method
    `
const cache = { findMany: (query: object) => [query] };
cache.findMany({ where: { active: true } });
`,
    // a client imported from a project module is unknown without type information
    `
import { prisma } from '@/lib/prisma';
await prisma.user.findMany();
`,
    // the code asks for one row
    `
import { drizzle } from 'drizzle-orm/node-postgres';
import { eq } from 'drizzle-orm';
const db = drizzle(process.env.DATABASE_URL!);
const [user] = await db.select().from(users).where(eq(users.email, email));
`,
    // Drizzle: `.limit()`, a primary-key filter and an aggregate select
    `
import { drizzle } from 'drizzle-orm/node-postgres';
import { count, eq } from 'drizzle-orm';
const db = drizzle(pool);
await db.select().from(posts).orderBy(posts.createdAt).limit(20);
await db.select().from(users).where(eq(users.id, userId));
await db.select({ total: count() }).from(orders);
`,
    // Mongoose `.limit()` and a cursor
    `
import mongoose from 'mongoose';
const Product = mongoose.model('Product', productSchema);
await Product.find({ category }).limit(50).lean();
for await (const product of Product.find().cursor()) { index(product); }
`,
    // Supabase `.range()`, `.single()` and a head-only count
    `
import { createClient } from '@supabase/supabase-js';
const supabase = createClient(url, key);
await supabase.from('posts').select('*').range(0, 24);
await supabase.from('profiles').select('*').eq('user_id', userId).single();
await supabase.from('posts').select('*', { count: 'exact', head: true });
`,
    // Knex: a whereIn and a first()
    `
import knex from 'knex';
const db = knex(config);
await db('users').whereIn('id', ids);
await db('users').where({ email }).first();
`,
    // a knex subquery is not run on its own
    `
import knex from 'knex';
const db = knex(config);
await db('users').whereIn('id', db('orders').select('user_id')).limit(10);
`,
    // a stored builder may still be limited before it runs
    `
import { createClient } from '@supabase/supabase-js';
const supabase = createClient(url, key);
let query = supabase.from('activities').select('id, name').order('start_date');
if (limit) query = query.limit(limit);
const { data } = await query;
`,
    // type errors do not crash
    `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
const users: number = await prisma.user.findMany(42 as any, ...rest);
`,
    // an allow-listed small table
    {
      code: `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
await prisma.country.findMany();
`,
      options: [{ allow: ['country'] }],
    },
    // seed scripts and tests read whole tables on purpose
    {
      code: `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
await prisma.user.findMany();
`,
      filename: 'prisma/seed.ts',
    },
    {
      code: `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
await prisma.user.findMany();
`,
      filename: 'src/users/users.test.ts',
    },
  ],
  invalid: [
    {
      code: `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function listUsers() {
  return prisma.user.findMany({ where: { active: true } });
}
`,
      errors: [
        {
          messageId: 'unboundedQuery', data: { operation: 'findMany', limit: 'take' }, line: 5, column: 22, endLine: 5, endColumn: 30,
        },
      ],
    },
    {
      // no options at all; aliased import, cast and optional chaining
      code: `
import { PrismaClient as Db } from '@prisma/client';
const db = new Db();
await (db as Db).auditLog?.findMany();
`,
      errors: [
        {
          messageId: 'unboundedQuery', data: { operation: 'findMany', limit: 'take' }, line: 4, column: 28, endLine: 4, endColumn: 36,
        },
      ],
    },
    {
      // a foreign key is not a bound
      code: `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
await prisma.order.findMany({ where: { userId: session.user.id } });
`,
      errors: [
        {
          messageId: 'unboundedQuery', data: { operation: 'findMany', limit: 'take' }, line: 4, column: 20, endLine: 4, endColumn: 28,
        },
      ],
    },
    {
      code: `
import { drizzle } from 'drizzle-orm/node-postgres';
import { eq } from 'drizzle-orm';
const db = drizzle(pool);
const rows = await db.select().from(orders).where(eq(orders.userId, userId));
`,
      errors: [
        {
          messageId: 'unboundedQuery', data: { operation: 'select', limit: '.limit()' }, line: 5, column: 23, endLine: 5, endColumn: 29,
        },
      ],
    },
    {
      code: `
import { drizzle } from 'drizzle-orm/node-postgres';
const db = drizzle(pool, { schema });
const allPosts = await db.query.posts.findMany({ with: { author: true } });
`,
      errors: [
        {
          messageId: 'unboundedQuery', data: { operation: 'findMany', limit: 'limit' }, line: 4, column: 39, endLine: 4, endColumn: 47,
        },
      ],
    },
    {
      code: `
import { Sequelize, DataTypes } from 'sequelize';
const sequelize = new Sequelize(process.env.DATABASE_URL);
const Order = sequelize.define('Order', { total: DataTypes.INTEGER });
const orders = await Order.findAll({ where: { status: 'open' } });
`,
      errors: [
        {
          messageId: 'unboundedQuery', data: { operation: 'findAll', limit: 'limit' }, line: 5, column: 28, endLine: 5, endColumn: 35,
        },
      ],
    },
    {
      code: `
import { DataSource } from 'typeorm';
const dataSource = new DataSource(options);
const users = await dataSource.getRepository(User).find({ relations: { posts: true } });
`,
      errors: [
        {
          messageId: 'unboundedQuery', data: { operation: 'find', limit: 'take' }, line: 4, column: 52, endLine: 4, endColumn: 56,
        },
      ],
    },
    {
      code: `
import mongoose from 'mongoose';
const Message = mongoose.model('Message', messageSchema);
const messages = await Message.find({ roomId }).sort({ createdAt: -1 });
`,
      errors: [
        {
          messageId: 'unboundedQuery', data: { operation: 'find', limit: '.limit()' }, line: 4, column: 32, endLine: 4, endColumn: 36,
        },
      ],
    },
    {
      code: `
import { MongoClient } from 'mongodb';
const client = new MongoClient(uri);
const events = await client.db().collection('events').find({ type }).toArray();
`,
      errors: [
        {
          messageId: 'unboundedQuery', data: { operation: 'find', limit: '.limit()' }, line: 4, column: 55, endLine: 4, endColumn: 59,
        },
      ],
    },
    {
      code: `
import knex from 'knex';
const db = knex(config);
const rows = await db('orders').where('status', 'open');
`,
      errors: [
        {
          messageId: 'unboundedQuery', data: { operation: 'select', limit: '.limit()' }, line: 4, column: 20, endLine: 4, endColumn: 32,
        },
      ],
    },
    {
      code: `
import { createClient } from '@supabase/supabase-js';
const supabase = createClient(url, key);
const { data: posts } = await supabase.from('posts').select('*').order('created_at', { ascending: false });
`,
      errors: [
        {
          messageId: 'unboundedQuery', data: { operation: 'select', limit: '.range()' }, line: 4, column: 54, endLine: 4, endColumn: 60,
        },
      ],
    },
  ],
});
