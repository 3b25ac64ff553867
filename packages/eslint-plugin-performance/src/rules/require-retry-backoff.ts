import {
  AST_NODE_TYPES,
  getLogCall,
  getStaticPropertyName,
  isFunctionLike,
  isInTestFile,
  isNode,
  type TSESTree,
  unwrapExpression,
} from '@prodready/eslint-rule-kit';

import { createRule } from '../create-rule.js';

export type Options = [];
export type MessageIds = 'missingAttemptBound' | 'missingBackoff' | 'unloggedFailure';

type RetryLoop = TSESTree.DoWhileStatement | TSESTree.ForStatement | TSESTree.WhileStatement;

// Names of pacing calls (`sleep`, `delay`, `setTimeout`, `backoff`, `wait`): any one of them paces the attempts.
const DELAY_NAME = /^(?:sleep|delay|wait|pause|backoff|throttle|setTimeout|retryAfter)/i;

export default createRule<Options, MessageIds>({
  name: 'require-retry-backoff',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require retry loops to wait between attempts, stop after a bounded number and log each failure',
      recommended: 'strict',
    },
    schema: [],
    messages: {
      missingBackoff:
        'This retry loop tries again immediately after a failure: a struggling upstream receives a burst of identical requests exactly when it is overloaded, which turns a blip into an outage. Wait between attempts with exponential backoff and jitter (or use `p-retry`).',
      missingAttemptBound:
        'This retry loop has no attempt limit: when the upstream stays down, the request (or worker) spins forever instead of failing. Count the attempts and rethrow after a maximum.',
      unloggedFailure:
        'This retry loop swallows each failure without logging it: when the upstream degrades, the only symptom is slowness and nobody can see why. Log the error (with the attempt number) before retrying.',
    },
  },
  create(context) {
    if (isInTestFile(context) || !context.sourceCode.text.includes('catch')) return {};

    const check = (loop: RetryLoop): void => {
      const handler = getRetryHandler(loop);
      if (!handler) return;
      const loc = context.sourceCode.getFirstToken(loop)?.loc ?? loop.loc;
      if (!hasDelay(loop.body) && !(loop.type === AST_NODE_TYPES.ForStatement && loop.update && hasDelay(loop.update))) {
        context.report({ node: loop, loc, messageId: 'missingBackoff' });
      }
      if (isUnbounded(loop) && !hasExit(handler.body)) {
        context.report({ node: loop, loc, messageId: 'missingAttemptBound' });
      }
      if (!hasExit(handler.body) && !someNode(handler.body, (node) => isLogCall(context, node))) {
        context.report({ node: loop, loc, messageId: 'unloggedFailure' });
      }
    };

    return {
      WhileStatement: check,
      DoWhileStatement: check,
      ForStatement: check,
    };
  },
});

/**
 * The `catch` clause that makes `loop` a retry loop: a `try` directly in the body whose block
 * awaits something and leaves the loop on success (`return`, `break`), and whose handler does
 * not leave it on every failure. Loops over a collection (`for…of`) handle items, not attempts.
 */
function getRetryHandler(loop: RetryLoop): TSESTree.CatchClause | undefined {
  if (loop.body.type !== AST_NODE_TYPES.BlockStatement || isOverCollection(loop)) return undefined;
  for (const statement of loop.body.body) {
    if (statement.type !== AST_NODE_TYPES.TryStatement || !statement.handler) continue;
    const awaits = someNode(statement.block, (node) => node.type === AST_NODE_TYPES.AwaitExpression);
    if (!awaits || !leavesLoop(statement.block)) continue;
    if (alwaysExits(statement.handler.body)) continue;
    return statement.handler;
  }
  return undefined;
}

