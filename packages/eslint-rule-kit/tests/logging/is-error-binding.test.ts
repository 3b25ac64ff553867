import { createRuleTester } from '@prodready/test-kit';
import type { TSESTree } from '@typescript-eslint/utils';

import { isErrorBinding } from '../../src/frameworks/logging/is-error-binding.js';
import { createProbeRule } from '../probe.js';

// Reports every argument of `report(…)` that holds a caught error.
const rule = createProbeRule<TSESTree.Identifier>('CallExpression[callee.name="report"] > Identifier.arguments', (context, node) =>
  isErrorBinding(context, node) ? 'caught error' : undefined,
);

createRuleTester().run('isErrorBinding', rule, {
  valid: [
    // an ordinary parameter
    'function handle(error: Error) { report(error); }',
    // the fulfilment value of `.then`
    'loadUser().then((user) => report(user));',
    // a destructured catch binding is not the error object
    'try { run(); } catch ({ message }) { report(message); }',
    // a `let` may be reassigned to anything
    'try { run(); } catch (err) { let last = err; last = 1; report(last); }',
    // the second parameter of a `.catch` callback
    'job.catch((error, attempt) => report(attempt));',
    // a non-callback `catch` method with two arguments
    'schema.catch((value) => report(value), fallback);',
    // zod's `.catch` is a fallback value, not a rejection handler
    "import { z } from 'zod'; const age = z.number().catch((context) => report(context));",
  ],
  invalid: [
    {
      code: 'try { await saveOrder(); } catch (err) { report(err); }',
      errors: [{ messageId: 'probe', data: { answer: 'caught error' }, line: 1, column: 49, endLine: 1, endColumn: 52 }],
    },
    {
      // typed catch binding
      code: 'try { await saveOrder(); } catch (error: unknown) { report(error); }',
      errors: [{ messageId: 'probe', data: { answer: 'caught error' }, line: 1, column: 60, endLine: 1, endColumn: 65 }],
    },
    {
      code: 'fetchInvoice().catch((reason) => report(reason));',
      errors: [{ messageId: 'probe', data: { answer: 'caught error' }, line: 1, column: 41, endLine: 1, endColumn: 47 }],
    },
    {
      code: 'fetchInvoice().then(render, function onFailure(failure) { report(failure); });',
      errors: [{ messageId: 'probe', data: { answer: 'caught error' }, line: 1, column: 66, endLine: 1, endColumn: 73 }],
    },
    {
      // an alias through a cast and a normalising conditional
      code: `
        try {
          await syncInventory();
        } catch (err) {
          const error = err as Error;
          const normalised = error instanceof Error ? error : new Error(String(error));
          report(normalised);
        }
      `,
      errors: [{ messageId: 'probe', data: { answer: 'caught error' }, line: 7, column: 18, endLine: 7, endColumn: 28 }],
    },
  ],
});
