import { createRuleTester } from '@prodready/test-kit';
import type { TSESTree } from '@typescript-eslint/utils';

import { hasLiteralProperty } from '../../src/ast/has-literal-property.js';
import { createProbeRule } from '../probe.js';

// Reports `head` on each call whose first argument is `{ head: true }`.
const rule = createProbeRule<TSESTree.CallExpression>('CallExpression', (_context, node) =>
  hasLiteralProperty(node.arguments[0], 'head', true) ? 'head' : undefined,
);

createRuleTester().run('hasLiteralProperty', rule, {
  valid: [
    'count({ head: false });',
    "count({ head: 'true' });",
    'count({ [head]: true });',
    'count(options);',
    'count();',
  ],
  invalid: [
    {
      code: 'count({ head: true });',
      errors: [{ messageId: 'probe', data: { answer: 'head' }, line: 1, column: 1, endLine: 1, endColumn: 22 }],
    },
    {
      // quoted key and a TS cast around the object
      code: "count({ 'head': true } as const);",
      errors: [{ messageId: 'probe', data: { answer: 'head' }, line: 1, column: 1, endLine: 1, endColumn: 33 }],
    },
  ],
});
