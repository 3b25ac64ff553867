import type { TSESTree } from '@typescript-eslint/utils';

/** `true` for an AST node (as opposed to other values found while walking a node's keys). */
export function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
