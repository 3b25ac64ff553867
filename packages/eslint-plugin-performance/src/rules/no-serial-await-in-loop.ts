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
export type MessageIds = 'serialAwait';

type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;
type Loop = TSESTree.ForInStatement | TSESTree.ForOfStatement | TSESTree.ForStatement;

const FS_SOURCES = new Set(['fs', 'fs/promises']);
const QUEUE_SOURCES = new Set(['bullmq', 'bull']);
const READ_SQL = /^\s*(?:\(\s*)?(?:select|with)\b/i;
/** Loops over at most this many literal items make a fixed, small number of calls. */
const SMALL_LOOP = 10;
// Names of pacing calls: a loop that waits between items is rate-limited, polling or retrying on purpose.
const DELAY_NAME = /^(?:sleep|delay|wait|pause|backoff|throttle|setTimeout|rateLimit)/i;

export default createRule<Options, MessageIds>({
  name: 'no-serial-await-in-loop',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow awaiting independent I/O one item at a time in a loop over a collection',
      recommended: 'strict',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allow: {
            ...allowOptionSchema,
            description: 'Lists (`regions`, `this.shards`, as written after `of`) whose items must be processed one at a time.',
          },
        },
      },
    ],
    defaultOptions: [{ allow: [] }],
    messages: {
      serialAwait:
        'This {{io}} is awaited once per item, one after another: n items take n round trips end to end, so the request or job slows linearly as the list grows. Start them together with `Promise.all` and cap how many run at once with a limiter such as `p-limit`.',
    },
  },
  create(context, [{ allow }]) {
    if (isInTestFile(context) || isScriptFile(context) || !context.sourceCode.text.includes('await')) return {};
    const allowed = new Set(allow);
    const reported = new WeakSet<Loop>();

    return {
      AwaitExpression(node): void {
        const call = unwrapExpression(node.argument);
        if (call.type !== AST_NODE_TYPES.CallExpression) return;
        const loop = getEnclosingLoop(node);
        if (!loop || reported.has(loop)) return;
        if (!iteratesCollection(context, loop, allowed)) return;
        const io = getIoKind(context, call);
        if (!io) return;
        if (hasEarlyExit(loop) || hasDelay(loop) || carriesState(context, loop) || isInTransaction(context, loop)) return;
        if (io === 'file operation' && !getEnclosingRequestHandler(context, node)) return;
        reported.add(loop);
        context.report({ node, messageId: 'serialAwait', data: { io } });
      },
    };
  },
});

/** The `for`, `for…of` or `for…in` loop whose body runs `node` each iteration, within the same function. */
function getEnclosingLoop(node: TSESTree.Node): Loop | undefined {
  let child: TSESTree.Node = node;
  for (let current = node.parent; current && !isFunctionLike(current); child = current, current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.ForOfStatement:
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.ForStatement:
        // `for (const item of await getItems())` awaits once; `for await` consumes a stream in order.
        if (current.body !== child) return undefined;
        return current.type === AST_NODE_TYPES.ForOfStatement && current.await ? undefined : current;
      // A `while` loop is a queue drain, a poll or pagination: each turn depends on the last.
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
        return undefined;
      default:
    }
  }
  return undefined;
}

/** `for (… of list)` over a list that is not a small literal, or `for (…; i < list.length; …)`. */
function iteratesCollection(context: Context, loop: Loop, allowed: ReadonlySet<string>): boolean {
  if (loop.type === AST_NODE_TYPES.ForStatement) {
    const test = loop.test;
    if (test?.type !== AST_NODE_TYPES.BinaryExpression || (test.operator !== '<' && test.operator !== '<=')) return false;
    const bound = unwrapExpression(test.right);
    if (bound.type !== AST_NODE_TYPES.MemberExpression) return false;
    const name = getStaticPropertyName(bound);
    // `i += BATCH_SIZE` walks chunks: already the batched form.
    return (
      (name === 'length' || name === 'size') &&
      isStepByOne(loop.update) &&
      !allowed.has(context.sourceCode.getText(bound.object))
    );
  }
  return !allowed.has(context.sourceCode.getText(loop.right)) && !isSmallLiteral(context, loop.right);
}

