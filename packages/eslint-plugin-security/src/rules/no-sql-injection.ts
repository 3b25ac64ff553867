import {
  allowOptionSchema,
  AST_NODE_TYPES,
  type DataAccess,
  getDataAccess,
  getOrigin,
  getRequestSourceLabel,
  getStaticPropertyName,
  getTaint,
  isInTestFile,
  type TSESLint,
  type TSESTree,
  unwrapExpression,
} from '@prodready/eslint-rule-kit';

import { createRule } from '../create-rule.js';

export type Options = [{ allow: string[] }];
export type MessageIds = 'sqlInjection' | 'filterInjection';

interface SqlArgument {
  readonly node: TSESTree.Node;
  readonly operation: string;
  /** Query-builder conditions also take objects and fragments; only strings built in place are SQL text. */
  readonly requiresBuiltString: boolean;
  readonly messageId: MessageIds;
}

// Methods of database clients that take SQL text first, for clients imported from project modules.
const SQL_METHODS = new Set([
  '$executeRawUnsafe', '$queryRawUnsafe', 'all', 'exec', 'execute', 'get', 'prepare', 'query', 'raw', 'run', 'unsafe', 'whereRaw',
]);
// Statement starts: a built string is only taken for SQL when its fixed text begins like a statement.
const SQL_STATEMENT = /^\s*\(?\s*(?:select|insert\s+into|update\s+\S+\s+set|delete\s+from|with\s+\w+\s+as|replace\s+into|merge\s+into|call|exec(?:ute)?)\b/i;

// TypeORM query-builder methods whose string argument is inserted into the SQL as written.
const TYPEORM_CONDITIONS = new Set(['where', 'andWhere', 'orWhere', 'having', 'andHaving', 'orHaving']);

export default createRule<Options, MessageIds>({
  name: 'no-sql-injection',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow request input in raw SQL strings and query-builder filter strings',
      recommended: 'recommended',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allow: {
            ...allowOptionSchema,
            description: 'Operation names (`$queryRawUnsafe`, `whereRaw`, `query`, `sql.raw`, `or`) that the rule never reports.',
          },
        },
      },
    ],
    defaultOptions: [{ allow: [] }],
    messages: {
      sqlInjection:
        '`{{operation}}` runs SQL built from {{input}}, so a request can read, change or delete any row in the database. Pass the input as a bound parameter (`$1`/`?` with a values array, or a tagged template such as `sql`/`Prisma.sql`) instead of building the string.',
      filterInjection:
        '`{{operation}}` parses a filter string built from {{input}}, so a request containing `,` or `)` adds its own conditions and reads rows it should not. Escape the value or use the typed filter methods (`.eq()`, `.ilike()`) instead.',
    },
  },
  create(context, [{ allow }]) {
    if (isInTestFile(context)) return {};
    const allowed = new Set(allow);

    return {
      CallExpression(node): void {
        const access = getDataAccess(context, node);
        const sqlArguments = access ? getSqlArguments(access) : getUnresolvedSqlArgument(context, node);
        for (const argument of sqlArguments) {
          if (allowed.has(argument.operation)) continue;
          if (argument.requiresBuiltString && !isBuiltString(context, argument.node)) continue;
          const taint = getTaint(context, argument.node, { sink: 'sql' });
          if (!taint) continue;
          context.report({
            node: argument.node,
            messageId: argument.messageId,
            data: { operation: argument.operation, input: getRequestSourceLabel(taint.kind) },
          });
        }
      },
    };
  },
});

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** The arguments of one data access that are SQL (or PostgREST filter) text. */
function getSqlArguments(access: DataAccess): SqlArgument[] {
  const found: SqlArgument[] = [];
  const add = (node: TSESTree.Node | undefined, operation: string, requiresBuiltString: boolean, messageId: MessageIds = 'sqlInjection'): void => {
    if (!node || node.type === AST_NODE_TYPES.SpreadElement || found.some((entry) => entry.node === node)) return;
    found.push({ node, operation, requiresBuiltString, messageId });
  };
  for (const step of access.steps) {
    const first = step.call?.arguments[0];
    if (access.library === 'knex' && step.name.endsWith('Raw')) add(first, step.name, false);
    else if (access.library === 'typeorm' && TYPEORM_CONDITIONS.has(step.name)) add(first, step.name, true);
    else if (access.library === 'supabase' && step.name === 'or') add(first, step.name, true, 'filterInjection');
  }
  if (access.rawSql) add(access.rawSql, access.operation, false);
  return found;
}

/**
 * `db.query(\`SELECT … ${x}\`)` where `db` is imported from a project module the origin model cannot
 * follow (`models.sequelize`, a `db` wrapper): the method name and a statement-shaped built string decide.
 * Receivers from packages are left to `getDataAccess`, which knows every supported client; local
 * objects and parameters are not guessed at.
 */
function getUnresolvedSqlArgument(context: Context, call: TSESTree.CallExpression): SqlArgument[] {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return [];
  const operation = getStaticPropertyName(callee);
  const [first] = call.arguments;
  if (operation === undefined || !SQL_METHODS.has(operation) || !first || first.type === AST_NODE_TYPES.SpreadElement) return [];
  const text = getLeadingText(context, first);
  if (text === undefined || !SQL_STATEMENT.test(text)) return [];
  const origin = getOrigin(context, callee.object);
  if (!origin || !isProjectSource(origin.source)) return [];
  return [{ node: first, operation, requiresBuiltString: true, messageId: 'sqlInjection' }];
}

/** A relative path or a path alias (`@/lib/db`, `~/db`, `#db`); bare package names are not. */
function isProjectSource(source: string): boolean {
  return /^(?:\.|\/|@\/|~\/|#)/.test(source);
}

/** The fixed text a built string starts with: the first quasi of a template, the leftmost literal of `+`. */
function getLeadingText(context: Context, input: TSESTree.Node): string | undefined {
  let node = resolveInit(context, unwrapExpression(input));
  while (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === '+') node = unwrapExpression(node.left);
  if (node.type === AST_NODE_TYPES.TemplateLiteral) return node.quasis[0]?.value.cooked ?? undefined;
  return node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string' ? node.value : undefined;
}

/** A template literal with substitutions or a `+` concatenation, written here or in the variable it reads. */
function isBuiltString(context: Context, input: TSESTree.Node): boolean {
  const node = resolveInit(context, unwrapExpression(input));
  return (
    (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length > 0) ||
    (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === '+')
  );
}

/** The initializer of a single-definition variable, or `node` itself. */
function resolveInit(context: Context, node: TSESTree.Node): TSESTree.Node {
  if (node.type !== AST_NODE_TYPES.Identifier) return node;
  const name = node.name;
  let scope: ReturnType<Context['sourceCode']['getScope']> | null = context.sourceCode.getScope(node);
  while (scope && !scope.set.has(name)) scope = scope.upper;
  const defs = scope?.set.get(name)?.defs ?? [];
  const def = defs.length === 1 ? defs[0] : undefined;
  return def?.type === 'Variable' && def.node.init ? unwrapExpression(def.node.init) : node;
}
