import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getEnclosingFunction } from '../../ast/get-enclosing-function.js';
import { getSpanCall } from './get-span-call.js';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

/** Where a span started by a tracer call lives. */
export interface SpanBinding {
  /** The `tracer.startSpan()` / `tracer.startActiveSpan()` call. */
  readonly call: TSESTree.CallExpression;
  readonly kind: 'startSpan' | 'startActiveSpan';
  /**
   * The variable holding the span: `const span = tracer.startSpan()`, or the first parameter of
   * the `startActiveSpan` callback. `undefined` when the span is not bound to a plain identifier.
   */
  readonly variable?: TSESLint.Scope.Variable;
  /**
   * The function the span's variable lives in (the `startActiveSpan` callback, or the function
   * declaring the variable); `undefined` at module level.
   */
  readonly owner?: FunctionNode;
  /** How the result of `startSpan` is used when it is not bound: discarded, or handed on (returned, stored, passed). */
  readonly use: 'bound' | 'discarded' | 'handed-on';
}

const cache = new WeakMap<TSESTree.CallExpression, SpanBinding | null>();

/**
 * The span an `@opentelemetry/api` `startSpan`/`startActiveSpan` call starts and the variable
 * it is bound to, resolved by origin through `getSpanCall`. `undefined` for any other call, and
 * for `startActiveSpan` without an inline callback.
 */
export function getSpanBinding(context: AnyContext, call: TSESTree.CallExpression): SpanBinding | undefined {
  const cached = cache.get(call);
  if (cached !== undefined) return cached ?? undefined;
  const result = getSpanBindingUncached(context, call);
  cache.set(call, result ?? null);
  return result;
}

function getSpanBindingUncached(context: AnyContext, call: TSESTree.CallExpression): SpanBinding | undefined {
  const span = getSpanCall(context, call);
  if (span?.kind === 'startActiveSpan') {
    const { callback } = span;
    if (!callback) return undefined;
    const [param] = callback.params;
    const variable = param?.type === AST_NODE_TYPES.Identifier ? getDeclared(context, callback, param) : undefined;
    return { call, kind: 'startActiveSpan', variable, owner: callback, use: 'bound' };
  }
  if (span?.kind !== 'startSpan') return undefined;
  let node: TSESTree.Node = call;
  while (
    node.parent?.type === AST_NODE_TYPES.TSAsExpression ||
    node.parent?.type === AST_NODE_TYPES.TSNonNullExpression ||
    node.parent?.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    node.parent?.type === AST_NODE_TYPES.ChainExpression
  ) {
    node = node.parent;
  }
  const parent = node.parent;
  const owner = getEnclosingFunction(call);
  if (parent?.type === AST_NODE_TYPES.ExpressionStatement) return { call, kind: 'startSpan', owner, use: 'discarded' };
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node && parent.id.type === AST_NODE_TYPES.Identifier) {
    const variable = getDeclared(context, parent, parent.id);
    return { call, kind: 'startSpan', variable, owner, use: variable ? 'bound' : 'handed-on' };
  }
  return { call, kind: 'startSpan', owner, use: 'handed-on' };
}

function getDeclared(context: AnyContext, node: TSESTree.Node, id: TSESTree.Identifier): TSESLint.Scope.Variable | undefined {
  return context.sourceCode.getDeclaredVariables(node).find((variable) => variable.identifiers.includes(id)) ??
    ASTUtils.findVariable(context.sourceCode.getScope(id), id) ??
    undefined;
}
