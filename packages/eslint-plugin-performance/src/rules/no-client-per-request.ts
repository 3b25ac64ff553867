import {
  allowOptionSchema,
  AST_NODE_TYPES,
  getEnclosingRequestHandler,
  getOrigin,
  isOrigin,
  isInTestFile,
  type OriginPattern,
  type TSESLint,
  type TSESTree,
} from '@prodready/eslint-rule-kit';

import { createRule } from '../create-rule.js';

export type Options = [{ allow: string[] }];
export type MessageIds = 'clientPerRequest';

type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

const PRISMA = /^@prisma\/client(?:\/|$)|(?:^|\/)(?:\.prisma|generated\/prisma|prisma)(?:\/client)?(?:\/(?:index|client|edge|default))?(?:\.[cm]?[jt]s)?$/;

/**
 * Clients that own a connection pool, sockets or an HTTP agent. `mongoose.connect()` is not
 * here: on the default connection a repeated call with the same URI reuses the open one.
 */
const CLIENTS: ReadonlyArray<readonly [name: string, pattern: OriginPattern]> = [
  ['PrismaClient', { source: PRISMA, path: ['PrismaClient', 'new'] }],
  ['pg Pool', { source: 'pg', path: ['Pool', 'new'] }],
  ['pg Pool', { source: 'pg-pool', path: ['new'] }],
  ['mysql2 pool', { source: ['mysql2', 'mysql2/promise'], path: ['createPool', '()'] }],
  ['Sequelize instance', { source: ['sequelize', '@sequelize/core'], path: ['Sequelize', 'new'] }],
  ['mongoose connection', { source: 'mongoose', path: ['createConnection', '()'] }],
  ['MongoClient', { source: 'mongodb', path: ['MongoClient', 'new'] }],
  ['MongoClient', { source: 'mongodb', path: ['MongoClient', 'connect', '()'] }],
  ['knex instance', { source: 'knex', path: ['()'] }],
  ['knex instance', { source: 'knex', path: ['knex', '()'] }],
  ['Redis client', { source: 'ioredis', path: ['new'] }],
  ['Redis client', { source: 'ioredis', path: ['Redis', 'new'] }],
  ['Redis client', { source: 'ioredis', path: ['Cluster', 'new'] }],
  ['Redis client', { source: 'redis', path: ['createClient', '()'] }],
  ['OpenAI client', { source: 'openai', path: ['new'] }],
  ['OpenAI client', { source: 'openai', path: ['OpenAI', 'new'] }],
  ['Anthropic client', { source: '@anthropic-ai/sdk', path: ['new'] }],
  ['Anthropic client', { source: '@anthropic-ai/sdk', path: ['Anthropic', 'new'] }],
  ['axios instance', { source: 'axios', path: ['create', '()'] }],
];
// Text fast path: a construction needs its constructor imported in this file.
const CLIENT_SOURCES =
  /prisma|['"](?:pg|pg-pool|mysql2(?:\/promise)?|sequelize|@sequelize\/core|mongoose|mongodb|knex|ioredis|redis|openai|@anthropic-ai\/sdk|axios)['"]/;
const WRAPPERS = new Set<string>([
  AST_NODE_TYPES.AwaitExpression,
  AST_NODE_TYPES.TSAsExpression,
  AST_NODE_TYPES.TSNonNullExpression,
  AST_NODE_TYPES.TSSatisfiesExpression,
  AST_NODE_TYPES.LogicalExpression,
  AST_NODE_TYPES.ConditionalExpression,
]);

export default createRule<Options, MessageIds>({
  name: 'no-client-per-request',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow creating database, cache and API clients inside request handlers',
      recommended: 'recommended',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allow: { ...allowOptionSchema, description: 'Client names, as the message gives them (`OpenAI client`), never reported.' },
        },
      },
    ],
    defaultOptions: [{ allow: [] }],
    messages: {
      clientPerRequest:
        'A new {{client}} is created on every request, so its connections are opened and thrown away per request instead of reused; under load this exhausts database connections or sockets and adds latency to every call. Create it once at module scope and reuse it.',
    },
  },
  create(context, [{ allow }]) {
    if (isInTestFile(context) || !CLIENT_SOURCES.test(context.sourceCode.text)) return {};
    const allowed = new Set(allow);

    const importedNames = getImportedNames(context);

    function check(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
      // Cheap guards: rooted at a name imported from a client package, and inside a function.
      const root = getRootName(node.callee);
      if (root === undefined || !importedNames.has(root)) return;
      if (context.sourceCode.getScope(node).variableScope.type === 'module') return;
      const origin = getOrigin(context, node);
      const client = origin && CLIENTS.find(([, pattern]) => isOrigin(origin, pattern))?.[0];
      if (!client || allowed.has(client) || isStoredOutside(context, node)) return;
      const handler = getEnclosingRequestHandler(context, node);
      if (!handler || isStoredOutside(context, node, handler.node)) return;
      context.report({ node, messageId: 'clientPerRequest', data: { client } });
    }

    return { NewExpression: check, CallExpression: check };
  },
});

