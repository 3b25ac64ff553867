import { createRuleTester } from '@prodready/test-kit';
import type { TSESTree } from '@typescript-eslint/utils';

import { isGuarded } from '../../src/taint/is-guarded.js';
import { createProbeRule } from '../probe.js';

// Reports `guarded` for each argument of `sink(…)` that an earlier or enclosing check vetted.
const rule = createProbeRule<TSESTree.Node>('CallExpression[callee.name="sink"] > .arguments', (context, node) =>
  isGuarded(context, node) ? 'guarded' : undefined,
);

createRuleTester().run('isGuarded', rule, {
  valid: [
    // a truthiness or length check does not vet the value
    `
        export function run(branch: string) {
          if (!branch) return;
          if (branch.length > 100) throw new Error('too long');
          sink(branch);
        }
      `,
    // a check that does not exit, or on another value
    `
        const ALLOWED = new Set(['main']);
        export function run(branch: string, tag: string) {
          if (!ALLOWED.has(branch)) console.warn('unknown branch');
          if (!ALLOWED.has(tag)) return;
          sink(branch);
        }
      `,
  ],
  invalid: [
    {
      // a rejecting check that returns or throws earlier in the block
      code: `
        const ALLOWED = new Set(['main', 'develop']);
        export function run(branch: string, format: string) {
          if (!ALLOWED.has(branch)) return;
          sink(branch);
          if (!/^[a-z]+$/.test(format) || format === 'exe') {
            throw new Error('bad format');
          }
          sink(format);
        }
      `,
      errors: [
        { messageId: 'probe', data: { answer: 'guarded' }, line: 5, column: 16, endLine: 5, endColumn: 22 },
        { messageId: 'probe', data: { answer: 'guarded' }, line: 9, column: 16, endLine: 9, endColumn: 22 },
      ],
    },
    {
      // inside a positive check: if, ternary and &&
      code: `
        const FORMATS = ['png', 'jpg'];
        export function run(format: string, next: string) {
          if (FORMATS.includes(format)) sink(format);
          const target = next.startsWith('/') ? sink(next) : '/';
          return isSafePath(next) && sink(next);
        }
      `,
      errors: [
        { messageId: 'probe', data: { answer: 'guarded' }, line: 4, column: 46, endLine: 4, endColumn: 52 },
        { messageId: 'probe', data: { answer: 'guarded' }, line: 5, column: 54, endLine: 5, endColumn: 58 },
        { messageId: 'probe', data: { answer: 'guarded' }, line: 6, column: 43, endLine: 6, endColumn: 47 },
      ],
    },
    {
      // in the else branch of a rejecting check; equality with constants
      code: `
        export function run(mode: string) {
          if (mode !== 'fast' && mode !== 'safe') {
            return;
          } else {
            sink(mode);
          }
        }
      `,
      errors: [
        { messageId: 'probe', data: { answer: 'guarded' }, line: 6, column: 18, endLine: 6, endColumn: 22 },
      ],
    },
  ],
});
