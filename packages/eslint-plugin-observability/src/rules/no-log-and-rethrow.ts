import {
  AST_NODE_TYPES,
  getEnclosingFunction,
  getEnclosingRequestHandler,
  getErrorHandler,
  getLogCall,
  getOrigin,
  isCommandLineModule,
  isInTestFile,
  type TSESLint,
  type TSESTree,
  unwrapExpression,
} from '@prodready/eslint-rule-kit';

import { createRule } from '../create-rule.js';

export type Options = [];
export type MessageIds = 'logAndRethrow';

type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

// Job runners: a catch in the job callback is the boundary, where logging before the runner retries is the record.
const JOB_SOURCES = new Set([
  'bullmq', 'bull', 'bee-queue', 'agenda', 'pg-boss', 'node-cron', 'cron', 'node-schedule', 'graphile-worker',
  'inngest', '@trigger.dev/sdk', 'kafkajs', 'amqplib',
]);
const QUIET_LEVELS = new Set(['debug', 'trace']);

export default createRule<Options, MessageIds>({
  name: 'no-log-and-rethrow',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow logging a caught error and then rethrowing it unchanged',
      recommended: 'strict',
    },
    schema: [],
    messages: {
      logAndRethrow:
        'This catch logs `{{name}}` and then rethrows it unchanged, so the caller (and the error handler at the top) logs the same failure again: one incident becomes several error records with different stacks and alert counts. Either handle it here, or rethrow with context (`throw new AppError(\'…\', { cause: {{name}} })`) and let the boundary log it once.',
    },
  },
  create(context) {
    if (!context.sourceCode.text.includes('throw') || isInTestFile(context) || isCommandLineModule(context)) return {};
    return {
      'CatchClause > BlockStatement ThrowStatement'(node: TSESTree.ThrowStatement): void {
        if (!node.argument) return;
        const thrown = unwrapExpression(node.argument);
        if (thrown.type !== AST_NODE_TYPES.Identifier) return;
        const catchClause = getEnclosingCatch(node);
        if (!catchClause) return;
        const handler = getErrorHandler(context, catchClause);
        const error = handler?.error;
        if (!error || !error.references.some((reference) => reference.identifier === thrown)) return;
        if (isBoundary(context, catchClause)) return;
        const log = getLoggingCall(context, error, catchClause, node);
        if (!log) return;
        context.report({ node: log.callee, messageId: 'logAndRethrow', data: { name: thrown.name } });
      },
    };
  },
});

/** The catch clause whose body runs `node` directly, not from a nested function. */
function getEnclosingCatch(node: TSESTree.Node): TSESTree.CatchClause | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.CatchClause) return current;
    if (
      current.type === AST_NODE_TYPES.ArrowFunctionExpression ||
      current.type === AST_NODE_TYPES.FunctionExpression ||
      current.type === AST_NODE_TYPES.FunctionDeclaration
    ) {
      return undefined;
    }
  }
  return undefined;
}

/** A log call before `rethrow`, in the same catch, that writes the error (`logger.error(err)`, `{ err }`, `err.message`). */
function getLoggingCall(
  context: Context,
  error: TSESLint.Scope.Variable,
  catchClause: TSESTree.CatchClause,
  rethrow: TSESTree.ThrowStatement,
): TSESTree.CallExpression | undefined {
  for (const reference of error.references) {
    const { identifier } = reference;
    if (identifier.range[0] >= rethrow.range[0]) continue;
    for (let current: TSESTree.Node | undefined = identifier.parent; current && current !== catchClause; current = current.parent) {
      if (
        current.type === AST_NODE_TYPES.ArrowFunctionExpression ||
        current.type === AST_NODE_TYPES.FunctionExpression ||
        current.type === AST_NODE_TYPES.FunctionDeclaration
      ) {
        break;
      }
      if (current.type !== AST_NODE_TYPES.CallExpression) continue;
      if (!current.arguments.some((argument) => isWithin(identifier, argument)) || !isErrorWritten(identifier)) continue;
      const log = getLogCall(context, current);
      if (log && !QUIET_LEVELS.has(log.level) && getEnclosingCatch(current) === catchClause && isOnPathTo(current, rethrow)) {
        return current;
      }
    }
  }
  return undefined;
}

/**
 * The catch is where the failure leaves the code: module top level, a request handler (the last place with the
 * request's context) or a job callback handed to a queue or scheduler.
 */
function isBoundary(context: Context, catchClause: TSESTree.CatchClause): boolean {
  const fn = getEnclosingFunction(catchClause);
  if (!fn) return true;
  if (getEnclosingRequestHandler(context, catchClause)?.node === fn) return true;
  const parent = fn.parent;
  if (parent.type !== AST_NODE_TYPES.CallExpression && parent.type !== AST_NODE_TYPES.NewExpression) return false;
  const origin = getOrigin(context, parent.callee);
  return origin !== undefined && JOB_SOURCES.has(origin.source);
}

/** The reference writes the error itself: `err`, `{ err }`, `{ error: err }`, `err.message`, `err.stack`. */
function isErrorWritten(reference: TSESTree.Node): boolean {
  const parent = reference.parent;
  if (!parent) return false;
  if (parent.type === AST_NODE_TYPES.CallExpression) return true;
  if (parent.type === AST_NODE_TYPES.Property) return parent.value === reference;
  if (parent.type === AST_NODE_TYPES.TSAsExpression) return isErrorWritten(parent);
  if (parent.type !== AST_NODE_TYPES.MemberExpression || parent.object !== reference) return false;
  const name = parent.property.type === AST_NODE_TYPES.Identifier ? parent.property.name : undefined;
  return name === 'message' || name === 'stack';
}

/** The log runs before the rethrow on the same path: the block holding the log also holds the throw. */
function isOnPathTo(log: TSESTree.Node, rethrow: TSESTree.Node): boolean {
  let block: TSESTree.Node | undefined = log.parent;
  while (block && block.type !== AST_NODE_TYPES.BlockStatement) block = block.parent;
  return block !== undefined && isWithin(rethrow, block);
}

function isWithin(inner: TSESTree.Node, outer: TSESTree.Node): boolean {
  return inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];
}
