import {
  AST_NODE_TYPES,
  getEnclosingFunction,
  getOrigin,
  getSpanBinding,
  getStaticPropertyName,
  isNode,
  isOrigin,
  type SpanBinding,
  type TSESLint,
  type TSESTree,
} from '@prodready/eslint-rule-kit';

import { createRule } from '../create-rule.js';

export type Options = [];
export type MessageIds = 'endNotInFinally' | 'spanNotEnded';

type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;
type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

const OTEL = '@opentelemetry/api';
// `trace.setSpan(context.active(), span)` puts the span in a context; the caller still owns and ends it.
const CONTEXT_SETTERS = [['trace', 'setSpan'], ['trace', 'setSpanContext']];

export default createRule<Options, MessageIds>({
  name: 'require-span-end',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require ending every OpenTelemetry span a function starts, in a `finally` block',
      recommended: 'recommended',
    },
    schema: [],
    messages: {
      spanNotEnded:
        'This span is never ended, so it is never exported: the operation is missing from traces and the span stays in memory. Call `{{name}}.end()` in a `finally` block.',
      endNotInFinally:
        '`{{name}}.end()` is skipped when the code before it throws or returns early, so the span is never exported and the failed operation is missing from traces. Call it in a `finally` block.',
    },
  },
  create(context) {
    const { text } = context.sourceCode;
    if (!text.includes('startSpan') && !text.includes('startActiveSpan')) return {};

    return {
      CallExpression(node): void {
        const callee = node.callee.type === AST_NODE_TYPES.ChainExpression ? node.callee.expression : node.callee;
        if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
        const method = getStaticPropertyName(callee);
        if (method !== 'startSpan' && method !== 'startActiveSpan') return;
        const binding = getSpanBinding(context, node);
        if (!binding) return;
        if (binding.use === 'discarded') {
          context.report({ node, messageId: 'spanNotEnded', data: { name: 'span' } });
          return;
        }
        if (binding.use === 'handed-on' || !binding.variable) return;
        checkBinding(context, binding, binding.variable);
      },
    };
  },
});

function checkBinding(context: Context, binding: SpanBinding, variable: TSESLint.Scope.Variable): void {
  const owner = binding.kind === 'startActiveSpan' ? binding.owner : getEnclosingFunction(binding.call);
  const start = binding.kind === 'startActiveSpan' ? (variable.identifiers[0] ?? binding.call) : binding.call;
  const ends: TSESTree.CallExpression[] = [];
  let safe = false;
  for (const reference of variable.references) {
    if (reference.init) continue;
    // Reassigned (`let span; span = …`): which span each `end()` ends is beyond a syntactic check.
    if (reference.isWrite()) return;
    const identifier = reference.identifier;
    const use = getUse(context, identifier);
    if (use === 'escape') return;
    if (use !== 'end') continue;
    const call = getCall(identifier) as TSESTree.CallExpression;
    const fn = getEnclosingFunction(call);
    if (fn !== owner) {
      // `promise.finally(() => span.end())` runs on every outcome; any other callback ends it later, elsewhere.
      if (fn && isFinallyCallback(fn)) safe = true;
      else return;
    }
    if (isInFinally(call, owner)) safe = true;
    ends.push(call);
  }
  const name = variable.name;
  if (ends.length === 0) {
    context.report({ node: start, messageId: 'spanNotEnded', data: { name } });
    return;
  }
  if (safe || isEndedInTryAndCatch(context, ends, start, variable)) return;
  const sorted = ends.toSorted((a, b) => a.range[0] - b.range[0]);
  for (const end of sorted) {
    if (hasRisk(context, owner ?? context.sourceCode.ast, start.range[1], end.range[0], variable)) {
      context.report({ node: end, messageId: 'endNotInFinally', data: { name } });
      return;
    }
  }
}

/** What a reference to the span does: ends it, uses it in place, or hands it to code we cannot see. */
function getUse(context: Context, identifier: TSESTree.Node): 'end' | 'local' | 'escape' {
  let node: TSESTree.Node = identifier;
  while (
    node.parent?.type === AST_NODE_TYPES.TSAsExpression ||
    node.parent?.type === AST_NODE_TYPES.TSNonNullExpression ||
    node.parent?.type === AST_NODE_TYPES.TSSatisfiesExpression
  ) {
    node = node.parent;
  }
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === node) {
    return getStaticPropertyName(parent) === 'end' && getCall(identifier) ? 'end' : 'local';
  }
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(node as TSESTree.CallExpressionArgument)) {
    const origin = getOrigin(context, parent.callee);
    if (CONTEXT_SETTERS.some((path) => isOrigin(origin, { source: OTEL, path }))) return 'local';
  }
  // `if (span)`, `span === undefined`: a test, not a hand-over.
  if (parent?.type === AST_NODE_TYPES.IfStatement || parent?.type === AST_NODE_TYPES.UnaryExpression) return 'local';
  if (parent?.type === AST_NODE_TYPES.BinaryExpression && parent.operator !== '+' && parent.operator !== 'in') return 'local';
  return 'escape';
}

