import {
  allowOptionSchema,
  AST_NODE_TYPES,
  type ErrorHandler,
  getErrorHandler,
  getLogCall,
  getOrigin,
  getStaticPropertyName,
  isAcknowledgedHandler,
  isExpectedFailure,
  isInTestFile,
  isNode,
  type TSESLint,
  type TSESTree,
  unwrapExpression,
} from '@prodready/eslint-rule-kit';

import { createRule } from '../create-rule.js';

export type Options = [{ allow: string[]; checkNullFallbacks: boolean }];
export type MessageIds = 'emptyCatch' | 'fallbackWithoutError' | 'logWithoutError' | 'successOnFailure';

const FAILURE_KEYS = new Set(['error', 'errors', 'err']);
const NULLISH_FALLBACKS = new Set(['null', 'undefined', 'false']);

export default createRule<Options, MessageIds>({
  name: 'no-swallowed-error',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow catching an asynchronous failure without logging, reporting or rethrowing it',
      recommended: 'recommended',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allow: {
            ...allowOptionSchema,
            description: 'Function or method names whose failures may be ignored (matched on the last name of each call guarded by the `try` or `.catch`).',
          },
          checkNullFallbacks: {
            type: 'boolean',
            description:
              'Also report failures turned into `null`, `undefined` or `false` (`.catch(() => null)`), which code often checks next as "not found".',
          },
        },
      },
    ],
    defaultOptions: [{ allow: [], checkNullFallbacks: false }],
    messages: {
      emptyCatch:
        'This `catch` discards the error without logging, reporting or rethrowing it, so the failure never reaches the logs and the caller carries on as if it succeeded.',
      fallbackWithoutError:
        'This `catch` turns the failure into `{{value}}` without logging or rethrowing it, so callers cannot tell "nothing there" from "it broke" and the cause is lost.',
      logWithoutError:
        'This `catch` only prints a fixed message at `{{level}}` level and drops the error, so the failure is not recorded as an error and its cause and stack are lost.',
      successOnFailure:
        'This `catch` answers a failed request with a success status, so clients, retries and uptime monitors count the failure as a success. Send an error status such as 500 and log the error.',
    },
  },
  create(context, [{ allow, checkNullFallbacks }]) {
    const { text } = context.sourceCode;
    if (isInTestFile(context) || (!text.includes('catch') && !text.includes('then'))) return {};
    const allowed = new Set(allow);

    function check(node: TSESTree.Node): void {
      const handler = getErrorHandler(context, node);
      if (!handler) return;
      // Any use of the error (log, report, inspect `e.code`, forward, wrap) is handling it.
      if (handler.error && handler.error.references.length > 0) return;
      if (!isAsyncFailure(context, handler) || isAcknowledgedHandler(context, handler)) return;
      if (isExpectedFailure(context, handler, allowed)) return;
      const shape = getSwallowShape(context, handler);
      if (!shape) return;
      const head = getHeadLocation(context, handler);
      switch (shape.kind) {
        case 'success':
          context.report({ node: shape.node, messageId: 'successOnFailure' });
          return;
        case 'log':
          context.report({ node: shape.node, messageId: 'logWithoutError', data: { level: shape.level } });
          return;
        case 'fallback':
          // `await save().catch(() => null);` throws the fallback away: it is an empty catch.
          if (isValueUnused(handler)) context.report({ loc: head, messageId: 'emptyCatch' });
          // `const user = await find().catch(() => null); if (!user) …` is usually a deliberate "not found".
          else if (!checkNullFallbacks && NULLISH_FALLBACKS.has(shape.value)) return;
          else context.report({ loc: head, messageId: 'fallbackWithoutError', data: { value: shape.value } });
          return;
        case 'empty':
          context.report({ loc: head, messageId: 'emptyCatch' });
      }
    }

    return {
      CatchClause: check,
      'CallExpression > ArrowFunctionExpression.arguments': check,
      'CallExpression > FunctionExpression.arguments': check,
    };
  },
});

type Shape =
  | { kind: 'empty' }
  | { kind: 'fallback'; value: string }
  | { kind: 'log'; node: TSESTree.Node; level: string }
  | { kind: 'success'; node: TSESTree.Node };

type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

/**
 * The failure is I/O-like: the `try` block awaits, or a promise rejection is caught.
 * Synchronous fallbacks (`jwt.verify`, `new Date(x).toISOString()`) are usually deliberate.
 */
function isAsyncFailure(context: Context, handler: ErrorHandler): boolean {
  if (handler.node.type !== AST_NODE_TYPES.CatchClause) return true;
  return containsOwn(context, handler.guarded, (node) => node.type === AST_NODE_TYPES.AwaitExpression || (node.type === AST_NODE_TYPES.ForOfStatement && node.await));
}

