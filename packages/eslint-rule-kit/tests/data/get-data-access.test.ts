import { createRuleTester } from '@prodready/test-kit';
import type { TSESTree } from '@typescript-eslint/utils';

import { getDataAccess } from '../../src/frameworks/data/get-data-access.js';
import { createProbeRule } from '../probe.js';

// Reports `library kind operation`, the model, list/bound, raw SQL text and the chain's steps
// (`name()` a call written in the chain, `name(?)` a call made in another statement).
const rule = createProbeRule<TSESTree.CallExpression>('CallExpression', (context, node) => {
  const access = getDataAccess(context, node);
  if (!access) return undefined;
  const steps = access.steps.map((step) => step.name + (step.called ? (step.call ? '()' : '(?)') : '')).join('.');
  return (
    `${access.library} ${access.kind} ${access.operation}` +
    (access.model ? ` model=${access.model}` : '') +
    (access.returnsList ? ` list bounded=${String(access.bounded)}` : '') +
    (access.rawSql ? ` sql=${context.sourceCode.getText(access.rawSql)}` : '') +
    ` steps=${steps}`
  );
});

createRuleTester().run('getDataAccess', rule, {
  valid: [
    // a local object with a `findMany` method is not a database
    `
const repo = { findMany: (options: object) => [options] };
repo.findMany({ where: { active: true } });
`,
    // a client imported from a project module is unknown without type information
    `
import { prisma } from '../lib/db';
await prisma.user.findMany();
`,
    // a same-named export from another package
    `
import { PrismaClient } from 'my-prisma-mock';
const prisma = new PrismaClient();
await prisma.user.findMany();
`,
    // an unknown Prisma method
    `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
prisma.$on('query', () => {});
`,
    // a Drizzle subquery with `.as()` is not executed
    `
import { drizzle } from 'drizzle-orm/node-postgres';
const db = drizzle(process.env.DATABASE_URL!);
const recent = db.select().from(orders).as('recent');
`,
    // a Supabase `from()` without an operation does nothing yet
    `
import { createClient } from '@supabase/supabase-js';
const supabase = createClient(url, key);
const table = supabase.from('profiles');
`,
    // Supabase auth is not data access
    `
import { createClient } from '@supabase/supabase-js';
const supabase = createClient(url, key);
await supabase.auth.getUser();
`,
    // a TypeORM query builder that is never executed
    `
import { DataSource } from 'typeorm';
const dataSource = new DataSource(options);
const query = dataSource.getRepository(User).createQueryBuilder('user').where('user.active = true');
`,
    // a class extending a local `Model` is not Sequelize
    `
class Model { static findAll() { return []; } }
class User extends Model {}
User.findAll();
`,
    // better-sqlite3 `prepare` alone runs nothing
    `
import Database from 'better-sqlite3';
const db = new Database('app.db');
const statement = db.prepare('SELECT * FROM users');
`,
    // type errors do not crash
    `
import { PrismaClient } from '@prisma/client';
const prisma: number = new PrismaClient();
prisma.user.findMany(1, 2, 3).limit();
`,
  ],
  invalid: [
    {
      code: `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
await prisma.user.findMany({ where: { active: true } });
`,
      errors: [
        { messageId: 'probe', data: { answer: "prisma read findMany model=user list bounded=false steps=user.findMany()" }, line: 4, column: 7, endLine: 4, endColumn: 56 },
      ],
    },
    {
      // `take` bounds the list
      code: `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
await prisma.post.findMany({ take: 20, orderBy: { createdAt: 'desc' } });
`,
      errors: [
        { messageId: 'probe', data: { answer: "prisma read findMany model=post list bounded=true steps=post.findMany()" }, line: 4, column: 7, endLine: 4, endColumn: 73 },
      ],
    },
    {
      // options from a variable are unknown
      code: `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export const list = (args: object) => prisma.post.findMany(args);
`,
      errors: [
        { messageId: 'probe', data: { answer: "prisma read findMany model=post list bounded=undefined steps=post.findMany()" }, line: 4, column: 39, endLine: 4, endColumn: 65 },
      ],
    },
    {
      // aliased import, the Next.js singleton, a cast and optional chaining
      code: `
import { PrismaClient as Client } from '@prisma/client';
const globalForPrisma = globalThis as unknown as { prisma?: Client };
export const db = globalForPrisma.prisma ?? new Client();
await (db as Client).order?.findUnique({ where: { id } });
`,
      errors: [
        { messageId: 'probe', data: { answer: "prisma read findUnique model=order steps=order.findUnique()" }, line: 5, column: 7, endLine: 5, endColumn: 58 },
      ],
    },
    {
      // writes, counts, raw SQL and transactions
      code: `
const { PrismaClient } = require('@prisma/client');
const prisma = new PrismaClient().$extends({});
prisma.user.create({ data });
prisma.user.count();
prisma.$queryRawUnsafe(\`SELECT * FROM users WHERE email = '\${email}'\`);
prisma.$transaction([]);
`,
      errors: [
        { messageId: 'probe', data: { answer: "prisma write create model=user steps=user.create()" }, line: 4, column: 1, endLine: 4, endColumn: 29 },
        { messageId: 'probe', data: { answer: "prisma read count model=user steps=user.count()" }, line: 5, column: 1, endLine: 5, endColumn: 20 },
        { messageId: 'probe', data: { answer: "prisma raw $queryRawUnsafe list bounded=undefined sql=`SELECT * FROM users WHERE email = '${email}'` steps=$queryRawUnsafe()" }, line: 6, column: 1, endLine: 6, endColumn: 71 },
        { messageId: 'probe', data: { answer: "prisma transaction $transaction steps=$transaction()" }, line: 7, column: 1, endLine: 7, endColumn: 24 },
      ],
    },
    {
      // a generated client imported by path
      code: `
import { PrismaClient } from '../generated/prisma/client';
const prisma = new PrismaClient();
prisma.invoice.deleteMany({ where: { paid: false } });
`,
      errors: [
        { messageId: 'probe', data: { answer: "prisma write deleteMany model=invoice steps=invoice.deleteMany()" }, line: 4, column: 1, endLine: 4, endColumn: 54 },
      ],
    },
    {
      code: `
import { drizzle } from 'drizzle-orm/node-postgres';
const db = drizzle(process.env.DATABASE_URL!);
await db.select().from(users).where(eq(users.active, true));
`,
      errors: [
        { messageId: 'probe', data: { answer: "drizzle read select model=users list bounded=false steps=select().from().where()" }, line: 4, column: 7, endLine: 4, endColumn: 60 },
      ],
    },
    {
      // `.limit()` bounds the chain; the chain is answered once, at its outermost call
      code: `
import { drizzle } from 'drizzle-orm/node-postgres';
const db = drizzle(pool);
const rows = await db.select({ id: users.id }).from(users).limit(10).then((result) => result);
`,
      errors: [
        { messageId: 'probe', data: { answer: "drizzle read select model=users list bounded=true steps=select().from().limit()" }, line: 4, column: 20, endLine: 4, endColumn: 69 },
      ],
    },
    {
      // the relational query API, writes and `sql.raw`
      code: `
import { drizzle } from 'drizzle-orm/postgres-js';
import { sql } from 'drizzle-orm';
const db = drizzle(client, { schema });
db.query.users.findMany({ with: { posts: true } });
db.query.users.findFirst({ where: eq(users.id, id) });
db.insert(users).values({ name }).returning();
db.execute(sql.raw(\`SELECT * FROM users ORDER BY \${column}\`));
`,
      errors: [
        { messageId: 'probe', data: { answer: "drizzle read findMany model=users list bounded=false steps=query.users.findMany()" }, line: 5, column: 1, endLine: 5, endColumn: 51 },
        { messageId: 'probe', data: { answer: "drizzle read findFirst model=users steps=query.users.findFirst()" }, line: 6, column: 1, endLine: 6, endColumn: 54 },
        { messageId: 'probe', data: { answer: "drizzle write insert model=users steps=insert().values().returning()" }, line: 7, column: 1, endLine: 7, endColumn: 46 },
        { messageId: 'probe', data: { answer: "drizzle raw execute list bounded=undefined sql=sql.raw(`SELECT * FROM users ORDER BY ${column}`) steps=execute()" }, line: 8, column: 1, endLine: 8, endColumn: 62 },
        { messageId: 'probe', data: { answer: "drizzle raw sql.raw sql=`SELECT * FROM users ORDER BY ${column}` steps=raw()" }, line: 8, column: 12, endLine: 8, endColumn: 61 },
      ],
    },
    {
      code: `
import { Sequelize, DataTypes } from 'sequelize';
const sequelize = new Sequelize(process.env.DATABASE_URL);
const User = sequelize.define('User', { email: DataTypes.STRING });
await User.findAll({ where: { active: true } });
await User.findAll({ limit: 50 });
await sequelize.query(\`SELECT * FROM users WHERE id = \${id}\`);
`,
      errors: [
        { messageId: 'probe', data: { answer: "sequelize read findAll list bounded=false steps=findAll()" }, line: 5, column: 7, endLine: 5, endColumn: 48 },
        { messageId: 'probe', data: { answer: "sequelize read findAll list bounded=true steps=findAll()" }, line: 6, column: 7, endLine: 6, endColumn: 34 },
        { messageId: 'probe', data: { answer: "sequelize raw query list bounded=undefined sql=`SELECT * FROM users WHERE id = ${id}` steps=query()" }, line: 7, column: 7, endLine: 7, endColumn: 62 },
      ],
    },
    {
      // a model class whose base class is imported from sequelize
      code: `
import { Model } from 'sequelize';
class Order extends Model {}
Order.findAll();
Order.findByPk(id);
Order.destroy({ where: { id } });
`,
      errors: [
        { messageId: 'probe', data: { answer: "sequelize read findAll list bounded=false steps=findAll()" }, line: 4, column: 1, endLine: 4, endColumn: 16 },
        { messageId: 'probe', data: { answer: "sequelize read findByPk steps=findByPk()" }, line: 5, column: 1, endLine: 5, endColumn: 19 },
        { messageId: 'probe', data: { answer: "sequelize write destroy steps=destroy()" }, line: 6, column: 1, endLine: 6, endColumn: 33 },
      ],
    },
    {
      code: `
import { DataSource } from 'typeorm';
export const AppDataSource = new DataSource(options);
const users = AppDataSource.getRepository(User);
await users.find({ where: { active: true } });
await users.find({ take: 25 });
await users.findOneBy({ id });
await AppDataSource.manager.find(Order, { where: { userId } });
await AppDataSource.query(\`SELECT * FROM users WHERE name = '\${name}'\`);
`,
      errors: [
        { messageId: 'probe', data: { answer: "typeorm read find list bounded=false steps=find()" }, line: 5, column: 7, endLine: 5, endColumn: 46 },
        { messageId: 'probe', data: { answer: "typeorm read find list bounded=true steps=find()" }, line: 6, column: 7, endLine: 6, endColumn: 31 },
        { messageId: 'probe', data: { answer: "typeorm read findOneBy steps=findOneBy()" }, line: 7, column: 7, endLine: 7, endColumn: 30 },
        { messageId: 'probe', data: { answer: "typeorm read find model=Order list bounded=false steps=find()" }, line: 8, column: 7, endLine: 8, endColumn: 63 },
        { messageId: 'probe', data: { answer: "typeorm raw query list bounded=undefined sql=`SELECT * FROM users WHERE name = '${name}'` steps=query()" }, line: 9, column: 7, endLine: 9, endColumn: 72 },
      ],
    },
    {
      // query builders are answered at their terminal call
      code: `
import { DataSource } from 'typeorm';
const dataSource = new DataSource(options);
dataSource.getRepository(User).createQueryBuilder('user').where('user.active = :active', { active }).getMany();
dataSource.getRepository(User).createQueryBuilder('user').take(10).getMany();
`,
      errors: [
        { messageId: 'probe', data: { answer: "typeorm read getMany list bounded=false steps=createQueryBuilder().where().getMany()" }, line: 4, column: 1, endLine: 4, endColumn: 111 },
        { messageId: 'probe', data: { answer: "typeorm read getMany list bounded=true steps=createQueryBuilder().take().getMany()" }, line: 5, column: 1, endLine: 5, endColumn: 77 },
      ],
    },
    {
      code: `
import mongoose from 'mongoose';
const User = mongoose.model('User', userSchema);
await User.find({ role: 'admin' });
await User.find({ role: 'admin' }).sort({ createdAt: -1 }).limit(20).lean();
await User.findById(id);
await User.updateOne({ _id: id }, { $set: { name } });
await mongoose.connect(process.env.MONGO_URI!);
`,
      errors: [
        { messageId: 'probe', data: { answer: "mongoose read find list bounded=false steps=find()" }, line: 4, column: 7, endLine: 4, endColumn: 35 },
        { messageId: 'probe', data: { answer: "mongoose read find list bounded=true steps=find().sort().limit().lean()" }, line: 5, column: 7, endLine: 5, endColumn: 76 },
        { messageId: 'probe', data: { answer: "mongoose read findById steps=findById()" }, line: 6, column: 7, endLine: 6, endColumn: 24 },
        { messageId: 'probe', data: { answer: "mongoose write updateOne steps=updateOne()" }, line: 7, column: 7, endLine: 7, endColumn: 54 },
        { messageId: 'probe', data: { answer: "mongoose connect connect steps=connect()" }, line: 8, column: 7, endLine: 8, endColumn: 47 },
      ],
    },
    {
      // `model` imported by name, and `mongoose.models.X`
      code: `
import { model, models } from 'mongoose';
const Product = model('Product', productSchema);
Product.find().exec();
models.Order.countDocuments({ status: 'open' });
`,
      errors: [
        { messageId: 'probe', data: { answer: "mongoose read find list bounded=false steps=find().exec()" }, line: 4, column: 1, endLine: 4, endColumn: 22 },
        { messageId: 'probe', data: { answer: "mongoose read countDocuments steps=countDocuments()" }, line: 5, column: 1, endLine: 5, endColumn: 48 },
      ],
    },
    {
      code: `
import { MongoClient } from 'mongodb';
const client = new MongoClient(uri);
const orders = client.db('shop').collection('orders');
await orders.find({ status: 'open' }).toArray();
await client.db().collection('users').find({}, { limit: 10 }).toArray();
await orders.insertOne(order);
`,
      errors: [
        { messageId: 'probe', data: { answer: "mongodb read find list bounded=false steps=db(?).collection(?).find().toArray()" }, line: 5, column: 7, endLine: 5, endColumn: 48 },
        { messageId: 'probe', data: { answer: "mongodb read find model=users list bounded=true steps=db().collection().find().toArray()" }, line: 6, column: 7, endLine: 6, endColumn: 72 },
        { messageId: 'probe', data: { answer: "mongodb write insertOne steps=db(?).collection(?).insertOne()" }, line: 7, column: 7, endLine: 7, endColumn: 30 },
      ],
    },
    {
      code: `
import knex from 'knex';
const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });
await db('users').where({ active: true });
await db('users').where('id', id).first();
await db.select('*').from('orders').limit(100);
await db('users').insert({ email });
await db.raw(\`SELECT * FROM users WHERE email = '\${email}'\`);
await db('users').whereRaw(\`name = '\${name}'\`);
`,
      errors: [
        { messageId: 'probe', data: { answer: "knex read select model=users list bounded=false steps=().where()" }, line: 4, column: 7, endLine: 4, endColumn: 42 },
        { messageId: 'probe', data: { answer: "knex read select model=users steps=().where().first()" }, line: 5, column: 7, endLine: 5, endColumn: 42 },
        { messageId: 'probe', data: { answer: "knex read select list bounded=true steps=select().from().limit()" }, line: 6, column: 7, endLine: 6, endColumn: 47 },
        { messageId: 'probe', data: { answer: "knex write insert model=users steps=().insert()" }, line: 7, column: 7, endLine: 7, endColumn: 36 },
        { messageId: 'probe', data: { answer: "knex raw raw list bounded=undefined sql=`SELECT * FROM users WHERE email = '${email}'` steps=raw()" }, line: 8, column: 7, endLine: 8, endColumn: 61 },
        { messageId: 'probe', data: { answer: "knex read select model=users list bounded=false sql=`name = '${name}'` steps=().whereRaw()" }, line: 9, column: 7, endLine: 9, endColumn: 47 },
      ],
    },
    {
      code: `
import { Pool } from 'pg';
const pool = new Pool();
await pool.query('SELECT * FROM users WHERE id = $1', [id]);
const client = await pool.connect();
await client.query({ text: \`DELETE FROM sessions WHERE user_id = \${id}\` });
`,
      errors: [
        { messageId: 'probe', data: { answer: "pg raw query list bounded=undefined sql='SELECT * FROM users WHERE id = $1' steps=query()" }, line: 4, column: 7, endLine: 4, endColumn: 60 },
        { messageId: 'probe', data: { answer: "pg raw query list bounded=undefined sql=`DELETE FROM sessions WHERE user_id = ${id}` steps=query()" }, line: 6, column: 7, endLine: 6, endColumn: 75 },
      ],
    },
    {
      code: `
import mysql from 'mysql2/promise';
const pool = mysql.createPool(config);
await pool.execute('SELECT * FROM users WHERE id = ?', [id]);
const connection = await mysql.createConnection(config);
await connection.query(\`SELECT * FROM users WHERE email = '\${email}'\`);
`,
      errors: [
        { messageId: 'probe', data: { answer: "mysql2 raw execute list bounded=undefined sql='SELECT * FROM users WHERE id = ?' steps=execute()" }, line: 4, column: 7, endLine: 4, endColumn: 61 },
        { messageId: 'probe', data: { answer: "mysql2 raw query list bounded=undefined sql=`SELECT * FROM users WHERE email = '${email}'` steps=query()" }, line: 6, column: 7, endLine: 6, endColumn: 71 },
      ],
    },
    {
      code: `
import Database from 'better-sqlite3';
const db = new Database('app.db');
db.prepare('SELECT * FROM users').all();
db.prepare('SELECT * FROM users WHERE id = ?').get(id);
db.exec(\`DELETE FROM users WHERE id = \${id}\`);
`,
      errors: [
        { messageId: 'probe', data: { answer: "better-sqlite3 raw all list bounded=undefined sql='SELECT * FROM users' steps=prepare().all()" }, line: 4, column: 1, endLine: 4, endColumn: 40 },
        { messageId: 'probe', data: { answer: "better-sqlite3 raw get sql='SELECT * FROM users WHERE id = ?' steps=prepare().get()" }, line: 5, column: 1, endLine: 5, endColumn: 55 },
        { messageId: 'probe', data: { answer: "better-sqlite3 raw exec sql=`DELETE FROM users WHERE id = ${id}` steps=exec()" }, line: 6, column: 1, endLine: 6, endColumn: 46 },
      ],
    },
    {
      code: `
import { createClient } from '@supabase/supabase-js';
const supabase = createClient(process.env.SUPABASE_URL!, process.env.SUPABASE_ANON_KEY!);
await supabase.from('posts').select('*').eq('published', true);
await supabase.from('posts').select('*').order('created_at').range(0, 19);
await supabase.from('profiles').select('*').eq('id', userId).single();
await supabase.from('posts').select('*', { count: 'exact', head: true });
await supabase.from('posts').insert({ title }).select();
await supabase.rpc('increment_views', { post_id: id });
`,
      errors: [
        { messageId: 'probe', data: { answer: "supabase read select model=posts list bounded=false steps=from().select().eq()" }, line: 4, column: 7, endLine: 4, endColumn: 63 },
        { messageId: 'probe', data: { answer: "supabase read select model=posts list bounded=true steps=from().select().order().range()" }, line: 5, column: 7, endLine: 5, endColumn: 74 },
        { messageId: 'probe', data: { answer: "supabase read select model=profiles steps=from().select().eq().single()" }, line: 6, column: 7, endLine: 6, endColumn: 70 },
        { messageId: 'probe', data: { answer: "supabase read select model=posts steps=from().select()" }, line: 7, column: 7, endLine: 7, endColumn: 73 },
        { messageId: 'probe', data: { answer: "supabase write insert model=posts steps=from().insert().select()" }, line: 8, column: 7, endLine: 8, endColumn: 56 },
        { messageId: 'probe', data: { answer: "supabase raw rpc model=increment_views steps=rpc()" }, line: 9, column: 7, endLine: 9, endColumn: 55 },
      ],
    },
    {
      // `@supabase/ssr` server clients
      code: `
import { createServerClient } from '@supabase/ssr';
const supabase = createServerClient(url, key, { cookies });
const { data } = await supabase.from('todos').select();
`,
      errors: [
        { messageId: 'probe', data: { answer: "supabase read select model=todos list bounded=false steps=from().select()" }, line: 4, column: 24, endLine: 4, endColumn: 55 },
      ],
    },
    {
      // a Supabase Edge Function imports the client through a Deno specifier
      code: `
import { createClient } from 'jsr:@supabase/supabase-js@2';
const supabase = createClient(Deno.env.get('SUPABASE_URL')!, Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')!);
await supabase.from('jobs').select('id, status').limit(100);
`,
      errors: [
        { messageId: 'probe', data: { answer: "supabase read select model=jobs list bounded=true steps=from().select().limit()" }, line: 4, column: 7, endLine: 4, endColumn: 60 },
      ],
    },
    {
      // a dynamically imported client
      code: `
const { createClient } = await import('@supabase/supabase-js');
const supabase = createClient(url, serviceKey);
await supabase.from('activities').delete().eq('id', id);
`,
      errors: [
        { messageId: 'probe', data: { answer: "supabase write delete model=activities steps=from().delete().eq()" }, line: 4, column: 7, endLine: 4, endColumn: 56 },
      ],
    },
  ],
});
