import {
  allowOptionSchema,
  AST_NODE_TYPES,
  getDataAccess,
  getOrigin,
  getStaticPropertyName,
  isInTestFile,
  unwrapExpression,
  type DataAccess,
  type DataLibrary,
  type TSESLint,
  type TSESTree,
} from '@prodready/eslint-rule-kit';

import { createRule } from '../create-rule.js';
import { getOperationNode } from '../get-operation-node.js';
import { isScriptFile } from '../is-script-file.js';
import { mayAccessData } from '../may-access-data.js';

export type Options = [{ allow: string[] }];
export type MessageIds = 'unboundedQuery';

const LIMIT_HINT: Record<DataLibrary, string> = {
  prisma: 'take',
  drizzle: '.limit()',
  sequelize: 'limit',
  typeorm: 'take',
  mongoose: '.limit()',
  mongodb: '.limit()',
  knex: '.limit()',
  pg: 'LIMIT',
  mysql2: 'LIMIT',
  'better-sqlite3': 'LIMIT',
  supabase: '.range()',
};
const UNIQUE_KEYS = new Set(['id', '_id', 'uuid']);
const IN_KEYS = new Set(['in', '$in']);
// Libraries whose list reads are lazy builders that later code can still limit.
const BUILDER_LIBRARIES = new Set<DataLibrary>(['drizzle', 'knex', 'supabase', 'mongoose', 'mongodb']);
const AGGREGATE_STEPS = new Set(['groupBy']);
const DRIZZLE_AGGREGATES = new Set(['count', 'countDistinct', 'sum', 'sumDistinct', 'avg', 'avgDistinct', 'min', 'max']);

type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

export default createRule<Options, MessageIds>({
  name: 'no-unbounded-query',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow list queries without a limit',
      recommended: 'recommended',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allow: {
            ...allowOptionSchema,
            description: 'Models or tables (`category`, `\'countries\'`, as the query names them) that are small by design.',
          },
        },
      },
    ],
    defaultOptions: [{ allow: [] }],
    messages: {
      unboundedQuery:
        '`{{operation}}` returns every matching row with no limit: as the table grows, each call loads all of them into memory and the response slows until it times out. Bound it with `{{limit}}` and paginate.',
    },
  },
  create(context, [{ allow }]) {
    if (isInTestFile(context) || isScriptFile(context) || !mayAccessData(context)) return {};
    const allowed = new Set(allow);

    return {
      CallExpression(node): void {
        const access = getDataAccess(context, node);
        if (!access || access.kind !== 'read' || !access.returnsList || access.bounded !== false) return;
        if (access.model !== undefined && allowed.has(access.model)) return;
        if (
          isSingleRowIntent(node) ||
          isSubquery(node, access) ||
          isStoredBuilder(node, access) ||
          isBoundedByInput(context, access)
        ) {
          return;
        }
        context.report({
          node: getOperationNode(node, access),
          messageId: 'unboundedQuery',
          data: { operation: access.operation, limit: getLimitHint(access) },
        });
      },
    };
  },
});

function getLimitHint(access: DataAccess): string {
  // Drizzle's relational API takes `limit` as an option, its builder a `.limit()` call.
  return access.library === 'drizzle' && access.operation === 'findMany' ? 'limit' : LIMIT_HINT[access.library];
}

/** `const [user] = await db.select()…`: the code wants one row. */
function isSingleRowIntent(call: TSESTree.CallExpression): boolean {
  let node: TSESTree.Node = call;
  while (
    node.parent.type === AST_NODE_TYPES.AwaitExpression ||
    node.parent.type === AST_NODE_TYPES.TSAsExpression ||
    node.parent.type === AST_NODE_TYPES.TSNonNullExpression
  ) {
    node = node.parent;
  }
  const parent = node.parent;
  return (
    (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.ArrayPattern) ||
    (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === node && getStaticPropertyName(parent) === '0')
  );
}

/**
 * `let query = supabase.from('posts').select('*')`, later `query = query.limit(n)`: a builder
 * stored without `await` has not run yet and may still be bounded.
 */
function isStoredBuilder(call: TSESTree.CallExpression, access: DataAccess): boolean {
  if (!BUILDER_LIBRARIES.has(access.library) || (access.library === 'drizzle' && access.operation === 'findMany')) return false;
  let node: TSESTree.Node = call;
  while (node.parent.type === AST_NODE_TYPES.TSAsExpression || node.parent.type === AST_NODE_TYPES.TSNonNullExpression) {
    node = node.parent;
  }
  return node.parent.type === AST_NODE_TYPES.VariableDeclarator || node.parent.type === AST_NODE_TYPES.AssignmentExpression;
}

/** A query builder passed to another query (`whereIn('id', db('orders').select('userId'))`) is not run by itself. */
function isSubquery(call: TSESTree.CallExpression, access: DataAccess): boolean {
  return (
    (access.library === 'knex' || access.library === 'drizzle') &&
    call.parent.type === AST_NODE_TYPES.CallExpression &&
    call.parent.arguments.includes(call)
  );
}

