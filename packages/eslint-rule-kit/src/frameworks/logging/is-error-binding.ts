import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getStaticPropertyName } from '../../ast/get-static-property-name.js';
import { unwrapExpression } from '../../ast/unwrap-expression.js';
import { getOrigin } from '../../origin/get-origin.js';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type Variable = TSESLint.Scope.Variable;

const MAX_DEPTH = 6;
const SCHEMA_LIBRARIES = new Set(['zod', 'yup', 'valibot', 'joi', 'superstruct', 'effect', 'io-ts']);
const cache = new WeakMap<Variable, boolean>();

/**
 * `true` when `node` is an identifier holding a caught error: the parameter of a
 * `catch (err)` clause, of a promise's `.catch(err => …)` or `.then(ok, err => …)`
 * callback, or a `const` assigned from one (`const error = err as Error`,
 * `const e = err instanceof Error ? err : new Error(String(err))`).
 */
export function isErrorBinding(context: AnyContext, node: TSESTree.Node): boolean {
  const identifier = unwrapExpression(node);
  if (identifier.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(identifier), identifier);
  return variable !== null && isErrorVariable(context, variable, 0);
}

function isErrorVariable(context: AnyContext, variable: Variable, depth: number): boolean {
  const cached = cache.get(variable);
  if (cached !== undefined) return cached;
  cache.set(variable, false); // cycle guard
  const result = depth <= MAX_DEPTH && isErrorVariableUncached(context, variable, depth);
  cache.set(variable, result);
  return result;
}

function isErrorVariableUncached(context: AnyContext, variable: Variable, depth: number): boolean {
  const def = variable.defs.length === 1 ? variable.defs[0] : undefined;
  if (!def) return false;
  if (def.type === 'CatchClause') return def.node.param === def.name;
  if (def.type === 'Parameter') {
    const fn = def.node;
    if (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.type !== AST_NODE_TYPES.FunctionExpression) return false;
    return fn.params[0] === def.name && isRejectionCallback(context, fn);
  }
  if (def.type === 'Variable') {
    const declarator = def.node;
    if (declarator.parent.kind !== 'const' || declarator.id !== def.name || !declarator.init) return false;
    return isErrorValue(context, declarator.init, depth + 1);
  }
  return false;
}

function isErrorValue(context: AnyContext, input: TSESTree.Node, depth: number): boolean {
  const node = unwrapExpression(input);
  if (node.type === AST_NODE_TYPES.Identifier) {
    const variable = ASTUtils.findVariable(context.sourceCode.getScope(node), node);
    return variable !== null && isErrorVariable(context, variable, depth);
  }
  if (node.type === AST_NODE_TYPES.ConditionalExpression) {
    // `err instanceof Error ? err : new Error(String(err))`
    return isErrorValue(context, node.consequent, depth) || isErrorValue(context, node.alternate, depth);
  }
  return false;
}

/**
 * `promise.catch(fn)` or `promise.then(onFulfilled, fn)`; not a schema library's
 * `.catch(fallback)` (`z.string().catch(() => '')`).
 */
export function isRejectionCallback(
  context: AnyContext,
  fn: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression,
): boolean {
  const call = fn.parent;
  if (call.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = getStaticPropertyName(call.callee);
  const isRejection =
    method === 'catch' ? call.arguments.length === 1 && call.arguments[0] === fn : method === 'then' && call.arguments[1] === fn;
  if (!isRejection) return false;
  const receiver = getOrigin(context, call.callee.object);
  return !receiver || !SCHEMA_LIBRARIES.has(receiver.source);
}
