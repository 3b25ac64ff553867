import {
  AST_NODE_TYPES,
  findVariable,
  getOrigin,
  getStaticPropertyName,
  isErrorBinding,
  isInTestFile,
  isOrigin,
  type TSESLint,
  type TSESTree,
  unwrapExpression,
} from '@prodready/eslint-rule-kit';

import { createRule } from '../create-rule.js';

export type Options = [];
export type MessageIds = 'errorDetailLeak' | 'stackLeak';

type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

const SEND_METHODS = new Set(['json', 'send', 'end']);
const STATUS_METHODS = new Set(['status', 'code', 'sendStatus']);
// A branch on one of these decides which errors are safe to show or whether this is a development build.
const DECIDING_CONDITION =
  /instanceof|NODE_ENV|isProd|isDev|production|development|\bdev\b|\.status\b|statusCode|\.expose\b|isOperational|\.name\b|\.code\b|isAxiosError|isHttpError/i;
const MAX_DEPTH = 4;

export default createRule<Options, MessageIds>({
  name: 'no-error-detail-leak',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow sending stack traces and raw server error messages to clients',
      recommended: 'recommended',
    },
    schema: [],
    messages: {
      stackLeak:
        'The stack trace of a caught error is sent to the client: it reveals file paths, library versions and code structure to anyone who can trigger an error. Log it on the server and send a fixed message.',
      errorDetailLeak:
        'The raw message of a caught error is sent with a 5xx status: database, driver and library errors reveal table names, queries, hosts and internal state. Log the error and send a fixed message.',
    },
  },
  create(context) {
    if (isInTestFile(context) || !/\.(?:stack|message)\b|String\(|json|send/.test(context.sourceCode.text)) return {};

    function checkPayload(payload: TSESTree.Node, status: number | undefined, depth = 0): void {
      if (depth > MAX_DEPTH) return;
      const value = unwrapExpression(payload);
      switch (value.type) {
        case AST_NODE_TYPES.ObjectExpression:
          for (const property of value.properties) {
            checkPayload(property.type === AST_NODE_TYPES.Property ? property.value : property.argument, status, depth + 1);
          }
          return;
        case AST_NODE_TYPES.TemplateLiteral:
          for (const expression of value.expressions) checkPayload(expression, status, depth + 1);
          return;
        case AST_NODE_TYPES.BinaryExpression:
          checkPayload(value.left, status, depth + 1);
          checkPayload(value.right, status, depth + 1);
          return;
        case AST_NODE_TYPES.LogicalExpression:
          checkPayload(value.left, status, depth + 1);
          checkPayload(value.right, status, depth + 1);
          return;
        default:
          checkLeak(value, status);
      }
    }

    function checkLeak(node: TSESTree.Node, status: number | undefined): void {
      const error = getLeakedError(node);
      if (!error || !isCaughtError(context, error.binding) || isDecided(context, node)) return;
      if (error.kind === 'stack') {
        context.report({ node, messageId: 'stackLeak' });
      } else if (status !== undefined && status >= 500) {
        context.report({ node, messageId: 'errorDetailLeak' });
      }
    }

    return {
      CallExpression(node): void {
        const { callee } = node;
        if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
        const method = getStaticPropertyName(callee);
        const [payload, init] = node.arguments;
        if (method === undefined || !payload) return;
        // `NextResponse.json(body, { status: 500 })`, `Response.json(body, init)`, Hono `c.json(body, 500)`
        if (method === 'json' && init) {
          const status = getInitStatus(init);
          const origin = getOrigin(context, callee);
          if (
            isOrigin(origin, { source: 'next/server', path: ['NextResponse', 'json'] }) ||
            isOrigin(origin, { source: 'global', path: ['Response', 'json'] }) ||
            status !== undefined
          ) {
            checkPayload(payload, status);
            return;
          }
        }
        if (!SEND_METHODS.has(method)) return;
        // `res.status(500).json(body)`, `reply.code(500).send(body)`, `res.json(body)`
        const receiver = unwrapExpression(callee.object);
        const statusCall =
          receiver.type === AST_NODE_TYPES.CallExpression &&
          receiver.callee.type === AST_NODE_TYPES.MemberExpression &&
          STATUS_METHODS.has(getStaticPropertyName(receiver.callee) ?? '')
            ? receiver
            : undefined;
        const root = statusCall ? unwrapExpression((statusCall.callee as TSESTree.MemberExpression).object) : receiver;
        // The response is a handler parameter (`res`, `reply`, `c`); `process.send(…)` is IPC, not a response.
        if (root.type === AST_NODE_TYPES.Identifier ? !isParameter(context, root) : root.type !== AST_NODE_TYPES.MemberExpression) return;
        const status = statusCall?.arguments[0] && getNumber(statusCall.arguments[0]);
        checkPayload(payload, status);
      },
    };
  },
});

