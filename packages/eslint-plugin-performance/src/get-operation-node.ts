import { AST_NODE_TYPES, unwrapExpression, type DataAccess, type TSESTree } from '@prodready/eslint-rule-kit';

/** The operation's method name (`findMany`, `select`), or the call when it has none (`knex('users')`). */
export function getOperationNode(call: TSESTree.CallExpression, access: DataAccess): TSESTree.Node {
  const step =
    access.steps.find((candidate) => candidate.call && candidate.name === access.operation) ??
    access.steps.find((candidate) => candidate.call);
  const target = step?.call ?? call;
  const callee = unwrapExpression(target.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression ? callee.property : target;
}