/** `span.end()` / `span?.end()`: the call whose callee reads `.end` on `identifier`. */
function getCall(identifier: TSESTree.Node): TSESTree.CallExpression | undefined {
  let node: TSESTree.Node = identifier;
  while (node.parent && node.parent.type !== AST_NODE_TYPES.MemberExpression) node = node.parent;
  const member = node.parent;
  const call = member?.parent;
  return call?.type === AST_NODE_TYPES.CallExpression && call.callee === member ? call : undefined;
}

function isFinallyCallback(fn: FunctionNode): boolean {
  const call = fn.parent;
  return (
    call?.type === AST_NODE_TYPES.CallExpression &&
    call.callee.type === AST_NODE_TYPES.MemberExpression &&
    getStaticPropertyName(call.callee) === 'finally' &&
    call.arguments[0] === fn
  );
}

function isInFinally(node: TSESTree.Node, owner: FunctionNode | undefined): boolean {
  let child: TSESTree.Node = node;
  for (let current = node.parent; current && current !== owner; current = current.parent) {
    if (current.type === AST_NODE_TYPES.TryStatement && current.finalizer === child) return true;
    child = current;
  }
  return false;
}

/**
 * `try { …; span.end(); } catch (err) { …; span.end(); throw err; }`: each outcome ends the span
 * (the `catch`, and the `try` block or a later `end()`), with nothing risky between start and `try`.
 */
function isEndedInTryAndCatch(context: Context, ends: readonly TSESTree.CallExpression[], start: TSESTree.Node, variable: TSESLint.Scope.Variable): boolean {
  for (const end of ends) {
    let child: TSESTree.Node = end;
    for (let current: TSESTree.Node | undefined = end.parent; current; current = current.parent) {
      if (current.type === AST_NODE_TYPES.TryStatement && current.handler === child && current.range[0] > start.range[1]) {
        const statement = current;
        const coversSuccess = ends.some((other) => isWithin(other, statement.block) || other.range[0] > statement.range[1]);
        const owner = getEnclosingFunction(statement) ?? context.sourceCode.ast;
        if (coversSuccess && !hasRisk(context, owner, start.range[1], statement.range[0], variable)) return true;
      }
      if (isFunctionNode(current)) break;
      child = current;
    }
  }
  return false;
}

/**
 * Code between `from` and `to` (in `root`, outside nested functions) that can throw or leave:
 * a call or `new` other than on the span, `await`, `yield`, or a `return`/`throw` not right after an `end()`.
 */
function hasRisk(context: Context, root: TSESTree.Node, from: number, to: number, variable: TSESLint.Scope.Variable): boolean {
  const { visitorKeys } = context.sourceCode;
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as TSESTree.Node;
    if (node.range[1] <= from || node.range[0] >= to) continue;
    if (node !== root && isFunctionNode(node)) continue;
    if (node.range[0] >= from && node.range[1] <= to && isRisky(node, variable)) return true;
    for (const key of visitorKeys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      for (const child of Array.isArray(value) ? value : [value]) if (isNode(child)) stack.push(child);
    }
  }
  return false;
}

function isRisky(node: TSESTree.Node, variable: TSESLint.Scope.Variable): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.CallExpression: {
      const callee = node.callee.type === AST_NODE_TYPES.ChainExpression ? node.callee.expression : node.callee;
      return !(callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === variable.name);
    }
    case AST_NODE_TYPES.NewExpression:
    case AST_NODE_TYPES.AwaitExpression:
    case AST_NODE_TYPES.YieldExpression:
      return true;
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ThrowStatement:
      return !isAfterEnd(node, variable);
    default:
      return false;
  }
}

/** `span.end(); return null;` — the early exit ends the span first. */
function isAfterEnd(node: TSESTree.ReturnStatement | TSESTree.ThrowStatement, variable: TSESLint.Scope.Variable): boolean {
  const parent = node.parent;
  if (parent.type !== AST_NODE_TYPES.BlockStatement && parent.type !== AST_NODE_TYPES.SwitchCase) return false;
  const body = parent.type === AST_NODE_TYPES.BlockStatement ? parent.body : parent.consequent;
  const previous = body[body.indexOf(node) - 1];
  if (previous?.type !== AST_NODE_TYPES.ExpressionStatement) return false;
  const expression = previous.expression.type === AST_NODE_TYPES.ChainExpression ? previous.expression.expression : previous.expression;
  if (expression.type !== AST_NODE_TYPES.CallExpression || expression.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const { object } = expression.callee;
  return object.type === AST_NODE_TYPES.Identifier && object.name === variable.name && getStaticPropertyName(expression.callee) === 'end';
}

function isWithin(inner: TSESTree.Node, outer: TSESTree.Node): boolean {
  return inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];
}

function isFunctionNode(node: TSESTree.Node): node is FunctionNode {
  return (
    node.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionDeclaration
  );
}
