import { createRuleTester } from '@prodready/test-kit';

import rule from '../../src/rules/no-sql-injection.js';

const ruleTester = createRuleTester();

ruleTester.run('no-sql-injection', rule, {
  valid: [
    // placeholders with a values array
    `
        import { Pool } from 'pg';
        import express from 'express';
        const pool = new Pool();
        const app = express();
        app.get('/users/:id', async (req, res) => {
          const { rows } = await pool.query('SELECT * FROM users WHERE id = $1', [req.params.id]);
          await pool.query({ text: 'DELETE FROM sessions WHERE user_id = $1', values: [req.params.id] });
          res.json(rows);
        });
      `,
    // tagged templates bind their substitutions
    `
        import { PrismaClient, Prisma } from '@prisma/client';
        import { sql } from 'drizzle-orm';
        import { db } from './db';
        import express from 'express';
        const prisma = new PrismaClient();
        const app = express();
        app.get('/search', async (req, res) => {
          const users = await prisma.$queryRaw\`SELECT * FROM "User" WHERE email = \${req.query.email}\`;
          const posts = await prisma.$queryRaw(Prisma.sql\`SELECT * FROM "Post" WHERE title = \${req.query.q}\`);
          res.json({ users, posts });
        });
      `,
    // a constant string and a constant built from constants
    `
        import mysql from 'mysql2/promise';
        import express from 'express';
        const pool = mysql.createPool({ uri: process.env.DATABASE_URL });
        const TABLE = 'orders';
        const app = express();
        app.get('/orders', async (req, res) => {
          const [rows] = await pool.query('SELECT * FROM ' + TABLE + ' LIMIT 50');
          res.json(rows);
        });
      `,
    // converted, allow-listed or escaped input
    `
        import { Pool } from 'pg';
        import express from 'express';
        import format from 'pg-format';
        const pool = new Pool();
        const app = express();
        const SORTABLE = ['name', 'created_at'];
        app.get('/users', async (req, res) => {
          await pool.query(\`SELECT * FROM users LIMIT \${Number(req.query.limit)}\`);
          const direction = req.query.dir === 'asc' ? 'ASC' : 'DESC';
          await pool.query(\`SELECT * FROM users ORDER BY name \${direction}\`);
          if (!SORTABLE.includes(req.query.sort)) return res.status(400).end();
          await pool.query(\`SELECT * FROM users ORDER BY \${req.query.sort}\`);
          await pool.query(format('SELECT * FROM users WHERE name = %L', req.query.name));
        });
      `,
    // a same-named local `query` that is not a database client
    `
        import express from 'express';
        const app = express();
        const pool = { query: (text: string) => text };
        app.get('/echo', (req, res) => res.send(pool.query(\`SELECT \${req.query.q}\`)));
      `,
    // Knex bindings and TypeORM parameters
    `
        import knex from 'knex';
        import { DataSource } from 'typeorm';
        import express from 'express';
        const db = knex({ client: 'pg' });
        const dataSource = new DataSource({ type: 'postgres' });
        const app = express();
        app.get('/items', async (req, res) => {
          await db('items').whereRaw('name ILIKE ?', [\`%\${req.query.q}%\`]);
          await dataSource.query('SELECT * FROM items WHERE id = $1', [req.query.id]);
          await dataSource.createQueryBuilder().select('item').from('item', 'item').where('item.name = :name', { name: req.query.q }).getMany();
        });
      `,
    // a TypeORM condition object is not SQL text
    `
        import { DataSource } from 'typeorm';
        import express from 'express';
        const dataSource = new DataSource({ type: 'postgres' });
        const app = express();
        app.get('/items', async (req, res) => {
          const where = { name: req.query.name };
          await dataSource.createQueryBuilder().select('item').from('item', 'item').where(where).getMany();
        });
      `,
    // Supabase typed filters escape the value
    `
        import { createClient } from '@supabase/supabase-js';
        import express from 'express';
        const supabase = createClient(process.env.SUPABASE_URL, process.env.SUPABASE_KEY);
        const app = express();
        app.get('/products', async (req, res) => {
          const { data } = await supabase.from('products').select('*').ilike('name', \`%\${req.query.q}%\`);
          const { data: mine } = await supabase.from('products').select('*').or('status.eq.public,owner.eq.me');
          res.json({ data, mine });
        });
      `,
    // input of a function that is not a request handler
    `
        import { Pool } from 'pg';
        const pool = new Pool();
        export function findByName(name: string) { return pool.query(\`SELECT * FROM users WHERE name = '\${name}'\`); }
      `,
    // a project-module client: a method name alone, or text that is not a statement, is not SQL
    `
        import * as models from '../models';
        import express from 'express';
        const app = express();
        app.get('/search', (req, res) => {
          models.cache.get(\`products:\${req.query.q}\`);
          models.search.query(\`name:\${req.query.q}\`);
          models.sequelize.query('SELECT * FROM Products WHERE name LIKE :q', { replacements: { q: \`%\${req.query.q}%\` } });
        });
      `,
    // a client from a package that is not a database
    `
        import { Client } from '@elastic/elasticsearch';
        import express from 'express';
        const client = new Client({ node: process.env.ES_URL });
        const app = express();
        app.get('/search', (req, res) => client.sql.query(\`SELECT * FROM products WHERE name = '\${req.query.q}'\`));
      `,
    // the allow option
    {
      code: `
        import { PrismaClient } from '@prisma/client';
        import express from 'express';
        const prisma = new PrismaClient();
        const app = express();
        app.get('/report', async (req, res) => res.json(await prisma.$queryRawUnsafe(\`SELECT \${req.query.columns} FROM report\`)));
      `,
      options: [{ allow: ['$queryRawUnsafe'] }],
    },
    // test files are skipped
    {
      code: `
        import { Pool } from 'pg';
        import express from 'express';
        const pool = new Pool();
        const app = express();
        app.get('/x', (req) => pool.query('SELECT ' + req.query.q));
      `,
      filename: 'src/routes/users.test.ts',
    },
    // type errors do not crash the rule
    `
        import { Pool } from 'pg';
        import express from 'express';
        const pool = new Pool();
        const app = express();
        app.get('/x', async (req, res) => { const id: number = req.params.id as unknown as string; await pool.query(undefined, id); });
      `,
  ],
  invalid: [
    {
      // pg with a template literal from a route parameter
      code: `
        import { Pool } from 'pg';
        import express from 'express';
        const pool = new Pool();
        const app = express();
        app.get('/users/:id', async (req, res) => {
          const { rows } = await pool.query(\`SELECT * FROM users WHERE id = \${req.params.id}\`);
          res.json(rows);
        });
      `,
      errors: [
        { messageId: 'sqlInjection', data: { operation: 'query', input: 'a route parameter' }, line: 7, column: 45, endLine: 7, endColumn: 94 },
      ],
    },
    {
      // concatenation through a variable, aliased import, pg's `{ text }` form
      code: `
        import { Pool as PgPool } from 'pg';
        import express from 'express';
        const db = new PgPool();
        const app = express();
        app.post('/login', async (req, res) => {
          const query = "SELECT * FROM users WHERE email = '" + req.body.email + "'";
          await db.query({ text: query });
        });
      `,
      errors: [
        { messageId: 'sqlInjection', data: { operation: 'query', input: 'the request body' }, line: 8, column: 34, endLine: 8, endColumn: 39 },
      ],
    },
    {
      // Prisma's unsafe raw query, with a TS cast and optional chaining
      code: `
        import { PrismaClient } from '@prisma/client';
        import express from 'express';
        const prisma = new PrismaClient();
        const app = express();
        app.get('/search', async (req, res) => {
          const term = (req.query.q as string)?.trim();
          res.json(await prisma.$queryRawUnsafe(\`SELECT * FROM "Product" WHERE name LIKE '%\${term}%'\`));
        });
      `,
      errors: [
        { messageId: 'sqlInjection', data: { operation: '$queryRawUnsafe', input: 'the query string' }, line: 8, column: 49, endLine: 8, endColumn: 102 },
      ],
    },
    {
      // mysql2 execute, Next.js route handler
      code: `
        import mysql from 'mysql2/promise';
        const pool = mysql.createPool(process.env.DATABASE_URL);
        export async function GET(request: Request) {
          const status = new URL(request.url).searchParams.get('status');
          const [rows] = await pool.execute(\`SELECT * FROM orders WHERE status = '\${status}'\`);
          return Response.json(rows);
        }
      `,
      filename: 'app/api/orders/route.ts',
      errors: [
        { messageId: 'sqlInjection', data: { operation: 'execute', input: 'the request URL' }, line: 6, column: 45, endLine: 6, endColumn: 94 },
      ],
    },
    {
      // Knex whereRaw and raw in a chain
      code: `
        import knex from 'knex';
        import express from 'express';
        const db = knex({ client: 'pg' });
        const app = express();
        app.get('/items', async (req, res) => {
          const items = await db('items').whereRaw(\`name ILIKE '%\${req.query.q}%'\`).limit(20);
          res.json(items);
        });
      `,
      errors: [
        { messageId: 'sqlInjection', data: { operation: 'whereRaw', input: 'the query string' }, line: 7, column: 52, endLine: 7, endColumn: 83 },
      ],
    },
    {
      // Sequelize query, CommonJS
      code: `
        const { Sequelize } = require('sequelize');
        const express = require('express');
        const sequelize = new Sequelize(process.env.DATABASE_URL);
        const app = express();
        app.delete('/posts/:id', async (req, res) => {
          await sequelize.query('DELETE FROM posts WHERE id = ' + req.params.id);
          res.status(204).end();
        });
      `,
      errors: [
        { messageId: 'sqlInjection', data: { operation: 'query', input: 'a route parameter' }, line: 7, column: 33, endLine: 7, endColumn: 80 },
      ],
    },
    {
      // TypeORM raw query and a query-builder condition string
      code: `
        import { DataSource } from 'typeorm';
        import express from 'express';
        const dataSource = new DataSource({ type: 'postgres' });
        const app = express();
        app.get('/items', async (req, res) => {
          await dataSource.query(\`SELECT * FROM item WHERE owner = '\${req.query.owner}'\`);
          await dataSource.createQueryBuilder().select('item').from('item', 'item').where(\`item.name = '\${req.query.name}'\`).getMany();
        });
      `,
      errors: [
        { messageId: 'sqlInjection', data: { operation: 'query', input: 'the query string' }, line: 7, column: 34, endLine: 7, endColumn: 89 },
        { messageId: 'sqlInjection', data: { operation: 'where', input: 'the query string' }, line: 8, column: 91, endLine: 8, endColumn: 124 },
      ],
    },
    {
      // Drizzle sql.raw inside a tagged template, Hono
      code: `
        import { sql } from 'drizzle-orm';
        import { Hono } from 'hono';
        import { db } from './db';
        const app = new Hono();
        app.get('/stats', async (c) => {
          const column = c.req.query('column');
          return c.json(await db.execute(sql\`SELECT \${sql.raw(column)} FROM stats\`));
        });
      `,
      errors: [
        { messageId: 'sqlInjection', data: { operation: 'sql.raw', input: 'the query string' }, line: 8, column: 63, endLine: 8, endColumn: 69 },
      ],
    },
    {
      // better-sqlite3 prepare through a same-file helper
      code: `
        import Database from 'better-sqlite3';
        import express from 'express';
        const db = new Database('app.db');
        const app = express();
        function byName(name: string) { return \`SELECT * FROM users WHERE name = '\${name}'\`; }
        app.get('/users', (req, res) => res.json(db.prepare(byName(req.query.name)).all()));
      `,
      errors: [
        { messageId: 'sqlInjection', data: { operation: 'all', input: 'the query string' }, line: 7, column: 61, endLine: 7, endColumn: 83 },
      ],
    },
    {
      // a client exported by a project module (origin not followed), chained with then
      code: `
        import * as models from '../models/index';
        import express from 'express';
        const app = express();
        app.post('/login', (req, res) => {
          models.sequelize.query(\`SELECT * FROM Users WHERE email = '\${req.body.email || ''}'\`, { plain: true }).then((user) => res.json(user));
        });
      `,
      errors: [
        { messageId: 'sqlInjection', data: { operation: 'query', input: 'the request body' }, line: 6, column: 34, endLine: 6, endColumn: 95 },
      ],
    },
    {
      // a path-alias db wrapper with a concatenated statement in a variable
      code: `
        import { db } from '@/lib/db';
        import express from 'express';
        const app = express();
        app.delete('/posts/:id', async (req, res) => {
          const statement = 'DELETE FROM posts WHERE id = ' + req.params.id;
          await db.execute(statement);
        });
      `,
      errors: [
        { messageId: 'sqlInjection', data: { operation: 'execute', input: 'a route parameter' }, line: 7, column: 28, endLine: 7, endColumn: 37 },
      ],
    },
    {
      // a PostgREST filter string built from input
      code: `
        import { createClient } from '@supabase/supabase-js';
        import express from 'express';
        const supabase = createClient(process.env.SUPABASE_URL, process.env.SUPABASE_KEY);
        const app = express();
        app.get('/products', async (req, res) => {
          const { data } = await supabase.from('products').select('*').or(\`name.ilike.%\${req.query.q}%,sku.eq.\${req.query.q}\`);
          res.json(data);
        });
      `,
      errors: [
        { messageId: 'filterInjection', data: { operation: 'or', input: 'the query string' }, line: 7, column: 75, endLine: 7, endColumn: 126 },
      ],
    },
  ],
});