/** `for (let i = 0; i < nodes.length; i++)`: failover through a list, not attempts at one call. */
function isOverCollection(loop: RetryLoop): boolean {
  const test = loop.type === AST_NODE_TYPES.ForStatement && loop.test ? unwrapExpression(loop.test) : undefined;
  if (test?.type !== AST_NODE_TYPES.BinaryExpression) return false;
  const bound = unwrapExpression(test.right);
  if (bound.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = getStaticPropertyName(bound);
  return name === 'length' || name === 'size';
}

/** An unlabelled `break` or a `return` not nested in an inner loop or switch. */
function leavesLoop(block: TSESTree.BlockStatement): boolean {
  const visit = (node: TSESTree.Node, nested: boolean): boolean => {
    if (isFunctionLike(node)) return false;
    if (node.type === AST_NODE_TYPES.ReturnStatement) return true;
    if (node.type === AST_NODE_TYPES.BreakStatement) return node.label !== null || !nested;
    const inner = nested || isLoopOrSwitch(node);
    return children(node).some((child) => visit(child, inner));
  };
  return visit(block, false);
}

function isLoopOrSwitch(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.ForStatement ||
    node.type === AST_NODE_TYPES.ForOfStatement ||
    node.type === AST_NODE_TYPES.ForInStatement ||
    node.type === AST_NODE_TYPES.WhileStatement ||
    node.type === AST_NODE_TYPES.DoWhileStatement ||
    node.type === AST_NODE_TYPES.SwitchStatement
  );
}

/** The handler's last statement throws, returns or breaks: every failure leaves the loop. */
function alwaysExits(body: TSESTree.BlockStatement): boolean {
  const last = body.body.at(-1);
  return (
    last?.type === AST_NODE_TYPES.ThrowStatement ||
    last?.type === AST_NODE_TYPES.ReturnStatement ||
    last?.type === AST_NODE_TYPES.BreakStatement
  );
}

/** A conditional `throw`, `return` or `break` in the handler: failures stop the loop at some point. */
function hasExit(body: TSESTree.BlockStatement): boolean {
  return someNode(
    body,
    (node) =>
      node.type === AST_NODE_TYPES.ThrowStatement ||
      node.type === AST_NODE_TYPES.ReturnStatement ||
      node.type === AST_NODE_TYPES.BreakStatement,
  );
}

/** `while (true)`, `for (;;)`, `do … while (true)`: the loop condition never ends the retries. */
function isUnbounded(loop: RetryLoop): boolean {
  const test = loop.test && unwrapExpression(loop.test);
  return !test || (test.type === AST_NODE_TYPES.Literal && test.value === true);
}

function hasDelay(root: TSESTree.Node): boolean {
  return someNode(root, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression) return false;
    const callee = unwrapExpression(node.callee);
    const name =
      callee.type === AST_NODE_TYPES.Identifier
        ? callee.name
        : callee.type === AST_NODE_TYPES.MemberExpression
          ? getStaticPropertyName(callee)
          : undefined;
    return name !== undefined && DELAY_NAME.test(name);
  });
}

function isLogCall(context: Parameters<typeof getLogCall>[0], node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.CallExpression && getLogCall(context, node) !== undefined;
}

/** Whether `test` holds for `root` or a node under it in the same function. */
function someNode(root: TSESTree.Node, test: (node: TSESTree.Node) => boolean): boolean {
  const visit = (node: TSESTree.Node): boolean => {
    if (node !== root && isFunctionLike(node) && !isPromiseExecutor(node)) return false;
    return test(node) || children(node).some(visit);
  };
  return visit(root);
}

/** `new Promise((resolve) => setTimeout(resolve, ms))` runs its executor right away. */
function isPromiseExecutor(node: TSESTree.Node): boolean {
  return node.parent?.type === AST_NODE_TYPES.NewExpression && node.parent.arguments[0] === node;
}

function children(node: TSESTree.Node): TSESTree.Node[] {
  const result: TSESTree.Node[] = [];
  for (const key of Object.keys(node) as Array<keyof typeof node>) {
    if (key === 'parent') continue;
    const value = node[key] as unknown;
    for (const child of Array.isArray(value) ? value : [value]) {
      if (isNode(child)) result.push(child);
    }
  }
  return result;
}
