import {
  allowOptionSchema,
  AST_NODE_TYPES,
  type DataAccess,
  type DataLibrary,
  findVariable,
  getDataAccess,
  getStaticPropertyName,
  isFunctionLike,
  isInTestFile,
  isNode,
  type TSESLint,
  type TSESTree,
  unwrapExpression,
} from '@prodready/eslint-rule-kit';

import { createRule } from '../create-rule.js';
import { getOperationNode } from '../get-operation-node.js';
import { isScriptFile } from '../is-script-file.js';
import { mayAccessData } from '../may-access-data.js';

export type Options = [{ allow: string[]; checkWrites: boolean }];
export type MessageIds = 'queryInLoop';

const BATCH_HINT: Record<DataLibrary, string> = {
  prisma: 'one `findMany({ where: { id: { in: ids } } })`, or `include` the relation in the parent query',
  drizzle: 'one query with `inArray(table.id, ids)`, or a join (`with` in the relational API)',
  sequelize: 'one `findAll({ where: { id: ids } })`, or `include` the association in the parent query',
  typeorm: 'one `findBy({ id: In(ids) })`, or load the relation with `relations`',
  mongoose: 'one `find({ _id: { $in: ids } })`, or `populate()` the reference',
  mongodb: 'one `find({ _id: { $in: ids } })`, or a `$lookup` stage',
  knex: 'one `whereIn(\'id\', ids)` query, or a join',
  pg: 'one query with `WHERE id = ANY($1)`, or a JOIN',
  mysql2: 'one query with `WHERE id IN (?)`, or a JOIN',
  'better-sqlite3': 'one query with `WHERE id IN (…)`, or a JOIN',
  supabase: 'one `.in(\'id\', ids)` query, or an embedded select of the related table',
};
const ITERATION_METHODS = new Set(['forEach', 'map', 'flatMap']);
// Prisma batches `findUnique` calls made in the same tick into one query (its dataloader).
const PRISMA_AUTO_BATCHED = new Set(['findUnique', 'findUniqueOrThrow']);
const READ_SQL = /^\s*(?:\(\s*)?(?:select|with)\b/i;
/** Loops over at most this many literal items make a fixed, small number of queries. */
const SMALL_LOOP = 10;

type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

export default createRule<Options, MessageIds>({
  name: 'no-query-in-loop',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow database reads once per item of a loop (N+1 queries)',
      recommended: 'recommended',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allow: {
            ...allowOptionSchema,
            description: 'Models or tables (`category`, `\'countries\'`, as the query names them) whose per-item reads are acceptable.',
          },
          checkWrites: {
            type: 'boolean',
            description: 'Also report writes (`create`, `update`, `insert`) made once per item.',
          },
        },
      },
    ],
    defaultOptions: [{ allow: [], checkWrites: false }],
    messages: {
      queryInLoop:
        '`{{operation}}` runs once per item of this loop: a list of n items makes n database round trips, so the request slows and holds pool connections longer as the data grows. Fetch them with {{batch}}.',
    },
  },
  create(context, [{ allow, checkWrites }]) {
    if (isInTestFile(context) || isScriptFile(context) || !mayAccessData(context)) return {};
    const allowed = new Set(allow);

    return {
      CallExpression(node): void {
        const access = getDataAccess(context, node);
        if (!access || !isCounted(access, checkWrites)) return;
        if (access.model !== undefined && allowed.has(access.model)) return;
        const iteration = getIteration(context, node);
        if (!iteration) return;
        if (iteration === 'concurrent' && access.library === 'prisma' && PRISMA_AUTO_BATCHED.has(access.operation)) return;
        context.report({
          node: getOperationNode(node, access),
          messageId: 'queryInLoop',
          data: { operation: access.operation, batch: BATCH_HINT[access.library] },
        });
      },
    };
  },
});

/** Reads, raw `SELECT`s written in place and, with `checkWrites`, writes. */
function isCounted(access: DataAccess, checkWrites: boolean): boolean {
  if (access.kind === 'read') return true;
  if (access.kind === 'write') return checkWrites;
  if (access.kind !== 'raw' || !access.rawSql) return false;
  const sql = unwrapExpression(access.rawSql);
  if (sql.type === AST_NODE_TYPES.Literal) return typeof sql.value === 'string' && READ_SQL.test(sql.value);
  if (sql.type === AST_NODE_TYPES.TemplateLiteral) return READ_SQL.test(sql.quasis[0]?.value.cooked ?? '');
  if (sql.type === AST_NODE_TYPES.TaggedTemplateExpression) return READ_SQL.test(sql.quasi.quasis[0]?.value.cooked ?? '');
  return false;
}

/**
 * How `call` repeats per item: `'sequential'` when it is awaited in the body of a `for`,
 * `for…of` or `for…in` loop, `'concurrent'` when it is awaited or returned in a
 * `forEach`/`map`/`flatMap` callback. `undefined` for `while` loops (polling, pagination),
 * loops over a few literal items, loops that stop early (`break`, `return`) and calls
 * whose promise is not awaited where it is made.
 */