interface LeakedError {
  readonly kind: 'stack' | 'detail';
  readonly binding: TSESTree.Identifier;
}

/** `err.stack`, `err.message`, `String(err)`, `err.toString()`, `` `${err}` `` or `err` itself. */
function getLeakedError(node: TSESTree.Node): LeakedError | undefined {
  if (node.type === AST_NODE_TYPES.Identifier) return { kind: 'detail', binding: node };
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    const object = unwrapExpression(node.object);
    const property = getStaticPropertyName(node);
    if (object.type !== AST_NODE_TYPES.Identifier) return undefined;
    if (property === 'stack') return { kind: 'stack', binding: object };
    if (property === 'message') return { kind: 'detail', binding: object };
    return undefined;
  }
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const [argument] = node.arguments;
    if (node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'String' && argument) {
      const value = unwrapExpression(argument);
      return value.type === AST_NODE_TYPES.Identifier ? { kind: 'detail', binding: value } : undefined;
    }
    if (node.callee.type === AST_NODE_TYPES.MemberExpression && getStaticPropertyName(node.callee) === 'toString') {
      const object = unwrapExpression(node.callee.object);
      return object.type === AST_NODE_TYPES.Identifier ? { kind: 'detail', binding: object } : undefined;
    }
  }
  return undefined;
}

/** A `catch (err)` / `.catch(err => …)` binding, or the first parameter of Express error middleware `(err, req, res, next)`. */
function isCaughtError(context: Context, id: TSESTree.Identifier): boolean {
  if (isErrorBinding(context, id)) return true;
  const variable = findVariable(context, id);
  const def = variable?.defs[0];
  if (variable?.defs.length !== 1 || def?.type !== 'Parameter') return false;
  const fn = def.node;
  if (
    (fn.type !== AST_NODE_TYPES.FunctionExpression &&
      fn.type !== AST_NODE_TYPES.ArrowFunctionExpression &&
      fn.type !== AST_NODE_TYPES.FunctionDeclaration) ||
    fn.params.length !== 4 ||
    fn.params[0] !== def.name
  ) {
    return false;
  }
  // Registered with `app.use(…)`/`router.use(…)`, or a declared function: Express recognises it by its arity.
  const { parent } = fn;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return true;
  if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee.type === AST_NODE_TYPES.MemberExpression) {
    return getStaticPropertyName(parent.callee) === 'use';
  }
  return parent.type === AST_NODE_TYPES.VariableDeclarator;
}

function isParameter(context: Context, id: TSESTree.Identifier): boolean {
  const variable = findVariable(context, id);
  return variable?.defs.length === 1 && variable.defs[0]?.type === 'Parameter';
}

/** Inside a branch that tells safe errors from others, or development from production. */
function isDecided(context: Context, node: TSESTree.Node): boolean {
  for (let current: TSESTree.Node | undefined = node; current; current = current.parent) {
    const parent: TSESTree.Node | undefined = current.parent;
    if (!parent) return false;
    if (
      (parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) &&
      parent.test !== current &&
      DECIDING_CONDITION.test(context.sourceCode.getText(parent.test))
    ) {
      return true;
    }
    if (parent.type === AST_NODE_TYPES.LogicalExpression && parent.right === current && DECIDING_CONDITION.test(context.sourceCode.getText(parent.left))) {
      return true;
    }
    if (parent.type === AST_NODE_TYPES.CatchClause || parent.type === AST_NODE_TYPES.Program) return false;
    if (parent.type === AST_NODE_TYPES.FunctionDeclaration || parent.type === AST_NODE_TYPES.FunctionExpression || parent.type === AST_NODE_TYPES.ArrowFunctionExpression) {
      // An error middleware decides in its own body; a `.catch` callback too.
      if (parent.params.length === 4 || parent.parent.type === AST_NODE_TYPES.CallExpression) return false;
    }
  }
  return false;
}

function getNumber(node: TSESTree.Node): number | undefined {
  const value = unwrapExpression(node);
  return value.type === AST_NODE_TYPES.Literal && typeof value.value === 'number' ? value.value : undefined;
}

/** `500` or `{ status: 500 }`. */
function getInitStatus(node: TSESTree.Node): number | undefined {
  const value = unwrapExpression(node);
  if (value.type !== AST_NODE_TYPES.ObjectExpression) return getNumber(value);
  for (const property of value.properties) {
    if (property.type === AST_NODE_TYPES.Property && getStaticPropertyName(property) === 'status') return getNumber(property.value);
  }
  return undefined;
}