function isBoundedByInput(context: Context, access: DataAccess): boolean {
  if (access.steps.some((step) => AGGREGATE_STEPS.has(step.name))) return true;
  switch (access.library) {
    case 'prisma':
    case 'sequelize':
    case 'typeorm':
    case 'drizzle': {
      if (access.library === 'drizzle' && access.operation !== 'findMany') return isDrizzleBounded(context, access);
      const where = getProperty(access.options, 'where');
      return where !== undefined && isWhereBounded(context, where);
    }
    case 'mongoose':
    case 'mongodb':
      return access.options !== undefined && isWhereBounded(context, access.options);
    case 'knex':
      return access.steps.some(
        (step) =>
          step.name.startsWith('whereIn') ||
          (step.name === 'where' && (isUniqueKey(step.call?.arguments[0]) || isWhereBounded(context, step.call?.arguments[0]))),
      );
    case 'supabase':
      return access.steps.some(
        (step) => step.name === 'in' || (step.name === 'eq' && isUniqueKey(step.call?.arguments[0])),
      );
    default:
      return false;
  }
}

/** `{ id }`, `{ id: { in: ids } }`, `{ _id: { $in: ids } }`, `{ id: In(ids) }`, `{ [Op.in]: … }`. */
function isWhereBounded(context: Context, node: TSESTree.Node | undefined): boolean {
  const where = node && unwrapExpression(node);
  if (where?.type !== AST_NODE_TYPES.ObjectExpression) return false;
  return where.properties.some((property) => {
    if (property.type !== AST_NODE_TYPES.Property) return false;
    const key = getStaticPropertyName(property);
    const value = unwrapExpression(property.value);
    if (value.type === AST_NODE_TYPES.ObjectExpression) return value.properties.some((inner) => isInOperator(context, inner));
    if (value.type === AST_NODE_TYPES.CallExpression && getOrigin(context, value)?.path.join('.') === 'In.()') return true;
    return key !== undefined && UNIQUE_KEYS.has(key);
  });
}

function isInOperator(context: Context, property: TSESTree.ObjectLiteralElement): boolean {
  if (property.type !== AST_NODE_TYPES.Property) return false;
  if (property.computed) {
    const origin = getOrigin(context, property.key);
    return origin?.path.join('.') === 'Op.in';
  }
  const key = getStaticPropertyName(property);
  return key !== undefined && IN_KEYS.has(key);
}

function isUniqueKey(node: TSESTree.Node | undefined): boolean {
  const key = node && unwrapExpression(node);
  if (key?.type === AST_NODE_TYPES.Literal) return typeof key.value === 'string' && UNIQUE_KEYS.has(key.value);
  if (key?.type === AST_NODE_TYPES.ObjectExpression) {
    return key.properties.some((property) => {
      const name = property.type === AST_NODE_TYPES.Property ? getStaticPropertyName(property) : undefined;
      return name !== undefined && UNIQUE_KEYS.has(name);
    });
  }
  return false;
}

/** Drizzle: `where(eq(users.id, id))`, `where(inArray(…))`, or a select of aggregates only. */
function isDrizzleBounded(context: Context, access: DataAccess): boolean {
  const [select] = access.steps;
  const fields = select?.call?.arguments[0] && unwrapExpression(select.call.arguments[0]);
  if (
    fields?.type === AST_NODE_TYPES.ObjectExpression &&
    fields.properties.length > 0 &&
    fields.properties.every(
      (property) =>
        property.type === AST_NODE_TYPES.Property &&
        property.value.type === AST_NODE_TYPES.CallExpression &&
        isDrizzleHelper(context, property.value, DRIZZLE_AGGREGATES),
    )
  ) {
    return true;
  }
  return access.steps.some((step) => {
    const condition = step.name === 'where' ? step.call?.arguments[0] : undefined;
    const inner = condition && unwrapExpression(condition);
    if (inner?.type !== AST_NODE_TYPES.CallExpression) return false;
    if (isDrizzleHelper(context, inner, new Set(['inArray']))) return true;
    const column = inner.arguments[0] && unwrapExpression(inner.arguments[0]);
    return (
      isDrizzleHelper(context, inner, new Set(['eq'])) &&
      column?.type === AST_NODE_TYPES.MemberExpression &&
      UNIQUE_KEYS.has(getStaticPropertyName(column) ?? '')
    );
  });
}

function isDrizzleHelper(context: Context, call: TSESTree.CallExpression, names: ReadonlySet<string>): boolean {
  const origin = getOrigin(context, call.callee);
  return (
    origin !== undefined &&
    /^drizzle-orm(?:\/|$)/.test(origin.source) &&
    origin.path.length === 1 &&
    names.has(origin.path[0] as string)
  );
}

function getProperty(node: TSESTree.Node | undefined, name: string): TSESTree.Node | undefined {
  const object = node && unwrapExpression(node);
  if (object?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.Property && getStaticPropertyName(property) === name) return property.value;
  }
  return undefined;
}