/** `i++`, `++i`, `i += 1`. */
function isStepByOne(update: TSESTree.Expression | null): boolean {
  if (update?.type === AST_NODE_TYPES.UpdateExpression) return update.operator === '++';
  if (update?.type !== AST_NODE_TYPES.AssignmentExpression || update.operator !== '+=') return false;
  const step = unwrapExpression(update.right);
  return step.type === AST_NODE_TYPES.Literal && step.value === 1;
}

/** `[a, b, c]`, or a `const` bound to one, with at most `SMALL_LOOP` items and no spread. */
function isSmallLiteral(context: Context, node: TSESTree.Node): boolean {
  let inner = unwrapExpression(node);
  if (inner.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariable(context, inner);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type !== 'Variable' || def.parent.kind !== 'const' || def.node.id.type !== AST_NODE_TYPES.Identifier) {
      return false;
    }
    if (!def.node.init) return false;
    inner = unwrapExpression(def.node.init);
  }
  return (
    inner.type === AST_NODE_TYPES.ArrayExpression &&
    inner.elements.length <= SMALL_LOOP &&
    inner.elements.every((element) => element?.type !== AST_NODE_TYPES.SpreadElement)
  );
}

/**
 * The kind of independent I/O `call` performs, or `undefined`. Database reads are
 * `no-query-in-loop`'s job (its fix, one batched query, removes the loop).
 */
function getIoKind(context: Context, call: TSESTree.CallExpression): string | undefined {
  if (getHttpRequest(context, call)) return 'HTTP request';
  const access = getDataAccess(context, call);
  if (access) {
    if (access.kind === 'write') return call.arguments.some(hasTransactionOption) ? undefined : 'database write';
    if (access.kind === 'raw' && access.rawSql && isWriteSql(access.rawSql)) return 'database write';
    return undefined;
  }
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression && callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  const origin = getOrigin(context, call);
  if (origin?.path.at(-1) !== '()') return undefined;
  const name = origin.path.at(-2);
  if (name === undefined) return undefined;
  if (FS_SOURCES.has(origin.source)) return name.endsWith('Sync') ? undefined : 'file operation';
  if (QUEUE_SOURCES.has(origin.source) && name === 'add' && origin.path.includes('new')) return 'queue publish';
  if (origin.source.startsWith('@aws-sdk/client-') && name === 'send') return 'AWS request';
  return undefined;
}

/** Sequelize's `{ transaction: t }` and TypeORM's `{ transaction: true }`: the write joins a transaction. */
function hasTransactionOption(options: TSESTree.Node): boolean {
  const inner = unwrapExpression(options);
  return (
    inner.type === AST_NODE_TYPES.ObjectExpression &&
    inner.properties.some(
      (property) =>
        property.type === AST_NODE_TYPES.Property && getStaticPropertyName(property) === 'transaction',
    )
  );
}

/** SQL written in place that changes data; SQL built elsewhere may be a read and stays silent. */
function isWriteSql(node: TSESTree.Node): boolean {
  const sql = unwrapExpression(node);
  let text: string | undefined;
  if (sql.type === AST_NODE_TYPES.Literal && typeof sql.value === 'string') text = sql.value;
  else if (sql.type === AST_NODE_TYPES.TemplateLiteral) text = sql.quasis[0]?.value.cooked ?? undefined;
  else if (sql.type === AST_NODE_TYPES.TaggedTemplateExpression) text = sql.quasi.quasis[0]?.value.cooked ?? undefined;
  return text !== undefined && text.trim() !== '' && !READ_SQL.test(text);
}

/** Visits every node under `root` that runs in the same function (nested functions are skipped). */
function someNode(root: TSESTree.Node, test: (node: TSESTree.Node) => boolean): boolean {
  const visit = (node: TSESTree.Node): boolean => {
    if (node !== root && isFunctionLike(node)) return false;
    if (test(node)) return true;
    for (const key of Object.keys(node) as Array<keyof typeof node>) {
      if (key === 'parent') continue;
      const value = node[key] as unknown;
      for (const child of Array.isArray(value) ? value : [value]) {
        if (isNode(child) && visit(child)) return true;
      }
    }
    return false;
  };
  return visit(root);
}

