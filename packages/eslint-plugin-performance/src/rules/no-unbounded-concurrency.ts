import {
  allowOptionSchema,
  AST_NODE_TYPES,
  findVariable,
  getDataAccess,
  getEnclosingRequestHandler,
  getHttpRequest,
  getOrigin,
  getStaticPropertyName,
  isFunctionLike,
  isInTestFile,
  isNode,
  type TSESLint,
  type TSESTree,
  unwrapExpression,
} from '@prodready/eslint-rule-kit';

import { createRule } from '../create-rule.js';
import { isScriptFile } from '../is-script-file.js';

export type Options = [{ allow: string[] }];
export type MessageIds = 'unboundedConcurrency';

type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;
type IoKind = 'HTTP request' | 'database write' | 'file operation';

const COMBINATORS = new Set(['all', 'allSettled']);
const MAP_METHODS = new Set(['map', 'flatMap']);
/** Array methods that keep a list at most as long as the one they are called on. */
const SHRINKING_METHODS = new Set(['filter', 'map', 'flatMap', 'sort', 'reverse', 'toSorted', 'toReversed', 'with']);
const SLICING_METHODS = new Set(['slice', 'splice']);
/** Libraries that cap how many tasks run at once. */
const LIMITERS = new Set([
  'p-limit', 'p-queue', 'p-throttle', 'bottleneck', 'async-sema', '@supercharge/promise-pool', 'limiter', 'async',
]);
const FS_SOURCES = new Set(['fs', 'fs/promises']);
const READ_SQL = /^\s*(?:\(\s*)?(?:select|with)\b/i;
const MAX_DEPTH = 4;

export default createRule<Options, MessageIds>({
  name: 'no-unbounded-concurrency',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow starting one I/O operation per item of an unbounded list at once with `Promise.all`',
      recommended: 'strict',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allow: {
            ...allowOptionSchema,
            description: 'Names of lists (`regions`, `this.shards`, as written) known to stay small.',
          },
        },
      },
    ],
    defaultOptions: [{ allow: [] }],
    messages: {
      unboundedConcurrency:
        '`Promise.{{method}}` starts one {{io}} per item of this list, all at once: a list of thousands opens thousands of sockets, connections or file handles at the same moment, exhausting the pool, tripping rate limits or `EMFILE`. Process it in chunks or cap it with a limiter such as `p-limit`.',
    },
  },
  create(context, [{ allow }]) {
    if (isInTestFile(context) || isScriptFile(context) || !context.sourceCode.text.includes('Promise')) return {};
    const allowed = new Set(allow);

    return {
      CallExpression(node): void {
        const callee = unwrapExpression(node.callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
        const method = getStaticPropertyName(callee);
        if (method === undefined || !COMBINATORS.has(method)) return;
        const mapped = getMappedList(node);
        if (!mapped || isInsideLoop(node)) return;
        if (allowed.has(context.sourceCode.getText(mapped.list))) return;
        const origin = getOrigin(context, callee);
        if (origin?.source !== 'global' || origin.path.join('.') !== `Promise.${method}`) return;
        if (isBoundedList(context, mapped.list, 0)) return;
        const io = getCallbackIo(context, mapped.callback);
        // Build and start-up code walks directories on purpose; per request, every request multiplies it.
        if (io === 'file operation' && !getEnclosingRequestHandler(context, node)) return;
        if (io) context.report({ node: callee, messageId: 'unboundedConcurrency', data: { method, io } });
      },
    };
  },
});

