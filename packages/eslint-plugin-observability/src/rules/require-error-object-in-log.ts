import {
  AST_NODE_TYPES,
  type ErrorHandler,
  getEnclosingErrorHandler,
  getLogCall,
  getStaticPropertyName,
  isAcknowledgedHandler,
  isExpectedFailure,
  isInTestFile,
  type TSESLint,
  type TSESTree,
} from '@prodready/eslint-rule-kit';

import { createRule } from '../create-rule.js';

export type Options = [{ checkLevel: boolean }];
export type MessageIds = 'errorAtLowLevel' | 'missingCatchBinding' | 'missingErrorObject';

const LOW_LEVELS = new Set(['trace', 'debug', 'info', 'log']);
// Properties that still carry the failure's trace; any other (`message`, `code`) is a detail of it.
const TRACE_PROPERTIES = new Set(['stack', 'cause']);

export default createRule<Options, MessageIds>({
  name: 'require-error-object-in-log',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require logging the caught error object, at error level, inside a `catch`',
      recommended: 'recommended',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          checkLevel: {
            type: 'boolean',
            description: 'Also report a caught error logged at `log`, `info`, `debug` or `trace` level.',
          },
        },
      },
    ],
    defaultOptions: [{ checkLevel: false }],
    messages: {
      missingErrorObject:
        'This error log inside a `catch` records a message but not `{{name}}` itself, so the stack trace and cause of the failure never reach the logs. Pass `{{name}}` to the logger.',
      missingCatchBinding:
        'This error log inside a `catch` cannot record the error because the `catch` does not bind it, so the stack trace and cause of the failure never reach the logs. Bind the error and pass it to the logger.',
      errorAtLowLevel:
        'The caught error is logged at `{{level}}` level, so error-level alerts, dashboards and log filters never see this failure. Log it at error level, or at warn when the failure is expected.',
    },
  },
  create(context, [{ checkLevel }]) {
    const { text } = context.sourceCode;
    if (isInTestFile(context) || (!text.includes('catch') && !text.includes('then')) || isClientModule(context)) return {};

    return {
      CallExpression(node): void {
        const callee = node.callee.type === AST_NODE_TYPES.ChainExpression ? node.callee.expression : node.callee;
        if (callee.type !== AST_NODE_TYPES.MemberExpression && callee.type !== AST_NODE_TYPES.Identifier) return;
        const handler = getEnclosingErrorHandler(context, node);
        if (!handler) return;
        const log = getLogCall(context, node);
        if (!log || hasOwnThrow(context, handler) || isExpectedFailure(context, handler)) return;
        const logsError = log.errorArg !== undefined || node.arguments.some((arg) => hasWholeReference(handler, arg));
        if (log.level === 'error' || log.level === 'fatal') {
          if (logsError || isErrorPassedOn(handler, node)) return;
          if (handler.error) {
            context.report({ node, messageId: 'missingErrorObject', data: { name: handler.error.name } });
          } else if (getHandlerParam(handler) === undefined) {
            context.report({ node, messageId: 'missingCatchBinding' });
          }
          return;
        }
        // A low-level log nested under a condition is usually the expected case (`if (e.code === 'ENOENT')`).
        if (
          checkLevel &&
          LOW_LEVELS.has(log.level) &&
          logsError &&
          isTopLevel(handler, node) &&
          !isAcknowledgedHandler(context, handler)
        ) {
          context.report({ node, messageId: 'errorAtLowLevel', data: { level: log.level } });
        }
      },
    };
  },
});

type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

/** A `'use client'` module runs in the browser, where console output never reaches server logs. */
function isClientModule(context: Context): boolean {
  const [first] = context.sourceCode.ast.body;
  return (
    first?.type === AST_NODE_TYPES.ExpressionStatement &&
    first.expression.type === AST_NODE_TYPES.Literal &&
    first.expression.value === 'use client'
  );
}

