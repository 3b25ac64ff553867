import { createRuleTester } from '@prodready/test-kit';

import rule from '../../src/rules/no-nosql-injection.js';

const ruleTester = createRuleTester();

ruleTester.run('no-nosql-injection', rule, {
  valid: [
    // values converted to strings, checked with typeof, parsed by a schema, or compared with $eq
    `
        import express from 'express';
        import mongoose from 'mongoose';
        import { z } from 'zod';
        const app = express();
        const User = mongoose.model('User', new mongoose.Schema({ email: String }));
        const Login = z.object({ email: z.string(), password: z.string() });
        app.post('/login', async (req, res) => {
          await User.findOne({ email: String(req.body.email) });
          await User.findOne({ email: \`\${req.body.email}\` });
          await User.findOne({ email: req.body.email.toLowerCase() });
          await User.findOne({ email: { $eq: req.body.email } });
          const { email } = Login.parse(req.body);
          await User.findOne({ email });
          if (typeof req.body.name !== 'string') return res.status(400).end();
          await User.findOne({ name: req.body.name });
        });
      `,
    // fields checked by express-validator before the handler goes on
    `
        import express from 'express';
        import { check, validationResult } from 'express-validator';
        import mongoose from 'mongoose';
        const app = express();
        const User = mongoose.model('User');
        app.post('/forgot', async (req, res) => {
          await check('email').isEmail().run(req);
          if (!validationResult(req).isEmpty()) return res.status(422).end();
          res.json(await User.findOne({ email: req.body.email }));
        });
      `,
    // path parameters, headers and Hono queries are strings
    `
        import express from 'express';
        import { Hono } from 'hono';
        import { model } from 'mongoose';
        const Post = model('Post');
        const app = express();
        app.get('/posts/:slug', async (req, res) => {
          res.json(await Post.findOne({ slug: req.params.slug, lang: req.headers['accept-language'] }));
        });
        const hono = new Hono();
        hono.get('/posts', async (c) => c.json(await Post.find({ tag: c.req.query('tag') })));
      `,
    // a same-named local model that is not Mongoose
    `
        import express from 'express';
        const app = express();
        const User = { findOne: (filter: unknown) => filter, find: (filter: unknown) => filter };
        app.post('/login', async (req, res) => {
          res.json(User.findOne({ email: req.body.email }) ?? User.find(req.query));
        });
      `,
    // constant $where, escaped regular expressions
    `
        import express from 'express';
        import escapeStringRegexp from 'escape-string-regexp';
        import _ from 'lodash';
        import { MongoClient } from 'mongodb';
        const app = express();
        const users = new MongoClient('mongodb://localhost').db('app').collection('users');
        function escapeRegex(text: string) {
          return text.replace(/[.*+?^\${}()|[\\]\\\\]/g, '\\\\$&');
        }
        app.get('/search', async (req, res) => {
          await users.find({ $where: 'this.credits > this.debits' }).toArray();
          await users.find({ name: new RegExp(escapeStringRegexp(req.query.q as string), 'i') }).toArray();
          await users.find({ name: { $regex: _.escapeRegExp(req.query.q), $options: 'i' } }).toArray();
          await users.find({ name: { $regex: escapeRegex(req.query.q as string) } }).toArray();
          const keyword = req.query.keyword ? { name: { $regex: escapeStringRegexp(String(req.query.keyword)), $options: 'i' } } : {};
          await users.countDocuments({ ...keyword });
          res.end();
        });
      `,
    // the project's own sanitizer, from options
    {
      code: `
        import express from 'express';
        import mongoose from 'mongoose';
        const app = express();
        function cleanFilter(query: Record<string, unknown>) { return query; }
        const User = mongoose.model('User');
        app.get('/users', async (req, res) => res.json(await User.find(cleanFilter(req.query))));
      `,
      options: [{ sanitizers: ['cleanFilter'] }],
    },
    // outside a request handler the value is not request input
    `
        import mongoose from 'mongoose';
        const User = mongoose.model('User');
        export async function findByEmail(filter: { email: string }) {
          return User.findOne(filter);
        }
      `,
    // test files are skipped
    {
      code: `
        import express from 'express';
        import mongoose from 'mongoose';
        const app = express();
        const User = mongoose.model('User');
        app.get('/users', async (req, res) => res.json(await User.find(req.query)));
      `,
      filename: 'src/routes/users.test.ts',
    },
  ],
  invalid: [
    {
      // a body field that may be an object, in a Mongoose filter
      code: `
        import express from 'express';
        import mongoose from 'mongoose';
        const app = express();
        const User = mongoose.model('User', new mongoose.Schema({ email: String }));
        app.post('/login', async (req, res) => {
          const user = await User.findOne({ email: req.body.email, password: req.body.password });
          res.json(user);
        });
      `,
      errors: [
        {
          messageId: 'operatorInjection',
          data: { operation: 'findOne', input: 'the request body' },
          line: 7, column: 52, endLine: 7, endColumn: 66,
          suggestions: [
            {
              messageId: 'useEq',
              data: { operation: 'findOne', input: 'the request body' },
              output: `
        import express from 'express';
        import mongoose from 'mongoose';
        const app = express();
        const User = mongoose.model('User', new mongoose.Schema({ email: String }));
        app.post('/login', async (req, res) => {
          const user = await User.findOne({ email: { $eq: req.body.email }, password: req.body.password });
          res.json(user);
        });
      `,
            },
          ],
        },
        {
          messageId: 'operatorInjection',
          data: { operation: 'findOne', input: 'the request body' },
          line: 7, column: 78, endLine: 7, endColumn: 95,
          suggestions: [
            {
              messageId: 'useEq',
              data: { operation: 'findOne', input: 'the request body' },
              output: `
        import express from 'express';
        import mongoose from 'mongoose';
        const app = express();
        const User = mongoose.model('User', new mongoose.Schema({ email: String }));
        app.post('/login', async (req, res) => {
          const user = await User.findOne({ email: req.body.email, password: { $eq: req.body.password } });
          res.json(user);
        });
      `,
            },
          ],
        },
      ],
    },
    {
      // destructured body, a TS cast, an aliased import and a filter built in a variable
      code: `
        import express from 'express';
        import { model as defineModel } from 'mongoose';
        const app = express();
        const Account = defineModel('Account');
        app.post('/reset', async (req, res) => {
          const { token } = req.body;
          const filter = { resetToken: token as string };
          res.json(await Account.findOne(filter));
        });
      `,
      errors: [
        {
          messageId: 'operatorInjection',
          data: { operation: 'findOne', input: 'the request body' },
          line: 8, column: 40, endLine: 8, endColumn: 55,
          suggestions: [
            {
              messageId: 'useEq',
              data: { operation: 'findOne', input: 'the request body' },
              output: `
        import express from 'express';
        import { model as defineModel } from 'mongoose';
        const app = express();
        const Account = defineModel('Account');
        app.post('/reset', async (req, res) => {
          const { token } = req.body;
          const filter = { resetToken: { $eq: token as string } };
          res.json(await Account.findOne(filter));
        });
      `,
            },
          ],
        },
      ],
    },
    {
      // a query field assigned into a filter object, in a chained find
      code: `
        import express from 'express';
        import mongoose from 'mongoose';
        const app = express();
        const Order = mongoose.model('Order');
        app.get('/orders', async (req, res) => {
          const query: Record<string, unknown> = {};
          if (req.query.status) query.status = req.query.status;
          res.json(await Order.find(query).limit(20).lean());
        });
      `,
      errors: [
        {
          messageId: 'operatorInjection',
          data: { operation: 'find', input: 'the query string' },
          line: 8, column: 48, endLine: 8, endColumn: 64,
          suggestions: [
            {
              messageId: 'useEq',
              data: { operation: 'find', input: 'the query string' },
              output: `
        import express from 'express';
        import mongoose from 'mongoose';
        const app = express();
        const Order = mongoose.model('Order');
        app.get('/orders', async (req, res) => {
          const query: Record<string, unknown> = {};
          if (req.query.status) query.status = { $eq: req.query.status };
          res.json(await Order.find(query).limit(20).lean());
        });
      `,
            },
          ],
        },
      ],
    },
    {
      // the whole query string as the filter, MongoDB driver, inside $or
      code: `
        import express from 'express';
        import { MongoClient } from 'mongodb';
        const app = express();
        const db = new MongoClient(process.env.MONGO_URL!).db('shop');
        app.get('/products', async (req, res) => {
          res.json(await db.collection('products').find(req.query).toArray());
          await db.collection('products').deleteMany({ $or: [{ sku: req.body?.sku }] });
        });
      `,
      errors: [
        { messageId: 'requestFilter', data: { operation: 'find', input: 'the query string' }, line: 7, column: 57, endLine: 7, endColumn: 66, suggestions: [] },
        {
          messageId: 'operatorInjection',
          data: { operation: 'deleteMany', input: 'the request body' },
          line: 8, column: 69, endLine: 8, endColumn: 82,
          suggestions: [
            {
              messageId: 'useEq',
              data: { operation: 'deleteMany', input: 'the request body' },
              output: `
        import express from 'express';
        import { MongoClient } from 'mongodb';
        const app = express();
        const db = new MongoClient(process.env.MONGO_URL!).db('shop');
        app.get('/products', async (req, res) => {
          res.json(await db.collection('products').find(req.query).toArray());
          await db.collection('products').deleteMany({ $or: [{ sku: { $eq: req.body?.sku } }] });
        });
      `,
            },
          ],
        },
      ],
    },
    {
      // $where built from input, and unescaped regular expressions
      code: `
        import express from 'express';
        import mongoose from 'mongoose';
        const app = express();
        const User = mongoose.model('User');
        app.get('/search', async (req, res) => {
          const term = req.query.q as string;
          await User.find({ $where: \`this.name == '\${req.query.name}'\` });
          await User.find({ name: new RegExp(term, 'i') });
          res.json(await User.find({ bio: { $regex: req.query.bio } }));
        });
      `,
      errors: [
        { messageId: 'whereInjection', data: { input: 'the query string' }, line: 8, column: 37, endLine: 8, endColumn: 71, suggestions: [] },
        { messageId: 'regexInjection', data: { input: 'the query string' }, line: 9, column: 46, endLine: 9, endColumn: 50, suggestions: [] },
        { messageId: 'regexInjection', data: { input: 'the query string' }, line: 10, column: 53, endLine: 10, endColumn: 66, suggestions: [] },
      ],
    },
    {
      // a Next.js route handler's JSON body spread into a filter; code with a type error does not crash
      code: `
        import { NextResponse } from 'next/server';
        import mongoose from 'mongoose';
        const Note = mongoose.model('Note');
        export async function POST(request: Request) {
          const body = await request.json();
          const count: number = 'many';
          return NextResponse.json(await Note.countDocuments({ ...body, archived: false }));
        }
      `,
      filename: 'app/api/notes/route.ts',
      errors: [
        { messageId: 'requestFilter', data: { operation: 'countDocuments', input: 'the JSON body' }, line: 8, column: 67, endLine: 8, endColumn: 71, suggestions: [] },
      ],
    },
  ],
});
