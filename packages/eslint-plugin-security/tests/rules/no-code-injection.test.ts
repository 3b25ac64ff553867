import { createRuleTester } from '@prodready/test-kit';

import rule from '../../src/rules/no-code-injection.js';

const ruleTester = createRuleTester();

ruleTester.run('no-code-injection', rule, {
  valid: [
    // constant code, functions given to timers, and input parsed as data
    `
        import express from 'express';
        const app = express();
        app.post('/calc', (req, res) => {
          const add = new Function('a', 'b', 'return a + b');
          setTimeout(() => res.json(add(1, 2)), Number(req.body.delay));
          res.json(JSON.parse(req.body.payload));
          eval('1 + 1');
        });
      `,
    // a same-named local `eval` and a `vm` that is not node:vm
    `
        import express from 'express';
        import { vm } from './view-model';
        const app = express();
        const engine = { eval: (expression: string) => expression };
        app.post('/formula', (req, res) => {
          res.json({ a: engine.eval(req.body.formula), b: vm.runInNewContext(req.body.formula) });
        });
      `,
    // non-constant code that is not request input, by default
    `
        import vm from 'node:vm';
        export function render(template: string, data: object) {
          return vm.runInNewContext('\`' + template + '\`', data);
        }
      `,
    // the project's own sanitizer, from options
    {
      code: `
        import express from 'express';
        const app = express();
        function compileExpression(rule: string) { return rule; }
        app.post('/rules', (req, res) => res.json(eval(compileExpression(req.body.rule))));
      `,
      options: [{ checkNonConstant: false, sanitizers: ['compileExpression'] }],
    },
    // test files are skipped
    {
      code: `
        import express from 'express';
        const app = express();
        app.post('/x', (req, res) => res.json(eval(req.body.code)));
      `,
      filename: 'src/routes/calc.test.ts',
    },
  ],
  invalid: [
    {
      // eval of a body field through a template
      code: `
        import express from 'express';
        const app = express();
        app.post('/calc', (req, res) => {
          const result = eval(\`(\${req.body.expression})\`);
          res.json({ result });
        });
      `,
      errors: [
        { messageId: 'codeInjection', data: { callee: 'eval', input: 'the request body' }, line: 5, column: 31, endLine: 5, endColumn: 57 },
      ],
    },
    {
      // new Function with a body from the query string, aliased vm import, a string timer
      code: `
        import express from 'express';
        import { runInNewContext as run, Script } from 'node:vm';
        const app = express();
        app.get('/filter', (req, res) => {
          const predicate = new Function('item', 'return ' + req.query.where);
          const total = run(req.query.sum as string, { items: [] });
          new Script(req.query.script as string);
          setTimeout('refresh(' + req.query.id + ')', 100);
          res.json({ predicate, total });
        });
      `,
      errors: [
        { messageId: 'codeInjection', data: { callee: 'new Function', input: 'the query string' }, line: 6, column: 50, endLine: 6, endColumn: 77 },
        { messageId: 'codeInjection', data: { callee: 'vm.runInNewContext', input: 'the query string' }, line: 7, column: 29, endLine: 7, endColumn: 52 },
        { messageId: 'codeInjection', data: { callee: 'new vm.Script', input: 'the query string' }, line: 8, column: 22, endLine: 8, endColumn: 48 },
        { messageId: 'codeInjection', data: { callee: 'setTimeout', input: 'the query string' }, line: 9, column: 22, endLine: 9, endColumn: 53 },
      ],
    },
    {
      // a Next.js route handler's JSON body; code with a type error does not crash
      code: `
        export async function POST(request: Request) {
          const { formula } = await request.json();
          const precision: number = 'high';
          return Response.json({ value: eval?.(formula) });
        }
      `,
      filename: 'app/api/formula/route.ts',
      errors: [
        { messageId: 'codeInjection', data: { callee: 'eval', input: 'the JSON body' }, line: 5, column: 48, endLine: 5, endColumn: 55 },
      ],
    },
    {
      // strict: any non-constant code
      code: `
        import vm from 'node:vm';
        export function render(template: string, data: object) {
          return vm.runInNewContext('\`' + template + '\`', data);
        }
      `,
      options: [{ checkNonConstant: true, sanitizers: [] }],
      errors: [
        { messageId: 'dynamicCode', data: { callee: 'vm.runInNewContext' }, line: 4, column: 37, endLine: 4, endColumn: 57 },
      ],
    },
  ],
});
