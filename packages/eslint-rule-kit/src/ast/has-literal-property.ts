import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { getStaticPropertyName } from './get-static-property-name.js';
import { unwrapExpression } from './unwrap-expression.js';

/**
 * `true` when `node` is an object literal (casts unwrapped) with `key: value` written as a
 * literal: `{ head: true }`, `{ timeout: false }`.
 */
export function hasLiteralProperty(node: TSESTree.Node | undefined, key: string, value: string | number | boolean | null): boolean {
  const inner = node && unwrapExpression(node);
  return (
    inner?.type === AST_NODE_TYPES.ObjectExpression &&
    inner.properties.some(
      (property) =>
        property.type === AST_NODE_TYPES.Property &&
        getStaticPropertyName(property) === key &&
        property.value.type === AST_NODE_TYPES.Literal &&
        property.value.value === value,
    )
  );
}