function getIteration(context: Context, call: TSESTree.CallExpression): 'sequential' | 'concurrent' | undefined {
  const value = getValueNode(call);
  const parent = value.parent;
  if (!parent) return undefined;
  const awaited = parent.type === AST_NODE_TYPES.AwaitExpression;
  const returned =
    (parent.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === value) ||
    parent.type === AST_NODE_TYPES.ReturnStatement;
  if (!awaited && !returned) return undefined;
  let child: TSESTree.Node = value;
  for (let current: TSESTree.Node | undefined = parent; current; child = current, current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.ForOfStatement:
      case AST_NODE_TYPES.ForInStatement:
        if (current.body !== child) break;
        if (!awaited || isSmallLiteral(context, current.right) || hasEarlyExit(current)) return undefined;
        return 'sequential';
      case AST_NODE_TYPES.ForStatement:
        if (current.body !== child) break;
        if (!awaited || !current.test || hasSmallBound(current.test) || hasEarlyExit(current)) return undefined;
        return 'sequential';
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
        return undefined;
      default:
        if (isFunctionLike(current)) return isIterationCallback(context, current) ? 'concurrent' : undefined;
    }
  }
  return undefined;
}

/** The outermost expression that still holds the call's promise: through parentheses, casts and `!`. */
function getValueNode(call: TSESTree.CallExpression): TSESTree.Node {
  let node: TSESTree.Node = call;
  while (
    node.parent?.type === AST_NODE_TYPES.TSAsExpression ||
    node.parent?.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    node.parent?.type === AST_NODE_TYPES.TSNonNullExpression ||
    node.parent?.type === AST_NODE_TYPES.ChainExpression
  ) {
    node = node.parent;
  }
  return node;
}

/** `items.forEach(async (item) => …)`, `ids.map((id) => …)` over a list that is not a small literal. */
function isIterationCallback(context: Context, fn: TSESTree.Node): boolean {
  const parent = fn.parent;
  if (parent?.type !== AST_NODE_TYPES.CallExpression || parent.arguments[0] !== fn) return false;
  const callee = unwrapExpression(parent.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = getStaticPropertyName(callee);
  if (name === undefined || !ITERATION_METHODS.has(name)) return false;
  return !isSmallLiteral(context, callee.object);
}

/** `[a, b, c]`, or a `const` bound to one, with at most `SMALL_LOOP` items and no spread. */
function isSmallLiteral(context: Context, node: TSESTree.Node): boolean {
  let inner = unwrapExpression(node);
  if (inner.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariable(context, inner);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (
      def?.type !== 'Variable' ||
      def.parent.kind !== 'const' ||
      def.node.id.type !== AST_NODE_TYPES.Identifier ||
      !def.node.init
    ) {
      return false;
    }
    inner = unwrapExpression(def.node.init);
  }
  return (
    inner.type === AST_NODE_TYPES.ArrayExpression &&
    inner.elements.length <= SMALL_LOOP &&
    inner.elements.every((element) => element?.type !== AST_NODE_TYPES.SpreadElement)
  );
}

/** `i < 3`, `attempt <= 5`: a retry or fixed-count loop. */
function hasSmallBound(test: TSESTree.Expression): boolean {
  if (test.type !== AST_NODE_TYPES.BinaryExpression || (test.operator !== '<' && test.operator !== '<=')) return false;
  const bound = unwrapExpression(test.right);
  return bound.type === AST_NODE_TYPES.Literal && typeof bound.value === 'number' && bound.value <= SMALL_LOOP;
}

/** A `break` or `return` that leaves `loop`: a search that stops at the first hit. */
function hasEarlyExit(loop: TSESTree.Node): boolean {
  const visit = (node: TSESTree.Node, nested: boolean): boolean => {
    if (isFunctionLike(node)) return false;
    if (node.type === AST_NODE_TYPES.ReturnStatement) return true;
    if (node.type === AST_NODE_TYPES.BreakStatement) return node.label !== null || !nested;
    const inner =
      nested ||
      (node !== loop &&
        (node.type === AST_NODE_TYPES.ForStatement ||
          node.type === AST_NODE_TYPES.ForOfStatement ||
          node.type === AST_NODE_TYPES.ForInStatement ||
          node.type === AST_NODE_TYPES.WhileStatement ||
          node.type === AST_NODE_TYPES.DoWhileStatement ||
          node.type === AST_NODE_TYPES.SwitchStatement));
    for (const key of Object.keys(node) as Array<keyof typeof node>) {
      if (key === 'parent') continue;
      const value = node[key] as unknown;
      const children = Array.isArray(value) ? value : [value];
      for (const child of children) {
        if (isNode(child) && visit(child, inner)) return true;
      }
    }
    return false;
  };
  return visit(loop, false);
}

