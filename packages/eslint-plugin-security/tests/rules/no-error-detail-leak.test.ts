import { createRuleTester } from '@prodready/test-kit';

import rule from '../../src/rules/no-error-detail-leak.js';

const ruleTester = createRuleTester();

ruleTester.run('no-error-detail-leak', rule, {
  valid: [
    // a fixed message
    `
      app.get('/users', async (req, res) => {
        try { res.json(await listUsers()); } catch (err) {
          logger.error(err);
          res.status(500).json({ error: 'Internal server error' });
        }
      });
    `,
    // the message of a client error (4xx) the code itself chose to expose
    `
      app.post('/login', async (req, res) => {
        try { await login(req.body); } catch (err) { res.status(400).json({ error: (err as Error).message }); }
      });
    `,
    // a known error class decides what is safe to show
    `
      app.post('/users', async (req, res) => {
        try { await createUser(req.body); } catch (err) {
          if (err instanceof ValidationError) return res.status(500).json({ error: err.message });
          res.status(500).json({ error: 'Internal server error' });
        }
      });
    `,
    // development-only details
    `
      app.use((err, req, res, next) => {
        res.status(500).json({ message: 'Server error', stack: process.env.NODE_ENV === 'production' ? undefined : err.stack });
      });
    `,
    // a same-named value that is not a caught error
    `
      app.get('/debug', (req, res) => {
        const err = { stack: 'none' };
        res.status(500).json({ stack: err.stack });
      });
    `,
    // IPC to a parent process is not a response
    "try { minify(); } catch (err) { process.send({ type: 'error', message: err.stack }); }",
    // test files
    { code: "try { run(); } catch (err) { res.status(500).json({ stack: err.stack }); }", filename: 'src/app.test.ts' },
  ],
  invalid: [
    {
      code: `
        app.get('/users', async (req, res) => {
          try { res.json(await listUsers()); } catch (err) {
            res.status(500).json({ error: err.message, stack: err.stack });
          }
        });
      `,
      errors: [
        { messageId: 'errorDetailLeak', line: 4, column: 43, endLine: 4, endColumn: 54 },
        { messageId: 'stackLeak', line: 4, column: 63, endLine: 4, endColumn: 72 },
      ],
    },
    {
      // Express error middleware, with a cast and optional chaining
      code: `
        app.use((error, req, res, next) => {
          res.status(500).send(\`Something broke: \${(error as Error)?.stack}\`);
        });
      `,
      errors: [{ messageId: 'stackLeak', line: 3, column: 52, endLine: 3, endColumn: 75 }],
    },
    {
      // Next.js route handler
      code: `
        import { NextResponse } from 'next/server';
        export async function GET() {
          try { return NextResponse.json(await listUsers()); } catch (e) {
            return NextResponse.json({ error: String(e) }, { status: 500 });
          }
        }
      `,
      errors: [{ messageId: 'errorDetailLeak', line: 5, column: 47, endLine: 5, endColumn: 56 }],
    },
    {
      // a promise rejection callback, Hono status argument, and a type error
      code: `
        app.get('/users', (c) => listUsers().then((users) => c.json(users)).catch((err) => c.json({ error: err.message }, 500 as const)));
        const n: string = 1;
      `,
      errors: [{ messageId: 'errorDetailLeak', line: 2, column: 108, endLine: 2, endColumn: 119 }],
    },
  ],
});
