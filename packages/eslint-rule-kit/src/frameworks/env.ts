import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getStaticPropertyName } from '../ast/get-static-property-name.js';
import { getOrigin } from '../origin/get-origin.js';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * The name of the environment variable `node` reads, resolved by origin:
 * `process.env.X`, `process.env['X']`, `env.X` with `env` from `process` or
 * `const env = process.env`, `Bun.env.X`, `Deno.env.get('X')`, `import.meta.env.X`,
 * and a variable holding any of those (`const secret = process.env.X`).
 */
export function getEnvVarName(context: AnyContext, node: TSESTree.Node): string | undefined {
  if (
    node.type === AST_NODE_TYPES.MemberExpression &&
    node.object.type === AST_NODE_TYPES.MemberExpression &&
    node.object.object.type === AST_NODE_TYPES.MetaProperty &&
    getStaticPropertyName(node.object) === 'env'
  ) {
    return getStaticPropertyName(node);
  }
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const origin = getOrigin(context, node.callee);
    const [argument] = node.arguments;
    if (
      origin?.source === 'global' &&
      origin.path.join('.') === 'Deno.env.get' &&
      argument?.type === AST_NODE_TYPES.Literal &&
      typeof argument.value === 'string'
    ) {
      return argument.value;
    }
    return undefined;
  }
  const origin = getOrigin(context, node);
  if (!origin) return undefined;
  const [first, second, third, ...rest] = origin.path;
  if (rest.length > 0) return undefined;
  if (origin.source === 'global' && (first === 'process' || first === 'Bun') && second === 'env') return third;
  if (origin.source === 'process' && first === 'env' && third === undefined) return second;
  return undefined;
}