function getHandlerParam(handler: ErrorHandler): TSESTree.Node | undefined {
  return handler.node.type === AST_NODE_TYPES.CatchClause ? (handler.node.param ?? undefined) : handler.node.params[0];
}

/** A reference to the caught error that is the object, not its text (`err.message`, `${err}`, `String(err)`). */
function isWholeReference(identifier: TSESTree.Node): boolean {
  let node = identifier;
  while (
    node.parent?.type === AST_NODE_TYPES.TSAsExpression ||
    node.parent?.type === AST_NODE_TYPES.TSNonNullExpression ||
    node.parent?.type === AST_NODE_TYPES.TSSatisfiesExpression
  ) {
    node = node.parent;
  }
  const parent = node.parent;
  if (!parent) return false;
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === node) {
    const property = getStaticPropertyName(parent);
    return property !== undefined && TRACE_PROPERTIES.has(property);
  }
  if (parent.type === AST_NODE_TYPES.TemplateLiteral || parent.type === AST_NODE_TYPES.BinaryExpression) return false;
  if (
    parent.type === AST_NODE_TYPES.CallExpression &&
    parent.callee.type === AST_NODE_TYPES.Identifier &&
    parent.callee.name === 'String'
  ) {
    return false;
  }
  return true;
}

function hasWholeReference(handler: ErrorHandler, root: TSESTree.Node): boolean {
  return (handler.error?.references ?? []).some(
    (reference) => isWithin(reference.identifier, root) && isWholeReference(reference.identifier),
  );
}

/** The error object leaves the handler another way: reported, forwarded, returned or wrapped. */
function isErrorPassedOn(handler: ErrorHandler, log: TSESTree.CallExpression): boolean {
  return (handler.error?.references ?? []).some((reference) => {
    const identifier = reference.identifier;
    if (isWithin(identifier, log) || !isWholeReference(identifier)) return false;
    const parent = identifier.parent;
    return (
      parent.type === AST_NODE_TYPES.CallExpression ||
      parent.type === AST_NODE_TYPES.NewExpression ||
      parent.type === AST_NODE_TYPES.ReturnStatement ||
      parent.type === AST_NODE_TYPES.Property ||
      parent.type === AST_NODE_TYPES.ArrowFunctionExpression
    );
  });
}

/** A statement directly in the handler's body (or an arrow handler's expression). */
function isTopLevel(handler: ErrorHandler, node: TSESTree.Node): boolean {
  if (handler.body === node) return true;
  let current: TSESTree.Node = node;
  while (current.parent && current.parent !== handler.body) {
    if (current.parent.type !== AST_NODE_TYPES.AwaitExpression && current.parent.type !== AST_NODE_TYPES.ExpressionStatement) {
      return false;
    }
    current = current.parent;
  }
  return current.parent === handler.body;
}

/** Log-and-rethrow: the error travels on and is recorded where it is finally handled. */
function hasOwnThrow(context: Context, handler: ErrorHandler): boolean {
  const { visitorKeys } = context.sourceCode;
  const stack: TSESTree.Node[] = [handler.body];
  while (stack.length > 0) {
    const node = stack.pop() as TSESTree.Node;
    if (node.type === AST_NODE_TYPES.ThrowStatement) return true;
    if (
      node.type === AST_NODE_TYPES.ArrowFunctionExpression ||
      node.type === AST_NODE_TYPES.FunctionExpression ||
      node.type === AST_NODE_TYPES.FunctionDeclaration
    ) {
      continue;
    }
    for (const key of visitorKeys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      for (const child of Array.isArray(value) ? value : [value]) {
        if (typeof child === 'object' && child !== null && typeof (child as { type?: unknown }).type === 'string') {
          stack.push(child as TSESTree.Node);
        }
      }
    }
  }
  return false;
}

function isWithin(inner: TSESTree.Node, outer: TSESTree.Node): boolean {
  return inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];
}