/** Local names bound by top-level imports and requires of the client packages. */
function getImportedNames(context: Context): ReadonlySet<string> {
  const names = new Set<string>();
  for (const statement of context.sourceCode.ast.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration && CLIENT_SOURCES.test(`'${statement.source.value}'`)) {
      for (const specifier of statement.specifiers) names.add(specifier.local.name);
    }
    const declarations = statement.type === AST_NODE_TYPES.VariableDeclaration ? statement.declarations : [];
    for (const declarator of declarations) {
      const init = declarator.init;
      const required =
        init?.type === AST_NODE_TYPES.CallExpression && init.callee.type === AST_NODE_TYPES.Identifier && init.callee.name === 'require'
          ? init.arguments[0]
          : undefined;
      if (required?.type !== AST_NODE_TYPES.Literal || !CLIENT_SOURCES.test(`'${String(required.value)}'`)) continue;
      collectNames(declarator.id, names);
    }
  }
  return names;
}

function collectNames(pattern: TSESTree.Node, names: Set<string>): void {
  if (pattern.type === AST_NODE_TYPES.Identifier) names.add(pattern.name);
  else if (pattern.type === AST_NODE_TYPES.ObjectPattern) {
    for (const property of pattern.properties) collectNames(property.type === AST_NODE_TYPES.Property ? property.value : property.argument, names);
  } else if (pattern.type === AST_NODE_TYPES.AssignmentPattern) collectNames(pattern.left, names);
}

/** `pg` in `new pg.Pool()`, `MongoClient` in `MongoClient.connect()`. */
function getRootName(callee: TSESTree.Node): string | undefined {
  let node = callee;
  for (;;) {
    if (node.type === AST_NODE_TYPES.Identifier) return node.name;
    if (node.type === AST_NODE_TYPES.MemberExpression) node = node.object;
    else if (
      node.type === AST_NODE_TYPES.TSAsExpression ||
      node.type === AST_NODE_TYPES.TSNonNullExpression ||
      node.type === AST_NODE_TYPES.ChainExpression
    ) {
      node = node.expression;
    } else if (node.type === AST_NODE_TYPES.CallExpression) node = node.callee;
    else return undefined;
  }
}

/**
 * A lazy singleton: the client is assigned to a property (`globalThis.prisma = …`,
 * `this.pool = …`) or to a variable declared outside the handler (`client ??= new Redis()`).
 */
function isStoredOutside(context: Context, node: TSESTree.Node, handler?: TSESTree.Node): boolean {
  let holder: TSESTree.Node = node;
  while (holder.parent && WRAPPERS.has(holder.parent.type)) holder = holder.parent;
  const parent = holder.parent;
  if (parent?.type !== AST_NODE_TYPES.AssignmentExpression || parent.right !== holder) return false;
  if (parent.left.type !== AST_NODE_TYPES.Identifier) return true;
  if (!handler) return false;
  const variable = context.sourceCode.getScope(parent).references.find((reference) => reference.identifier === parent.left)?.resolved;
  const declared = variable?.defs[0]?.node;
  // Unresolved (an implicit global) counts as outside.
  return !declared || declared.range[0] < handler.range[0] || declared.range[1] > handler.range[1];
}