function getSwallowShape(context: Context, handler: ErrorHandler): Shape | undefined {
  const { body } = handler;
  if (body.type !== AST_NODE_TYPES.BlockStatement) return getExpressionShape(context, body);
  if (body.body.length === 0) {
    // A comment in an empty block documents a deliberate choice (as core `no-empty` accepts).
    return context.sourceCode.getCommentsInside(body).length === 0 ? { kind: 'empty' } : undefined;
  }
  let fallback: Shape | undefined;
  let log: Shape | undefined;
  for (const statement of body.body) {
    if (statement.type === AST_NODE_TYPES.ExpressionStatement) {
      const shape = getExpressionShape(context, statement.expression);
      if (!shape || shape.kind === 'fallback') return undefined;
      if (shape.kind === 'success') return shape;
      log ??= shape;
      continue;
    }
    if (statement.type === AST_NODE_TYPES.ReturnStatement) {
      // A bare `return;` stops the rest of the work: a control decision, not a stand-in value.
      if (!statement.argument) return undefined;
      const shape = getExpressionShape(context, statement.argument);
      if (!shape || shape.kind === 'log') return undefined;
      if (shape.kind === 'success') return shape;
      fallback = shape;
      break;
    }
    return undefined;
  }
  return log ?? fallback;
}

function getExpressionShape(context: Context, input: TSESTree.Node): Shape | undefined {
  const node = unwrapExpression(input);
  const value = getFallbackValue(node);
  if (value !== undefined) return { kind: 'fallback', value };
  if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const log = getLogCall(context, node);
  if (log) {
    // Warn and error logs are seen; whether they carry the error is require-error-object-in-log's job.
    if (log.errorArg || log.level === 'warn' || log.level === 'error' || log.level === 'fatal') return undefined;
    return { kind: 'log', node, level: log.level };
  }
  return isSuccessResponse(context, node) ? { kind: 'success', node } : undefined;
}

/** `null`, `undefined`, `false`, `''`, `[]`, `{}`: an empty answer standing in for a failure. */
function getFallbackValue(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Literal && (node.value === null || node.value === false || node.value === '')) return node.raw;
  if (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined') return 'undefined';
  if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === 'void') return 'undefined';
  if (node.type === AST_NODE_TYPES.ArrayExpression && node.elements.length === 0) return '[]';
  if (node.type === AST_NODE_TYPES.ObjectExpression && node.properties.length === 0) return '{}';
  return undefined;
}

/**
 * `res.json({ success: false })`, `reply.send({ error })`, `NextResponse.json({ error })`:
 * a failure payload sent with the default 200 status.
 */
function isSuccessResponse(context: Context, call: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = getStaticPropertyName(callee);
  if (method !== 'json' && method !== 'send') return false;
  const [payload, init] = call.arguments;
  if (!payload || !isFailurePayload(payload) || init !== undefined) return false;
  const receiver = unwrapExpression(callee.object);
  if (receiver.type !== AST_NODE_TYPES.Identifier) return false; // `res.status(500).json(…)` sets a status
  const origin = getOrigin(context, receiver);
  if (origin) {
    return method === 'json' && ((origin.source === 'next/server' && origin.path.join('.') === 'NextResponse') || (origin.source === 'global' && origin.path.join('.') === 'Response'));
  }
  // A handler's response parameter (`res`, `reply`, Hono's `c`).
  const variable = context.sourceCode.getScope(receiver).references.find((reference) => reference.identifier === receiver)?.resolved;
  return variable?.defs.length === 1 && variable.defs[0]?.type === 'Parameter';
}

function isFailurePayload(input: TSESTree.Node): boolean {
  const node = unwrapExpression(input);
  if (node.type !== AST_NODE_TYPES.ObjectExpression) return false;
  return node.properties.some((property) => {
    if (property.type !== AST_NODE_TYPES.Property) return false;
    const key = getStaticPropertyName(property);
    if (key === undefined) return false;
    if (FAILURE_KEYS.has(key)) return true;
    const value = unwrapExpression(property.value);
    if (value.type !== AST_NODE_TYPES.Literal) return false;
    return ((key === 'success' || key === 'ok') && value.value === false) || (key === 'status' && (value.value === 'error' || value.value === 'failed' || value.value === 'fail'));
  });
}

function isValueUnused(handler: ErrorHandler): boolean {
  if (handler.node.type === AST_NODE_TYPES.CatchClause) return false;
  let node: TSESTree.Node = handler.node.parent;
  while (node.parent?.type === AST_NODE_TYPES.AwaitExpression || node.parent?.type === AST_NODE_TYPES.ChainExpression) node = node.parent;
  return node.parent?.type === AST_NODE_TYPES.ExpressionStatement;
}

/** The `catch` keyword, or the `catch` of `.catch(() => …)`. */
function getHeadLocation(context: Context, handler: ErrorHandler): TSESTree.SourceLocation {
  if (handler.node.type === AST_NODE_TYPES.CatchClause) {
    const token = context.sourceCode.getFirstToken(handler.node);
    if (token) return token.loc;
    return handler.node.loc;
  }
  const callee = (handler.node.parent as TSESTree.CallExpression).callee as TSESTree.MemberExpression;
  return callee.property.loc;
}

/** Walk `root` without entering nested functions; `true` as soon as `test` is. */
function containsOwn(context: Context, root: TSESTree.Node, test: (node: TSESTree.Node) => boolean): boolean {
  const { visitorKeys } = context.sourceCode;
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as TSESTree.Node;
    if (test(node)) return true;
    if (node !== root && isFunction(node)) continue;
    for (const key of visitorKeys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (const child of value) if (isNode(child)) stack.push(child);
      } else if (isNode(value)) {
        stack.push(value);
      }
    }
  }
  return false;
}

function isFunction(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionDeclaration
  );
}

