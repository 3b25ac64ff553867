import {
  AST_NODE_TYPES,
  getDataAccess,
  getOrigin,
  getStaticPropertyName,
  getTaint,
  isInTestFile,
  unwrapExpression,
  type DataAccess,
  type TSESLint,
  type TSESTree,
} from '@prodready/eslint-rule-kit';

import { createRule } from '../create-rule.js';
import { mayAccessData } from '../may-access-data.js';

export type Options = [];
export type MessageIds = 'unclampedPageSize';

/** Option keys that set a page size, by library. */
const LIMIT_KEYS: Partial<Record<DataAccess['library'], string>> = {
  prisma: 'take',
  typeorm: 'take',
  sequelize: 'limit',
  drizzle: 'limit',
};
const LIMIT_STEPS = new Set(['limit', 'take']);
const CONVERSIONS = new Set(['Number', 'parseInt', 'parseFloat']);
const MAX_DEPTH = 4;

type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

export default createRule<Options, MessageIds>({
  name: 'no-unclamped-page-size',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow query page sizes taken from the request without an upper bound',
      recommended: 'recommended',
    },
    schema: [],
    messages: {
      unclampedPageSize:
        'This page size comes from the request with no upper bound: one request with `?limit=1000000` loads the whole table into memory and ties up the database. Clamp it with `Math.min(value, MAX_PAGE_SIZE)` or a schema `.max()`.',
    },
  },
  create(context) {
    if (isInTestFile(context) || !mayAccessData(context)) return {};

    return {
      CallExpression(node): void {
        const access = getDataAccess(context, node);
        if (!access || access.kind !== 'read' || !access.returnsList) return;
        for (const value of getLimitValues(access)) {
          if (isRequestControlled(context, value, MAX_DEPTH)) {
            context.report({ node: value, messageId: 'unclampedPageSize' });
          }
        }
      },
    };
  },
});

/** `take: n`, `limit: n`, `.limit(n)`, `.take(n)`, Supabase `.range(from, to)`. */
function getLimitValues(access: DataAccess): TSESTree.Node[] {
  const values: TSESTree.Node[] = [];
  const key = LIMIT_KEYS[access.library];
  const options = access.options && unwrapExpression(access.options);
  if (key && options?.type === AST_NODE_TYPES.ObjectExpression) {
    for (const property of options.properties) {
      if (property.type === AST_NODE_TYPES.Property && getStaticPropertyName(property) === key) {
        values.push(property.shorthand ? property.key : property.value);
      }
    }
  }
  for (const step of access.steps) {
    const index = access.library === 'supabase' && step.name === 'range' ? 1 : LIMIT_STEPS.has(step.name) ? 0 : undefined;
    const argument = index === undefined ? undefined : step.call?.arguments[index];
    if (argument && argument.type !== AST_NODE_TYPES.SpreadElement) values.push(argument);
  }
  return values;
}

/**
 * Whether `node` is request input passed through conversions (`Number()`, `parseInt`, `+x`) and
 * defaults (`?? 20`) only. `Math.min`, conditionals and validated input (zod `.max()`, DTOs) stop it.
 */
function isRequestControlled(context: Context, raw: TSESTree.Node, depth: number): boolean {
  if (depth === 0) return false;
  const node = unwrapExpression(raw);
  switch (node.type) {
    case AST_NODE_TYPES.CallExpression: {
      const origin = getOrigin(context, node.callee);
      const name = origin?.source === 'global' ? origin.path.join('.') : undefined;
      const [first] = node.arguments;
      if (name === undefined || !first || first.type === AST_NODE_TYPES.SpreadElement) return false;
      if (CONVERSIONS.has(name) || name === 'Number.parseInt' || name === 'Number.parseFloat') {
        return isRequestControlled(context, first, depth - 1);
      }
      // `Math.max(1, n)` only sets a floor.
      if (name === 'Math.max') return node.arguments.some((argument) => isRequestControlled(context, argument, depth - 1));
      return false;
    }
    case AST_NODE_TYPES.UnaryExpression:
      return node.operator === '+' && isRequestControlled(context, node.argument, depth - 1);
    case AST_NODE_TYPES.LogicalExpression:
      return node.operator !== '&&' && isRequestControlled(context, node.left, depth - 1);
    case AST_NODE_TYPES.Identifier: {
      const init = getConstInit(context, node);
      if (init) return isRequestControlled(context, init, depth - 1);
      return getTaint(context, node) !== undefined;
    }
    case AST_NODE_TYPES.MemberExpression:
      return getTaint(context, node) !== undefined;
    default:
      return false;
  }
}

/** The initializer of a `const x = …` (not destructured), which `getTaint` would stop at when it converts. */
function getConstInit(context: Context, identifier: TSESTree.Identifier): TSESTree.Expression | undefined {
  for (let scope: TSESLint.Scope.Scope | null = context.sourceCode.getScope(identifier); scope; scope = scope.upper) {
    const variable = scope.set.get(identifier.name);
    if (!variable) continue;
    const def = variable.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type !== 'Variable' || def.parent.kind !== 'const' || def.node.id.type !== AST_NODE_TYPES.Identifier) {
      return undefined;
    }
    return def.node.init ?? undefined;
  }
  return undefined;
}