/** `items.map(cb)` or `Array.from(items, cb)` as the combinator's argument, with an inline callback. */
function getMappedList(
  call: TSESTree.CallExpression,
): { list: TSESTree.Node; callback: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression } | undefined {
  const [argument] = call.arguments;
  if (!argument) return undefined;
  const inner = unwrapExpression(argument);
  if (inner.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = unwrapExpression(inner.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = getStaticPropertyName(callee);
  const isArrayFrom =
    name === 'from' && callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === 'Array';
  const [first, second] = inner.arguments;
  const list = isArrayFrom ? first : callee.object;
  const callback = isArrayFrom ? second : name !== undefined && MAP_METHODS.has(name) ? first : undefined;
  if (!list || list.type === AST_NODE_TYPES.SpreadElement || !callback) return undefined;
  return callback.type === AST_NODE_TYPES.ArrowFunctionExpression || callback.type === AST_NODE_TYPES.FunctionExpression
    ? { list, callback }
    : undefined;
}

/** A `Promise.all` in a loop body runs one chunk per iteration: the loop is the limiter. */
function isInsideLoop(node: TSESTree.Node): boolean {
  for (let current = node.parent; current && !isFunctionLike(current); current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.ForOfStatement:
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
        return true;
      default:
    }
  }
  return false;
}

/**
 * A list whose length the code bounds: an array literal, a `slice`, a filtered or mapped bounded
 * list, a `const` bound to one, or the result of a database read with a limit or a single row.
 */
function isBoundedList(context: Context, node: TSESTree.Node, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  const inner = unwrapExpression(node);
  switch (inner.type) {
    case AST_NODE_TYPES.ArrayExpression:
      return inner.elements.every(
        (element) => element?.type !== AST_NODE_TYPES.SpreadElement || isBoundedList(context, element.argument, depth + 1),
      );
    case AST_NODE_TYPES.Identifier: {
      const variable = findVariable(context, inner);
      const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      // `batch.processArray(items, async (chunk) => Promise.all(chunk.map(…)))`: the caller sizes the chunk.
      if (def?.type === 'Parameter' && isCallbackFunction(def.node)) return true;
      if (def?.type !== 'Variable' || def.parent.kind !== 'const' || !def.node.init) return false;
      // `const [a, b] = …` and `const { list } = …` are not followed.
      if (def.node.id.type !== AST_NODE_TYPES.Identifier) return false;
      return isBoundedList(context, def.node.init, depth + 1);
    }
    case AST_NODE_TYPES.CallExpression: {
      const access = getDataAccess(context, inner);
      if (access) return access.kind === 'read' && (!access.returnsList || access.bounded === true);
      const callee = unwrapExpression(inner.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
      const name = getStaticPropertyName(callee);
      if (name === undefined) return false;
      if (SLICING_METHODS.has(name)) return true;
      return SHRINKING_METHODS.has(name) && isBoundedList(context, callee.object, depth + 1);
    }
    default:
      return false;
  }
}

/** A function written as an argument of a call. */
function isCallbackFunction(fn: TSESTree.Node): boolean {
  return (
    (fn.type === AST_NODE_TYPES.ArrowFunctionExpression || fn.type === AST_NODE_TYPES.FunctionExpression) &&
    fn.parent.type === AST_NODE_TYPES.CallExpression &&
    fn.parent.arguments.includes(fn)
  );
}

/**
 * The kind of I/O the callback starts, or `undefined` when it starts none the kit recognises or
 * goes through a concurrency limiter. Database reads are left to `no-query-in-loop`, whose fix
 * (one batched query) removes the fan-out too.
 */
function getCallbackIo(context: Context, callback: TSESTree.Node): IoKind | undefined {
  let io: IoKind | undefined;
  let limited = false;
  const visit = (node: TSESTree.Node): void => {
    if (limited) return;
    if (node.type === AST_NODE_TYPES.CallExpression) {
      if (isLimiterCall(context, node)) {
        limited = true;
        return;
      }
      io ??= getIoKind(context, node);
    }
    for (const key of Object.keys(node) as Array<keyof typeof node>) {
      if (key === 'parent') continue;
      const value = node[key] as unknown;
      for (const child of Array.isArray(value) ? value : [value]) {
        if (isNode(child)) visit(child);
      }
    }
  };
  visit(callback);
  return limited ? undefined : io;
}

function getIoKind(context: Context, call: TSESTree.CallExpression): IoKind | undefined {
  if (getHttpRequest(context, call)) return 'HTTP request';
  const access = getDataAccess(context, call);
  if (access) {
    if (access.kind === 'write') return 'database write';
    if (access.kind === 'raw' && access.rawSql && !isReadSql(access.rawSql)) return 'database write';
    return undefined;
  }
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression && callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  const origin = getOrigin(context, call);
  if (!origin || !FS_SOURCES.has(origin.source) || origin.path.at(-1) !== '()') return undefined;
  const name = origin.path.at(-2);
  return name !== undefined && !name.endsWith('Sync') ? 'file operation' : undefined;
}

/** `limit(() => …)` with `limit = pLimit(5)`, `queue.add(…)`, `bottleneck.schedule(…)`. */
function isLimiterCall(context: Context, call: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier && callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const origin = getOrigin(context, callee);
  return origin !== undefined && LIMITERS.has(origin.source);
}

function isReadSql(node: TSESTree.Node): boolean {
  const sql = unwrapExpression(node);
  if (sql.type === AST_NODE_TYPES.Literal) return typeof sql.value === 'string' && READ_SQL.test(sql.value);
  if (sql.type === AST_NODE_TYPES.TemplateLiteral) return READ_SQL.test(sql.quasis[0]?.value.cooked ?? '');
  if (sql.type === AST_NODE_TYPES.TaggedTemplateExpression) return READ_SQL.test(sql.quasi.quasis[0]?.value.cooked ?? '');
  // A query built elsewhere may be a read: stay silent.
  return true;
}
