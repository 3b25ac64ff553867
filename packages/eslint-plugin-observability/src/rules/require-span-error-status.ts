import {
  AST_NODE_TYPES,
  getEnclosingFunction,
  getLogCall,
  getSpanBinding,
  getSpanCall,
  getStaticPropertyName,
  isNode,
  type TSESLint,
  type TSESTree,
} from '@prodready/eslint-rule-kit';

import { createRule } from '../create-rule.js';

export type Options = [];
export type MessageIds = 'missingErrorRecording' | 'missingErrorStatus' | 'missingException';

type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;
type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

interface LiveSpan {
  readonly name: string;
  readonly owner: FunctionNode | undefined;
  /** Where the span is live from. */
  readonly from: number;
}

interface Recording {
  exception: boolean;
  status: boolean;
  delegated: boolean;
  fails: boolean;
}

export default createRule<Options, MessageIds>({
  name: 'require-span-error-status',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require recording the exception and an error status on the active span in a `catch` that handles a failure',
      recommended: 'strict',
    },
    schema: [],
    messages: {
      missingErrorRecording:
        'This `catch` handles a failure inside span `{{name}}` without `{{name}}.recordException()` or `{{name}}.setStatus({ code: SpanStatusCode.ERROR })`, so the trace shows the operation as a success and the error is missing from it.',
      missingErrorStatus:
        'This `catch` records the exception on span `{{name}}` but leaves its status unset, so trace backends count the operation as a success. Add `{{name}}.setStatus({ code: SpanStatusCode.ERROR })`.',
      missingException:
        'This `catch` sets an error status on span `{{name}}` but does not record the exception, so the trace lacks the error type, message and stack. Add `{{name}}.recordException(error)`.',
    },
  },
  create(context) {
    const { text } = context.sourceCode;
    if (!text.includes('startSpan') && !text.includes('startActiveSpan')) return {};
    const spans: LiveSpan[] = [];

    return {
      CallExpression(node): void {
        const callee = node.callee.type === AST_NODE_TYPES.ChainExpression ? node.callee.expression : node.callee;
        if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
        const method = getStaticPropertyName(callee);
        if (method !== 'startSpan' && method !== 'startActiveSpan') return;
        const binding = getSpanBinding(context, node);
        const identifier = binding?.variable?.identifiers[0];
        if (!binding || !identifier) return;
        const owner = binding.kind === 'startActiveSpan' ? binding.owner : getEnclosingFunction(node);
        spans.push({ name: identifier.name, owner, from: binding.kind === 'startActiveSpan' ? identifier.range[1] : node.range[1] });
      },
      CatchClause(node): void {
        if (spans.length === 0) return;
        const owner = getEnclosingFunction(node);
        const tryStatement = node.parent;
        const span = spans.findLast((candidate) => candidate.owner === owner && candidate.from <= tryStatement.range[0]);
        if (!span) return;
        const recording = getRecording(context, node.body, span.name);
        if (recording.delegated || !recording.fails || (recording.exception && recording.status)) return;
        // A rethrow caught by an enclosing `catch` of the same span is recorded there.
        if (recording.rethrows && isInsideTry(tryStatement, owner, span.from)) return;
        const messageId = recording.exception ? 'missingErrorStatus' : recording.status ? 'missingException' : 'missingErrorRecording';
        const keyword = context.sourceCode.getFirstToken(node);
        context.report({ loc: keyword ? keyword.loc : node.loc, messageId, data: { name: span.name } });
      },
    };
  },
});

/**
 * What the `catch` does about the span: records the exception, sets an error status, hands the
 * span to a helper, and whether it treats the failure as one (rethrows or logs at error level).
 */
function getRecording(context: Context, body: TSESTree.BlockStatement, name: string): Recording & { rethrows: boolean } {
  const result = { exception: false, status: false, delegated: false, fails: false, rethrows: false };
  const { visitorKeys } = context.sourceCode;
  const stack: TSESTree.Node[] = [body];
  while (stack.length > 0) {
    const node = stack.pop() as TSESTree.Node;
    if (node !== body && isFunctionNode(node)) continue;
    if (node.type === AST_NODE_TYPES.ThrowStatement) {
      result.fails = true;
      result.rethrows = true;
    }
    if (node.type === AST_NODE_TYPES.CallExpression) readCall(context, node, name, result);
    for (const key of visitorKeys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      for (const child of Array.isArray(value) ? value : [value]) if (isNode(child)) stack.push(child);
    }
  }
  return result;
}

function readCall(context: Context, node: TSESTree.CallExpression, name: string, result: Recording): void {
  const spanCall = getSpanCall(context, node);
  if (spanCall?.kind === 'recordException') result.exception = true;
  // A status computed at runtime may well be ERROR: trust it.
  if (spanCall?.kind === 'setStatus' && spanCall.statusCode !== 'OK' && spanCall.statusCode !== 'UNSET') result.status = true;
  if (spanCall) return;
  // `recordSpanError(span, err)`: a helper does the recording.
  if (node.arguments.some((argument) => argument.type === AST_NODE_TYPES.Identifier && argument.name === name)) result.delegated = true;
  const log = getLogCall(context, node);
  if (log && (log.level === 'error' || log.level === 'fatal')) result.fails = true;
}

/** The `try` is nested in another `try` block (not its `catch`/`finally`) of the same function, after the span started. */
function isInsideTry(node: TSESTree.Node, owner: FunctionNode | undefined, from: number): boolean {
  let child: TSESTree.Node = node;
  for (let current = node.parent; current && current !== owner; current = current.parent) {
    if (current.type === AST_NODE_TYPES.TryStatement && current.block === child && current.handler && current.range[0] >= from) return true;
    child = current;
  }
  return false;
}

function isFunctionNode(node: TSESTree.Node): node is FunctionNode {
  return (
    node.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionDeclaration
  );
}
