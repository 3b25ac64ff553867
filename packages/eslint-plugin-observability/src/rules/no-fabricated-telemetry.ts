import {
  AST_NODE_TYPES,
  getEnclosingFunction,
  getEnclosingRequestHandler,
  getOrigin,
  getStaticPropertyName,
  isInTestFile,
  isOrigin,
  type TSESLint,
  type TSESTree,
  unwrapExpression,
} from '@prodready/eslint-rule-kit';

import { createRule } from '../create-rule.js';

export type Options = [];
export type MessageIds = 'hardCodedTelemetry' | 'randomTelemetry';

type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

// A field that claims to measure the running system.
const METRIC_KEY =
  /^(?:uptime|availability|latency|avgLatency|p\d{2}|responseTimes?|avgResponseTime|cpu(?:Usage|Load)?|memory(?:Usage)?|heap(?:Used)?|load(?:Average)?|throughput|requestsPer(?:Second|Minute)|rps|qps|errorRate|successRate|activeUsers|activeConnections|connections|requests|totalRequests|usage|diskUsage|healthScore|score)$/i;
// A function or route whose name promises telemetry.
const TELEMETRY_NAME = /metrics|stats|statistics|health|uptime|latency|usage|telemetry|analytics|performance|monitor/i;
const RESPONSE_METHODS = new Set(['json', 'send']);

export default createRule<Options, MessageIds>({
  name: 'no-fabricated-telemetry',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow random or hard-coded numbers reported as metrics, stats or health data',
      recommended: 'strict',
    },
    schema: [],
    messages: {
      randomTelemetry:
        '`{{key}}` is reported from `Math.random()`, so dashboards, alerts and status pages show invented numbers and a real outage looks normal. Measure it (a histogram, `process.uptime()`, a database query) or leave the field out.',
      hardCodedTelemetry:
        '`{{key}}` is reported as the hard-coded number `{{value}}`, so dashboards, alerts and status pages show the same value whatever the system does and a real outage looks normal. Measure it or leave the field out.',
    },
  },
  create(context) {
    if (isInTestFile(context)) return {};
    const hasRandom = context.sourceCode.text.includes('random');
    return {
      Property(node): void {
        if (node.parent.type !== AST_NODE_TYPES.ObjectExpression) return;
        const key = getStaticPropertyName(node);
        if (key === undefined || !METRIC_KEY.test(key)) return;
        const value = unwrapExpression(node.value);
        const random = hasRandom && containsRandom(context, value);
        const literal = !random && isFabricatedNumber(value);
        if (!random && !literal) return;
        if (!isReported(node.parent)) return;
        const scope = getTelemetryScope(context, node);
        if (!scope || (literal && scope !== 'named')) return;
        context.report(
          random
            ? { node: node.value, messageId: 'randomTelemetry', data: { key } }
            : { node: node.value, messageId: 'hardCodedTelemetry', data: { key, value: context.sourceCode.getText(value) } },
        );
      },
    };
  },
});

function isFabricatedNumber(node: TSESTree.Node): boolean {
  // 0 and 1 are starting values and flags more often than claims.
  return node.type === AST_NODE_TYPES.Literal && typeof node.value === 'number' && node.value !== 0 && node.value !== 1;
}

function containsRandom(context: Context, node: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.CallExpression:
      return (
        isOrigin(getOrigin(context, node.callee), { source: 'global', path: ['Math', 'random'] }) ||
        node.arguments.some((argument) => containsRandom(context, argument))
      );
    case AST_NODE_TYPES.BinaryExpression:
      return containsRandom(context, node.left) || containsRandom(context, node.right);
    case AST_NODE_TYPES.UnaryExpression:
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
      return containsRandom(context, 'argument' in node ? node.argument : node.expression);
    case AST_NODE_TYPES.ConditionalExpression:
      return containsRandom(context, node.consequent) || containsRandom(context, node.alternate);
    default:
      return false;
  }
}

/** `true` when the object is what the function returns or sends: `return {…}`, `() => ({…})`, `res.json({…})`. */
function isReported(object: TSESTree.ObjectExpression): boolean {
  let current: TSESTree.Node = object;
  while (
    current.parent &&
    (current.parent.type === AST_NODE_TYPES.Property ||
      current.parent.type === AST_NODE_TYPES.ObjectExpression ||
      current.parent.type === AST_NODE_TYPES.ArrayExpression ||
      current.parent.type === AST_NODE_TYPES.TSAsExpression ||
      current.parent.type === AST_NODE_TYPES.TSSatisfiesExpression)
  ) {
    current = current.parent;
  }
  const parent = current.parent;
  if (!parent) return false;
  if (parent.type === AST_NODE_TYPES.ReturnStatement) return true;
  if (parent.type === AST_NODE_TYPES.ArrowFunctionExpression) return parent.body === current;
  if (parent.type !== AST_NODE_TYPES.CallExpression || !parent.arguments.includes(current as TSESTree.CallExpressionArgument)) {
    return false;
  }
  const callee = unwrapExpression(parent.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = getStaticPropertyName(callee);
  return method !== undefined && RESPONSE_METHODS.has(method);
}

/**
 * `'named'` inside a function or route whose name claims telemetry (`getStats`, `GET /metrics`), `'handler'` inside
 * any other request handler, `undefined` elsewhere.
 */
function getTelemetryScope(context: Context, node: TSESTree.Node): 'handler' | 'named' | undefined {
  const fn = getEnclosingFunction(node);
  if (!fn) return undefined;
  const name = getFunctionName(fn);
  if (name && TELEMETRY_NAME.test(name)) return 'named';
  const handler = getEnclosingRequestHandler(context, node);
  if (!handler) return undefined;
  return handler.route && TELEMETRY_NAME.test(handler.route) ? 'named' : 'handler';
}

function getFunctionName(fn: TSESTree.Node): string | undefined {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return fn.id?.name;
  const parent = fn.parent;
  if (!parent) return undefined;
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
  if (parent.type === AST_NODE_TYPES.MethodDefinition || parent.type === AST_NODE_TYPES.Property) {
    return getStaticPropertyName(parent);
  }
  return undefined;
}
