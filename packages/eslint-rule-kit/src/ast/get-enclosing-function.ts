import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

/** The nearest function (declaration, expression or arrow) that contains `node`. */
export function getEnclosingFunction(
  node: TSESTree.Node,
): TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (
      current.type === AST_NODE_TYPES.ArrowFunctionExpression ||
      current.type === AST_NODE_TYPES.FunctionExpression ||
      current.type === AST_NODE_TYPES.FunctionDeclaration
    ) {
      return current;
    }
  }
  return undefined;
}