/** A `break` or `return` in the body: the loop stops on a result, which `Promise.all` cannot do. */
function hasEarlyExit(loop: Loop): boolean {
  return someNode(loop.body, (node) => node.type === AST_NODE_TYPES.ReturnStatement || node.type === AST_NODE_TYPES.BreakStatement);
}

/** A pacing call in the body (`await sleep(500)`, `setTimeout`): rate-limited, polling or retrying on purpose. */
function hasDelay(loop: Loop): boolean {
  return someNode(loop.body, (node) => {
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

/**
 * A variable declared outside the loop that the body both writes and reads (`cursor = next`,
 * `total += n`, `previous = await create({ parentId: previous.id })`): each iteration depends on the last.
 */
function carriesState(context: Context, loop: Loop): boolean {
  // A single-statement body has no scope of its own to read references from.
  if (loop.body.type !== AST_NODE_TYPES.BlockStatement) return false;
  const [start, end] = loop.body.range;
  const scope = context.sourceCode.getScope(loop.body);
  const seen = new Set<unknown>();
  const visitScope = (current: typeof scope): boolean => {
    for (const reference of current.through) {
      const variable = reference.resolved;
      if (!variable || seen.has(variable) || !reference.isWrite()) continue;
      seen.add(variable);
      const declaredInside = variable.defs.some((def) => def.name.range[0] >= start && def.name.range[1] <= end);
      if (declaredInside) continue;
      const inBody = variable.references.filter(
        (candidate) => candidate.identifier.range[0] >= start && candidate.identifier.range[1] <= end,
      );
      if (inBody.some((candidate) => candidate.isRead())) return true;
    }
    return false;
  };
  // `through` of the body's own scope (block) lists references that resolve outside it.
  if (visitScope(scope)) return true;
  return loop.type === AST_NODE_TYPES.ForStatement && someNode(loop.body, (node) => isCounterWrite(node, loop));
}

/** `i += 2` or `i = next` inside a `for (let i …)` body: the index is steered by the iteration. */
function isCounterWrite(node: TSESTree.Node, loop: TSESTree.ForStatement): boolean {
  if (node.type !== AST_NODE_TYPES.AssignmentExpression && node.type !== AST_NODE_TYPES.UpdateExpression) return false;
  const target = node.type === AST_NODE_TYPES.AssignmentExpression ? node.left : node.argument;
  const init = loop.init;
  return (
    target.type === AST_NODE_TYPES.Identifier &&
    init?.type === AST_NODE_TYPES.VariableDeclaration &&
    init.declarations.some((declaration) => declaration.id.type === AST_NODE_TYPES.Identifier && declaration.id.name === target.name)
  );
}

/**
 * Inside a transaction callback (`prisma.$transaction(async (tx) => …)`, `knex.transaction`,
 * `sequelize.transaction`) or after `BEGIN` on one connection: the statements share one
 * connection, which runs them one at a time anyway.
 */
function isInTransaction(context: Context, loop: Loop): boolean {
  for (let current: TSESTree.Node | undefined = loop.parent; current; current = current.parent) {
    if (!isFunctionLike(current)) continue;
    const parent = current.parent;
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(current as TSESTree.Expression)) {
      if (getDataAccess(context, parent)?.kind === 'transaction') return true;
      const callee = unwrapExpression(parent.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression && getStaticPropertyName(callee) === 'transaction') return true;
    }
    if (current.body.type === AST_NODE_TYPES.BlockStatement && hasBegin(current.body)) return true;
  }
  return false;
}

function hasBegin(body: TSESTree.BlockStatement): boolean {
  return someNode(
    body,
    (node) =>
      node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string' && /^\s*(?:begin|start transaction)\b/i.test(node.value),
  );
}
