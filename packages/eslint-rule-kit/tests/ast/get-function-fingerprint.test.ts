import { parser } from 'typescript-eslint';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import { type FunctionNode, getFunctionFingerprint } from '../../src/ast/get-function-fingerprint.js';

// Fingerprints of every function in `code`, in source order.
function fingerprints(code: string, minSize = 1): (string | undefined)[] {
  const found: (string | undefined)[] = [];
  const linter = new Linter({ configType: 'flat' });
  linter.verify(code, [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: parser as Linter.Parser },
      plugins: {
        probe: {
          rules: {
            fingerprint: {
              create: (context) => ({
                ':function'(node: FunctionNode): void {
                  const fingerprint = getFunctionFingerprint(node, context.sourceCode.visitorKeys as never, minSize);
                  found.push(fingerprint && `${fingerprint.hash}/${fingerprint.size}`);
                },
              }),
            },
          },
        },
      },
      rules: { 'probe/fingerprint': 'error' },
    },
  ], { filename: 'file.ts' });
  return found;
}

describe('getFunctionFingerprint', () => {
  it('matches copies with other names, literals, types and shorthand properties', () => {
    const [original, copy] = fingerprints(
      [
        'function sumPaid(orders: Order[]): Totals { let revenue = 0; for (const order of orders) { if (order.status === "paid") revenue += order.total; } return { revenue }; }',
        'const totals = (items) => { let sum = 0; for (const item of items) { if (item.status === "void") sum += item.total as number; } return { revenue: sum }; };',
      ].join('\n'),
    );
    expect(original).toBeDefined();
    expect(copy).toBe(original);
  });

  it('keeps property names and binding identity apart', () => {
    const [byStatus, byState, twice] = fingerprints(
      [
        'function pick(order) { if (order.status === "paid") return order.total + order.tax; return 0; }',
        'function pick(order) { if (order.state === "paid") return order.total + order.tax; return 0; }',
        'function pick(order, other) { if (order.status === "paid") return order.total + other.tax; return 0; }',
      ].join('\n'),
    );
    expect(byState).not.toBe(byStatus);
    expect(twice).not.toBe(byStatus);
  });

  it('distinguishes operators', () => {
    const [plus, minus] = fingerprints(
      [
        'function apply(balance, amount) { const next = balance + amount; if (next < 0) throw new Error("negative"); return next; }',
        'function apply(balance, amount) { const next = balance - amount; if (next < 0) throw new Error("negative"); return next; }',
      ].join('\n'),
    );
    expect(minus).not.toBe(plus);
  });

  it('answers `undefined` under the size floor', () => {
    expect(fingerprints('function add(a, b) { return a + b; }')).toEqual([undefined]);
    expect(fingerprints('function total(items) { let sum = 0; for (const item of items) sum += item.price * item.quantity; return sum; }', 500)).toEqual([undefined]);
  });
});
