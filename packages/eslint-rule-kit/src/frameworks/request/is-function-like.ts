import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import type { FunctionLike } from './types.js';

/** `true` for function declarations, function expressions and arrow functions. */
export function isFunctionLike(node: TSESTree.Node): node is FunctionLike {
  return (
    node.type === AST_NODE_TYPES.FunctionDeclaration ||
    node.type === AST_NODE_TYPES.FunctionExpression ||
    node.type === AST_NODE_TYPES.ArrowFunctionExpression
  );
}
