import { createRuleTester } from '@prodready/test-kit';

import rule from '../../src/rules/require-route-auth.js';

const ruleTester = createRuleTester();

ruleTester.run('require-route-auth', rule, {
  valid: [
    // auth middleware on the route
    `
        import express from 'express';
        import { PrismaClient } from '@prisma/client';
        import { requireAuth } from './middleware/auth';
        const prisma = new PrismaClient();
        const app = express();
        app.delete('/posts/:id', requireAuth, async (req, res) => {
          await prisma.post.delete({ where: { id: req.params.id } });
          res.status(204).end();
        });
        app.listen(3000);
      `,
    // auth middleware on the app before the route, from an auth library by origin
    `
        import express from 'express';
        import { expressjwt as verifyCaller } from 'express-jwt';
        import { PrismaClient } from '@prisma/client';
        const prisma = new PrismaClient();
        const app = express();
        app.use(verifyCaller({ secret: process.env.JWT_SECRET!, algorithms: ['HS256'] }));
        app.post('/posts', async (req, res) => {
          res.json(await prisma.post.create({ data: { title: String(req.body.title) } }));
        });
      `,
    // middleware where the router is mounted
    `
        import express from 'express';
        import mongoose from 'mongoose';
        import { ensureLoggedIn } from './auth';
        const Order = mongoose.model('Order', new mongoose.Schema({ total: Number }));
        const app = express();
        const orders = express.Router();
        orders.post('/', async (req, res) => res.json(await Order.create({ total: Number(req.body.total) })));
        app.use('/orders', ensureLoggedIn, orders);
      `,
    // a session check in the body (Next.js route handler)
    {
      code: `
        import { getServerSession } from 'next-auth';
        import { PrismaClient } from '@prisma/client';
        const prisma = new PrismaClient();
        export async function POST(request: Request) {
          const session = await getServerSession();
          if (!session) return new Response('Unauthorized', { status: 401 });
          const { title } = await request.json();
          return Response.json(await prisma.post.create({ data: { title, authorId: session.user.id } }));
        }
      `,
      filename: 'app/api/posts/route.ts',
    },
    // reading what auth middleware put on the request
    `
        import express from 'express';
        import { PrismaClient } from '@prisma/client';
        const prisma = new PrismaClient();
        const app = express();
        app.patch('/me', async (req, res) => {
          if (!req.session.userId) return res.sendStatus(401);
          res.json(await prisma.user.update({ where: { id: req.session.userId }, data: { name: String(req.body.name) } }));
        });
      `,
    // Supabase `auth.getUser()` in a same-file helper the handler calls
    `
        import { Hono } from 'hono';
        import { createClient } from '@supabase/supabase-js';
        const supabase = createClient('https://x.supabase.co', 'anon');
        const app = new Hono();
        async function requireCaller(token: string) {
          const { data } = await supabase.auth.getUser(token);
          return data.user;
        }
        app.post('/notes', async (c) => {
          const caller = await requireCaller(c.req.header('authorization') ?? '');
          await supabase.from('notes').insert({ body: 'x', owner: caller?.id });
          return c.json({ ok: true });
        });
        export default { fetch: app.fetch };
      `,
    // public routes: signup and a webhook checked by signature
    `
        import express from 'express';
        import Stripe from 'stripe';
        import { PrismaClient } from '@prisma/client';
        const prisma = new PrismaClient();
        const stripe = new Stripe(process.env.STRIPE_KEY!);
        const app = express();
        app.post('/signup', async (req, res) => {
          res.json(await prisma.user.create({ data: { email: String(req.body.email) } }));
        });
        app.post('/billing/events', express.raw({ type: 'application/json' }), async (req, res) => {
          const event = stripe.webhooks.constructEvent(req.body, req.get('stripe-signature') ?? '', process.env.WH_SECRET!);
          await prisma.payment.create({ data: { stripeId: event.id } });
          res.end();
        });
      `,
    // a route public by option
    {
      code: `
        import express from 'express';
        import { PrismaClient } from '@prisma/client';
        const prisma = new PrismaClient();
        const app = express();
        app.post('/contact/messages', async (req, res) => {
          await prisma.message.create({ data: { text: String(req.body.text) } });
          res.end();
        });
      `,
      options: [{ publicRoutes: ['/contact/**'], authMiddleware: [], authFunctions: [] }],
    },
    // a project auth function named by option
    {
      code: `
        import { PrismaClient } from '@prisma/client';
        import { withWorkspace } from '@/lib/api';
        const prisma = new PrismaClient();
        export const POST = withWorkspace(async ({ req }) => {
          return Response.json(await prisma.link.create({ data: { url: 'https://example.com' } }));
        });
      `,
      filename: 'app/api/links/route.ts',
      options: [{ publicRoutes: [], authMiddleware: [], authFunctions: ['withWorkspace'] }],
    },
    // an exported router: where it is mounted (and with what) is not in this file
    `
        import express from 'express';
        import { PrismaClient } from '@prisma/client';
        const prisma = new PrismaClient();
        const router = express.Router();
        router.post('/', async (req, res) => {
          res.json(await prisma.comment.create({ data: { text: String(req.body.text) } }));
        });
        export default router;
      `,
    // reads on a router whose other routes run `isLoggedIn`: public profiles and catalogues are common
    `
        import express from 'express';
        import { PrismaClient } from '@prisma/client';
        import { isLoggedIn } from '../middleware';
        const prisma = new PrismaClient();
        const router = express.Router();
        router.post('/profile', isLoggedIn, async (req, res) => res.json(await prisma.user.update({ where: { id: req.user.id }, data: {} })));
        router.delete('/profile', isLoggedIn, async (req, res) => res.json(await prisma.user.delete({ where: { id: req.user.id } })));
        router.get('/profiles/:id', async (req, res) => res.json(await prisma.user.findUnique({ where: { id: req.params.id } })));
        export default router;
      `,
    // a read on a visible app with no convention: public catalogue reads are common
    `
        import express from 'express';
        import { PrismaClient } from '@prisma/client';
        const prisma = new PrismaClient();
        const app = express();
        app.get('/products', async (req, res) => res.json(await prisma.product.findMany({ take: 20 })));
      `,
    // the app handed to unseen setup code before the route
    `
        import express from 'express';
        import { PrismaClient } from '@prisma/client';
        import { configureSecurity } from './security';
        const prisma = new PrismaClient();
        const app = express();
        configureSecurity(app);
        app.post('/posts', async (req, res) => {
          res.json(await prisma.post.create({ data: { title: String(req.body.title) } }));
        });
      `,
    // a NestJS controller method: a global APP_GUARD may protect it
    `
        import { Body, Controller, Post } from '@nestjs/common';
        import { PrismaClient } from '@prisma/client';
        const prisma = new PrismaClient();
        @Controller('posts')
        export class PostsController {
          @Post()
          create(@Body('title') title: string) {
            return prisma.post.create({ data: { title } });
          }
        }
      `,
    // same-named local that is not a database client
    `
        import express from 'express';
        const app = express();
        const prisma = { post: { create: async (input: unknown) => input } };
        app.post('/posts', async (req, res) => {
          res.json(await prisma.post.create({ data: { title: String(req.body.title) } }));
        });
      `,
    // type errors do not crash the rule
    `
        import express from 'express';
        import { PrismaClient } from '@prisma/client';
        const prisma = new PrismaClient();
        const app = express();
        app.post('/posts', requireAuth as unknown as number, async (req, res) => {
          const post: string = await prisma.post.create({ data: { title: req.body.title as boolean } });
          res.json(post.missing);
        });
      `,
  ],
  invalid: [
    {
      // a write on an app created in this file, nothing authenticates
      code: `
        import express from 'express';
        import { PrismaClient as Db } from '@prisma/client';
        const db = new Db();
        const app = express();
        app.use(express.json());
        app.delete('/users/:id', async (req, res) => {
          await db.user.delete({ where: { id: req.params.id } });
          res.status(204).end();
        });
        app.listen(3000);
      `,
      errors: [{ messageId: 'missingAuth', data: { call: 'db.user.delete' }, line: 8, column: 17, endLine: 8, endColumn: 31 }],
    },
    {
      // the router is mounted here without auth
      code: `
        import express from 'express';
        import mongoose from 'mongoose';
        const Order = mongoose.model('Order', new mongoose.Schema({ total: Number }));
        const app = express();
        const orders = express.Router();
        orders.put('/:id', async (req, res) => {
          res.json(await Order.findByIdAndUpdate(req.params.id, { total: Number(req.body.total) }));
        });
        app.use('/orders', orders);
      `,
      errors: [{ messageId: 'missingAuth', data: { call: 'Order.findByIdAndUpdate' }, line: 8, column: 26, endLine: 8, endColumn: 49 }],
    },
    {
      // most routes of the router run `isLoggedIn`; this one does not
      code: `
        import express from 'express';
        import { PrismaClient } from '@prisma/client';
        import { isLoggedIn } from '../middleware';
        const prisma = new PrismaClient();
        const router = express.Router();
        router.get('/profile', isLoggedIn, async (req, res) => res.json(await prisma.user.findUnique({ where: { id: req.user.id } })));
        router.post('/profile', isLoggedIn, async (req, res) => res.json(await prisma.user.update({ where: { id: req.user.id }, data: {} })));
        router.delete('/orders/:id', async (req, res) => {
          res.json(await prisma.order.delete({ where: { id: req.params.id } }));
        });
        export default router;
      `,
      errors: [{ messageId: 'missingConventionAuth', data: { call: 'prisma.order.delete', name: 'isLoggedIn', count: '2', total: '3' }, line: 10, column: 26, endLine: 10, endColumn: 45 }],
    },
    {
      // a Next.js route handler that writes without checking the session
      code: `
        import { PrismaClient } from '@prisma/client';
        const prisma = new PrismaClient();
        export async function DELETE(request: Request, { params }: { params: { id: string } }) {
          await prisma.project.delete({ where: { id: params.id } });
          return new Response(null, { status: 204 });
        }
      `,
      filename: 'app/api/projects/[id]/route.ts',
      errors: [{ messageId: 'missingAuth', data: { call: 'prisma.project.delete' }, line: 5, column: 17, endLine: 5, endColumn: 38 }],
    },
    {
      // a server action that writes without a session check
      code: `
        'use server';
        import { PrismaClient } from '@prisma/client';
        const prisma = new PrismaClient();
        export async function deleteInvoice(id: string) {
          await prisma.invoice.delete({ where: { id } });
        }
      `,
      filename: 'app/actions.ts',
      errors: [{ messageId: 'missingAuth', data: { call: 'prisma.invoice.delete' }, line: 6, column: 17, endLine: 6, endColumn: 38 }],
    },
    {
      // Fastify: other routes carry `onRequest: [fastify.authenticate]`
      code: `
        import Fastify from 'fastify';
        import { PrismaClient } from '@prisma/client';
        const prisma = new PrismaClient();
        const fastify = Fastify();
        fastify.post('/notes', { onRequest: [fastify.authenticate] }, async (request) => prisma.note.create({ data: {} }));
        fastify.delete('/notes/:id', async (request) => prisma.note.delete({ where: { id: String(request.params) } }));
      `,
      errors: [{ messageId: 'missingAuth', data: { call: 'prisma.note.delete' }, line: 7, column: 57, endLine: 7, endColumn: 75 }],
    },
  ],
});
