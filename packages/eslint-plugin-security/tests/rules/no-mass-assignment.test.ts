import { createRuleTester } from '@prodready/test-kit';

import rule from '../../src/rules/no-mass-assignment.js';

const ruleTester = createRuleTester();

ruleTester.run('no-mass-assignment', rule, {
  valid: [
    // fields picked one by one
    `
        import express from 'express';
        import { PrismaClient } from '@prisma/client';
        const prisma = new PrismaClient();
        const app = express();
        app.post('/users', async (req, res) => {
          const user = await prisma.user.create({ data: { name: req.body.name, email: req.body.email } });
          res.json(user);
        });
      `,
    // parsed with a zod schema that drops unknown keys
    `
        import express from 'express';
        import { z } from 'zod';
        import { PrismaClient } from '@prisma/client';
        const prisma = new PrismaClient();
        const app = express();
        const CreateUser = z.object({ name: z.string(), email: z.string().email() });
        app.post('/users', async (req, res) => {
          const data = CreateUser.parse(req.body);
          res.json(await prisma.user.create({ data }));
        });
      `,
    // a zod `safeParse` result without `.passthrough()`
    `
        import express from 'express';
        import { z } from 'zod';
        import { PrismaClient } from '@prisma/client';
        const prisma = new PrismaClient();
        const app = express();
        const UpdatePost = z.object({ title: z.string() });
        app.patch('/posts/:id', async (req, res) => {
          const result = UpdatePost.safeParse(req.body);
          if (!result.success) return res.status(400).end();
          res.json(await prisma.post.update({ where: { id: req.params.id }, data: result.data }));
        });
      `,
    // the body as a filter is not a write (other rules look at filter injection)
    `
        import express from 'express';
        import { PrismaClient } from '@prisma/client';
        const prisma = new PrismaClient();
        const app = express();
        app.post('/search', async (req, res) => {
          res.json(await prisma.user.findMany({ where: req.body }));
        });
      `,
    // a same-named local that is not Prisma
    `
        import express from 'express';
        const app = express();
        const prisma = { user: { create: (input: { data: unknown }) => input } };
        app.post('/users', (req, res) => {
          res.json(prisma.user.create({ data: req.body }));
        });
      `,
    // a NestJS DTO checked by ValidationPipe
    `
        import { Body, Controller, Post } from '@nestjs/common';
        import { PrismaClient } from '@prisma/client';
        const prisma = new PrismaClient();
        class CreateUserDto { name!: string; }
        @Controller('users')
        export class UsersController {
          @Post()
          create(@Body() dto: CreateUserDto) {
            return prisma.user.create({ data: dto });
          }
        }
      `,
    // `Object.assign` into a plain options object, not a record
    `
        import express from 'express';
        const app = express();
        app.post('/report', (req, res) => {
          const options = { format: 'pdf' };
          Object.assign(options, req.body);
          res.json(options);
        });
      `,
    // fields removed by a rest pattern are a deny-list the rule cannot judge, so it stays silent
    `
        import express from 'express';
        import { PrismaClient } from '@prisma/client';
        const prisma = new PrismaClient();
        const app = express();
        app.patch('/me', async (req, res) => {
          const { role, isAdmin, ...profile } = req.body;
          res.json(await prisma.user.update({ where: { id: req.user.id }, data: profile }));
        });
      `,
    // an allowed model
    {
      code: `
        import express from 'express';
        import { PrismaClient } from '@prisma/client';
        const prisma = new PrismaClient();
        const app = express();
        app.post('/feedback', async (req, res) => {
          res.json(await prisma.feedback.create({ data: req.body }));
        });
      `,
      options: [{ allow: ['feedback'] }],
    },
    // a body read from a function that is not a request handler
    `
        import { PrismaClient } from '@prisma/client';
        const prisma = new PrismaClient();
        export async function importUsers(job: { body: { name: string } }) {
          await prisma.user.create({ data: job.body });
        }
      `,
    // a test file seeds data with whole objects on purpose
    {
      code: `
        import express from 'express';
        import { PrismaClient } from '@prisma/client';
        const prisma = new PrismaClient();
        const app = express();
        app.post('/users', async (req, res) => {
          res.json(await prisma.user.create({ data: req.body }));
        });
      `,
      filename: 'users.test.ts',
    },
    // type errors do not crash the rule
    `
        import express from 'express';
        import { PrismaClient } from '@prisma/client';
        const prisma = new PrismaClient();
        const app = express();
        app.post('/users', async (req, res) => {
          const user: number = await prisma.user.create({ data: { name: req.body.name as boolean } });
          res.json(user.missing.value);
        });
      `,
  ],
  invalid: [
    {
      // Prisma: `data: req.body`
      code: `
        import express from 'express';
        import { PrismaClient } from '@prisma/client';
        const prisma = new PrismaClient();
        const app = express();
        app.post('/users', async (req, res) => {
          const user = await prisma.user.create({ data: req.body });
          res.json(user);
        });
      `,
      errors: [{ messageId: 'massAssignment', data: { input: 'the request body' }, line: 7, column: 57, endLine: 7, endColumn: 65 }],
    },
    {
      // an aliased client, a spread with an extra field and a TS cast
      code: `
        import express from 'express';
        import { PrismaClient as Db } from '@prisma/client';
        const db = new Db();
        const app = express();
        app.patch('/projects/:id', async (req, res) => {
          const changes = { ...(req.body as Record<string, unknown>), updatedAt: new Date() };
          res.json(await db.project.update({ where: { id: req.params.id }, data: changes }));
        });
      `,
      errors: [{ messageId: 'massAssignment', data: { input: 'the request body' }, line: 8, column: 82, endLine: 8, endColumn: 89 }],
    },
    {
      // Prisma `upsert` writes both branches
      code: `
        import express from 'express';
        import { PrismaClient } from '@prisma/client';
        const prisma = new PrismaClient();
        const app = express();
        app.put('/settings', async (req, res) => {
          const settings = req.body?.settings;
          await prisma.settings.upsert({ where: { userId: req.user.id }, create: { userId: req.user.id }, update: settings });
          res.end();
        });
      `,
      errors: [{ messageId: 'massAssignment', data: { input: 'the request body' }, line: 8, column: 115, endLine: 8, endColumn: 123 }],
    },
    {
      // Mongoose `Model.create` and `findByIdAndUpdate`
      code: `
        import express from 'express';
        import mongoose from 'mongoose';
        const User = mongoose.model('User', new mongoose.Schema({ name: String, role: String }));
        const router = express.Router();
        router.post('/', async (req, res) => res.json(await User.create(req.body)));
        router.put('/:id', async (req, res) => {
          res.json(await User.findByIdAndUpdate(req.params.id, req.body, { new: true }));
        });
      `,
      errors: [
        { messageId: 'massAssignment', data: { input: 'the request body' }, line: 6, column: 73, endLine: 6, endColumn: 81 },
        { messageId: 'massAssignment', data: { input: 'the request body' }, line: 8, column: 64, endLine: 8, endColumn: 72 },
      ],
    },
    {
      // `new Model(body)` and a MongoDB `$set`
      code: `
        import express from 'express';
        import mongoose from 'mongoose';
        const Article = mongoose.model('Article', new mongoose.Schema({ title: String }));
        const app = express();
        app.post('/articles', async (req, res) => {
          const article = new Article(req.body.article);
          await article.save();
          await Article.updateOne({ _id: article.id }, { $set: req.body });
          res.json(article);
        });
      `,
      errors: [
        { messageId: 'massAssignment', data: { input: 'the request body' }, line: 7, column: 39, endLine: 7, endColumn: 55 },
        { messageId: 'massAssignment', data: { input: 'the request body' }, line: 9, column: 64, endLine: 9, endColumn: 72 },
      ],
    },
    {
      // `Object.assign` onto a loaded record that is saved afterwards
      code: `
        import express from 'express';
        import mongoose from 'mongoose';
        const User = mongoose.model('User', new mongoose.Schema({ name: String }));
        const app = express();
        app.patch('/users/:id', async (req, res) => {
          const user = await User.findById(req.params.id);
          Object.assign(user, req.body);
          await user.save();
          res.json(user);
        });
      `,
      errors: [{ messageId: 'massAssignment', data: { input: 'the request body' }, line: 8, column: 31, endLine: 8, endColumn: 39 }],
    },
    {
      // Next.js route handler: the parsed JSON body
      code: `
        import { PrismaClient } from '@prisma/client';
        const prisma = new PrismaClient();
        export async function PATCH(request: Request, { params }: { params: { id: string } }) {
          const body = await request.json();
          const post = await prisma.post.update({ where: { id: params.id }, data: body });
          return Response.json(post);
        }
      `,
      filename: 'app/api/posts/[id]/route.ts',
      errors: [{ messageId: 'massAssignment', data: { input: 'the JSON body' }, line: 6, column: 83, endLine: 6, endColumn: 87 }],
    },
    {
      // a zod schema that keeps unknown keys
      code: `
        import express from 'express';
        import { z } from 'zod';
        import { PrismaClient } from '@prisma/client';
        const prisma = new PrismaClient();
        const app = express();
        const UpdateUser = z.object({ name: z.string() }).passthrough();
        app.patch('/me', async (req, res) => {
          res.json(await prisma.user.update({ where: { id: req.user.id }, data: UpdateUser.parse(req.body) }));
        });
      `,
      errors: [{ messageId: 'massAssignment', data: { input: 'the request body' }, line: 9, column: 81, endLine: 9, endColumn: 107 }],
    },
    {
      // Drizzle `insert(…).values(body)` and `update(…).set(body)`
      code: `
        import { Hono } from 'hono';
        import { drizzle } from 'drizzle-orm/node-postgres';
        import { eq } from 'drizzle-orm';
        import { users } from './schema';
        const db = drizzle(process.env.DATABASE_URL!);
        const app = new Hono();
        app.post('/users', async (c) => {
          const input = await c.req.json();
          await db.insert(users).values(input);
          await db.update(users).set(input).where(eq(users.id, input.id));
          return c.json({ ok: true });
        });
      `,
      errors: [
        { messageId: 'massAssignment', data: { input: 'the JSON body' }, line: 10, column: 41, endLine: 10, endColumn: 46 },
        { messageId: 'massAssignment', data: { input: 'the JSON body' }, line: 11, column: 38, endLine: 11, endColumn: 43 },
      ],
    },
    {
      // Knex and Supabase writes
      code: `
        import express from 'express';
        import knex from 'knex';
        import { createClient } from '@supabase/supabase-js';
        const db = knex({ client: 'pg' });
        const supabase = createClient('https://x.supabase.co', 'anon');
        const app = express();
        app.post('/orders', async (req, res) => {
          await db('orders').insert(req.body);
          await supabase.from('profiles').update(req.body).eq('id', req.body.id);
          res.end();
        });
      `,
      errors: [
        { messageId: 'massAssignment', data: { input: 'the request body' }, line: 9, column: 37, endLine: 9, endColumn: 45 },
        { messageId: 'massAssignment', data: { input: 'the request body' }, line: 10, column: 50, endLine: 10, endColumn: 58 },
      ],
    },
    {
      // a server action's argument
      code: `
        'use server';
        import { PrismaClient } from '@prisma/client';
        const prisma = new PrismaClient();
        export async function updateProfile(profile: { name: string }) {
          await prisma.profile.update({ where: { id: 1 }, data: profile });
        }
      `,
      errors: [
        { messageId: 'massAssignment', data: { input: 'a server action argument' }, line: 6, column: 65, endLine: 6, endColumn: 72 },
      ],
    },
    {
      // a NestJS body typed as a plain record is not validated
      code: `
        import { Body, Controller, Post } from '@nestjs/common';
        import { PrismaClient } from '@prisma/client';
        const prisma = new PrismaClient();
        @Controller('users')
        export class UsersController {
          @Post()
          create(@Body() body: Record<string, unknown>) {
            return prisma.user.create({ data: body });
          }
        }
      `,
      errors: [{ messageId: 'massAssignment', data: { input: 'the request body' }, line: 9, column: 47, endLine: 9, endColumn: 51 }],
    },
    {
      // TypeORM: `save(create(body))` and `merge(entity, body)`
      code: `
        import express from 'express';
        import { DataSource } from 'typeorm';
        import { User } from './user.entity';
        const dataSource = new DataSource({ type: 'postgres' });
        const users = dataSource.getRepository(User);
        const app = express();
        app.post('/users', async (req, res) => {
          res.json(await users.save(users.create(req.body)));
        });
        app.put('/users/:id', async (req, res) => {
          const user = await users.findOneByOrFail({ id: Number(req.params.id) });
          res.json(await users.save(users.merge(user, req.body)));
        });
      `,
      errors: [
        { messageId: 'massAssignment', data: { input: 'the request body' }, line: 9, column: 37, endLine: 9, endColumn: 59 },
        { messageId: 'massAssignment', data: { input: 'the request body' }, line: 13, column: 37, endLine: 13, endColumn: 64 },
      ],
    },
    {
      // Sequelize: a model class and `Object.assign({}, body)`
      code: `
        import express from 'express';
        import { Model } from 'sequelize';
        class Order extends Model {}
        const app = express();
        app.post('/orders', async (req, res) => {
          res.json(await Order.create(Object.assign({}, req.body, { status: 'new' })));
        });
      `,
      errors: [{ messageId: 'massAssignment', data: { input: 'the request body' }, line: 7, column: 39, endLine: 7, endColumn: 85 }],
    },
  ],
});
