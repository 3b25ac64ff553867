import { createRuleTester } from '@prodready/test-kit';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { findVariable } from '../../src/ast/find-variable.js';
import { getEnclosingFunction } from '../../src/ast/get-enclosing-function.js';
import { isNode } from '../../src/ast/is-node.js';
import { createProbeRule } from '../probe.js';

// For each call: where its callee is declared, and the kind of function that encloses it.
const rule = createProbeRule<TSESTree.CallExpression>('CallExpression[callee.type="Identifier"]', (context, node) => {
  const variable = findVariable(context, node.callee as TSESTree.Identifier);
  const fn = getEnclosingFunction(node);
  return `${variable ? `declared@${variable.defs[0]?.node.loc.start.line}` : 'global'} in ${fn?.type ?? 'Program'}`;
});

createRuleTester().run('findVariable and getEnclosingFunction', rule, {
  valid: [],
  invalid: [
    {
      code: `
        const load = () => 1;
        function outer() {
          const load = () => 2;
          return [1].map(() => load());
        }
        fetch('/x');
      `,
      errors: [
        { messageId: 'probe', data: { answer: 'declared@4 in ArrowFunctionExpression' }, line: 5, column: 32, endLine: 5, endColumn: 38 },
        { messageId: 'probe', data: { answer: 'global in Program' }, line: 7, column: 9, endLine: 7, endColumn: 20 },
      ],
    },
  ],
});

describe('isNode', () => {
  it('tells AST nodes from other values', () => {
    expect(isNode({ type: 'Identifier', name: 'x' })).toBe(true);
    expect(isNode(null)).toBe(false);
    expect(isNode([{ type: 'Identifier' }])).toBe(false);
    expect(isNode({ range: [0, 1] })).toBe(false);
  });
});
