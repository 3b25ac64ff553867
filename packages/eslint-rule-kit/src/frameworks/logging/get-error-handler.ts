import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { isRejectionCallback } from './is-error-binding.js';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** Code that runs because something failed: a `catch` clause or a promise rejection callback. */
export interface ErrorHandler {
  readonly node: TSESTree.CatchClause | TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression;
  /** The handler's block, or an arrow function's expression body. */
  readonly body: TSESTree.Node;
  /** The variable bound to the error, when the handler binds a plain identifier. */
  readonly error?: TSESLint.Scope.Variable;
  /** What can fail: the `try` block, or the promise expression `.catch` is called on. */
  readonly guarded: TSESTree.Node;
}

const cache = new WeakMap<TSESTree.Node, ErrorHandler | null>();

/** The handler `node` is: a `CatchClause`, or a function passed as `.catch(fn)` / `.then(ok, fn)`. */
export function getErrorHandler(context: AnyContext, node: TSESTree.Node): ErrorHandler | undefined {
  const cached = cache.get(node);
  if (cached !== undefined) return cached ?? undefined;
  const result = getErrorHandlerUncached(context, node);
  cache.set(node, result ?? null);
  return result;
}

/** The error handler whose body runs `node`, without crossing into another function. */
export function getEnclosingErrorHandler(context: AnyContext, node: TSESTree.Node): ErrorHandler | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.CatchClause) return getErrorHandler(context, current);
    if (
      current.type === AST_NODE_TYPES.ArrowFunctionExpression ||
      current.type === AST_NODE_TYPES.FunctionExpression ||
      current.type === AST_NODE_TYPES.FunctionDeclaration
    ) {
      return getErrorHandler(context, current);
    }
  }
  return undefined;
}

function getErrorHandlerUncached(context: AnyContext, node: TSESTree.Node): ErrorHandler | undefined {
  if (node.type === AST_NODE_TYPES.CatchClause) {
    const guarded = node.parent.block;
    return { node, body: node.body, error: getBoundVariable(context, node.param, node.body), guarded };
  }
  if (node.type !== AST_NODE_TYPES.ArrowFunctionExpression && node.type !== AST_NODE_TYPES.FunctionExpression) return undefined;
  if (!isRejectionCallback(context, node)) return undefined;
  const call = node.parent as TSESTree.CallExpression;
  const guarded = (call.callee as TSESTree.MemberExpression).object;
  return { node, body: node.body, error: getBoundVariable(context, node.params[0], node.body), guarded };
}

function getBoundVariable(
  context: AnyContext,
  param: TSESTree.Node | null | undefined,
  body: TSESTree.Node,
): TSESLint.Scope.Variable | undefined {
  if (param?.type !== AST_NODE_TYPES.Identifier) return undefined;
  return ASTUtils.findVariable(context.sourceCode.getScope(body), param) ?? undefined;
}

/**
 * The author marked the handler as deliberate: a comment inside it (as core `no-empty`
 * accepts), or an error binding named with a leading underscore (`catch (_error)`).
 */
export function isAcknowledgedHandler(context: AnyContext, handler: ErrorHandler): boolean {
  if (handler.error?.name.startsWith('_')) return true;
  return context.sourceCode.getCommentsInside(handler.body).length > 0;
}
