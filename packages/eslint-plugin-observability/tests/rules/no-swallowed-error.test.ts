import { createRuleTester } from '@prodready/test-kit';

import rule from '../../src/rules/no-swallowed-error.js';

const ruleTester = createRuleTester();

ruleTester.run('no-swallowed-error', rule, {
  valid: [
    // a null fallback the caller checks as "not found" is reported only with checkNullFallbacks
    'const user = await prisma.user.findUnique({ where: { id } }).catch(() => null);',
    'const profile = await loadProfile(id).then(render, () => undefined);',
    // rethrown with a cause
    `
      async function createUser(data: UserInput) {
        try {
          return await db.user.create({ data });
        } catch (err) {
          throw new Error('Could not create user', { cause: err });
        }
      }
    `,
    // the error is logged
    `
      import pino from 'pino';
      const logger = pino();
      async function syncOrders() {
        try {
          await pullOrders();
        } catch (err) {
          logger.error({ err }, 'order sync failed');
        }
      }
    `,
    // an error-level log without the error is seen (require-error-object-in-log covers the lost stack)
    `
      async function saveOrder(order: Order) {
        try {
          await orders.insert(order);
        } catch {
          console.error('Failed to save order');
        }
      }
    `,
    // an error status
    `
      app.post('/orders', async (req, res) => {
        try {
          res.json(await createOrder(req.body));
        } catch {
          return res.status(500).json({ error: 'Internal error' });
        }
      });
    `,
    // a status set before the failure payload
    `
      app.post('/orders', async (req, res) => {
        try {
          res.json(await createOrder(req.body));
        } catch {
          res.status(400);
          return res.json({ success: false });
        }
      });
    `,
    // Next.js route handler with an error status
    `
      import { NextResponse } from 'next/server';
      export async function GET() {
        try {
          return NextResponse.json(await listPosts());
        } catch {
          return NextResponse.json({ error: 'Failed to load posts' }, { status: 500 });
        }
      }
    `,
    // forwarded to Express's error handler
    `
      router.get('/users/:id', async (req, res, next) => {
        try {
          res.json(await findUser(req.params.id));
        } catch (error) {
          next(error);
        }
      });
    `,
    // the error is inspected: an expected ENOENT
    `
      import { readFile } from 'node:fs/promises';
      async function loadOverrides(path: string) {
        try {
          return JSON.parse(await readFile(path, 'utf8'));
        } catch (e) {
          if (e.code === 'ENOENT') return {};
          throw e;
        }
      }
    `,
    // a synchronous parse fallback is deliberate
    `
      function parseSettings(raw: string) {
        try {
          return JSON.parse(raw);
        } catch {
          return null;
        }
      }
    `,
    // only probes are guarded: a missing config file and an optional dependency
    `
      import fs from 'node:fs';
      async function readConfig(path: string) {
        try {
          return JSON.parse(await fs.promises.readFile(path, 'utf8'));
        } catch {
          return {};
        }
      }
    `,
    `
      async function loadSharp() {
        try {
          return await import('sharp');
        } catch {
          return null;
        }
      }
    `,
    // best-effort teardown
    'await prisma.$disconnect().catch(() => {});',
    // a comment documents the decision
    `
      async function evict(key: string) {
        try {
          await cache.del(key);
        } catch {
          // the cache is best effort; a stale entry expires on its own
        }
      }
    `,
    // the catch does other work (a retry back-off)
    `
      async function fetchWithRetry(url: string) {
        for (let attempt = 0; attempt < 3; attempt++) {
          try {
            return await fetch(url);
          } catch {
            await sleep(2 ** attempt * 100);
          }
        }
      }
    `,
    // a result object tells the caller it failed
    `
      export async function subscribe(email: string) {
        try {
          await mailingList.add(email);
          return { success: true };
        } catch {
          return { success: false, message: 'Could not subscribe' };
        }
      }
    `,
    // a shadowed console is not a logger
    `
      async function notify(console: { log(message: string): void }) {
        try {
          await sendPush();
        } catch {
          console.log('push failed');
        }
      }
    `,
    // a bare return stops the remaining work on purpose
    `
      async function submit(values: FormValues) {
        try {
          await saveProfile(values);
        } catch {
          return;
        }
        router.push('/profile');
      }
    `,
    // an underscore binding marks the decision
    'const token = await captcha.getResponse().catch((_error) => undefined);',
    // a comment in the handler explains it
    `
      async function isSiteLive(domain: string) {
        try {
          return (await resolveDns(domain)).length > 0;
        } catch {
          // an unresolvable domain is simply not live
          return false;
        }
      }
    `,
    // a response body that is not JSON is an expected answer
    'const payload = await response.json().catch(() => ({}));',
    // zod's .catch is a fallback value, not a rejection handler
    "import { z } from 'zod'; const page = z.coerce.number().catch(() => 1);",
    // allow-listed call
    {
      code: `
        async function track(event: string) {
          try {
            await trackEvent(event);
          } catch {}
        }
      `,
      options: [{ allow: ['trackEvent'], checkNullFallbacks: false }],
    },
    // test files
    {
      code: 'async function cleanUp() { try { await db.reset(); } catch {} }',
      filename: 'src/orders/orders.test.ts',
    },
  ],
  invalid: [
    {
      code: `
        async function register(user: User) {
          try {
            await sendWelcomeEmail(user);
          } catch (e) {}
        }
      `,
      errors: [{ messageId: 'emptyCatch', line: 5, column: 13, endLine: 5, endColumn: 18 }],
    },
    {
      code: "fetch('https://hooks.example.com/signup', { method: 'POST' }).catch(() => {});",
      errors: [{ messageId: 'emptyCatch', line: 1, column: 63, endLine: 1, endColumn: 68 }],
    },
    {
      code: 'const user = await prisma.user.findUnique({ where: { id } }).catch(() => null);',
      options: [{ allow: [], checkNullFallbacks: true }],
      errors: [{ messageId: 'fallbackWithoutError', data: { value: 'null' }, line: 1, column: 62, endLine: 1, endColumn: 67 }],
    },
    {
      // a TS cast around the fallback
      code: `
        export async function getPosts() {
          try {
            return await db.select().from(posts);
          } catch {
            return [] as Post[];
          }
        }
      `,
      errors: [{ messageId: 'fallbackWithoutError', data: { value: '[]' }, line: 5, column: 13, endLine: 5, endColumn: 18 }],
    },
    {
      code: 'const profile = await loadProfile(id).then(render, () => undefined);',
      options: [{ allow: [], checkNullFallbacks: true }],
      errors: [{ messageId: 'fallbackWithoutError', data: { value: 'undefined' }, line: 1, column: 39, endLine: 1, endColumn: 43 }],
    },
    {
      // the classic: a fixed message at log level
      code: `
        async function deleteAccount(id: string) {
          try {
            await accounts.delete(id);
          } catch (e) {
            console.log('error');
          }
        }
      `,
      errors: [{ messageId: 'logWithoutError', data: { level: 'log' }, line: 6, column: 13, endLine: 6, endColumn: 33 }],
    },
    {
      code: `
        import pino from 'pino';
        const logger = pino();
        async function findCustomer(email: string) {
          try {
            return await stripe.customers.search({ query: email });
          } catch {
            logger.info('customer lookup failed');
            return null;
          }
        }
      `,
      errors: [{ messageId: 'logWithoutError', data: { level: 'info' }, line: 8, column: 13, endLine: 8, endColumn: 50 }],
    },
    {
      code: `
        app.post('/orders', async (req, res) => {
          try {
            const order = await createOrder(req.body);
            res.json({ success: true, order });
          } catch (error) {
            return res.json({ success: false });
          }
        });
      `,
      errors: [{ messageId: 'successOnFailure', line: 7, column: 20, endLine: 7, endColumn: 48 }],
    },
    {
      code: `
        import { NextResponse as Reply } from 'next/server';
        export async function POST(request: Request) {
          try {
            return Reply.json(await saveForm(await request.json()));
          } catch {
            return Reply.json({ error: 'Failed to save form' });
          }
        }
      `,
      errors: [{ messageId: 'successOnFailure', line: 7, column: 20, endLine: 7, endColumn: 64 }],
    },
    {
      // optional chaining on the promise
      code: 'client?.publish(channel, payload).catch(() => {});',
      errors: [{ messageId: 'emptyCatch', line: 1, column: 35, endLine: 1, endColumn: 40 }],
    },
    {
      // for await
      code: `
        async function drain(stream: AsyncIterable<Job>) {
          try {
            for await (const job of stream) handle(job);
          } catch {}
        }
      `,
      errors: [{ messageId: 'emptyCatch', line: 5, column: 13, endLine: 5, endColumn: 18 }],
    },
    {
      // the fallback value is thrown away
      code: 'await auditLog.write({ action: "login" }).catch(() => null);',
      errors: [{ messageId: 'emptyCatch', line: 1, column: 43, endLine: 1, endColumn: 48 }],
    },
    {
      // type errors do not stop the rule
      code: `
        const retries: string = 3;
        async function save() {
          try {
            await store.put(retries.toFixed());
          } catch {}
        }
      `,
      errors: [{ messageId: 'emptyCatch', line: 6, column: 13, endLine: 6, endColumn: 18 }],
    },
  ],
});
