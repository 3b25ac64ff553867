import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getStaticPropertyName } from '../../ast/get-static-property-name.js';
import { unwrapExpression } from '../../ast/unwrap-expression.js';
import { CALL, getOrigin, NEW, type Origin } from '../../origin/get-origin.js';
import { getOriginFromType } from '../../types/get-origin-from-type.js';
import { classifyDataAccess, isDataMethodName } from './classify-data-access.js';
import type { DataAccess } from './data-access.js';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** Methods that consume a chain without being part of it. */
const PROMISE_METHODS = new Set(['then', 'catch', 'finally']);
const cache = new WeakMap<TSESTree.CallExpression, DataAccess | null>();

/** One link of a chain as written: a property access, a call or a `new`. */
interface Link {
  readonly step: string;
  readonly node: TSESTree.Node;
}

/**
 * What `call` does to a database, resolved by origin (imports, `require`, variables
 * holding a client) for Prisma, Drizzle, Sequelize, TypeORM, Mongoose, the MongoDB
 * driver, Knex, pg, mysql2, better-sqlite3 and Supabase. Chained builders are answered
 * for the outermost call only (`db.select().from(users).limit(10)` is one access, at
 * `.limit(10)`); `.then/.catch/.finally` are not part of the chain. With type
 * information a client typed by its package (`this.repo: Repository<User>`) resolves
 * too. `undefined` when unsure, including clients imported from project modules
 * without type information.
 */
export function getDataAccess(context: AnyContext, call: TSESTree.CallExpression): DataAccess | undefined {
  const cached = cache.get(call);
  if (cached !== undefined) return cached ?? undefined;
  const result = getDataAccessUncached(context, call);
  cache.set(call, result ?? null);
  return result;
}

function getDataAccessUncached(context: AnyContext, call: TSESTree.CallExpression): DataAccess | undefined {
  // Cheap AST guards first: the call's own name must be a data method, and it must end its chain.
  const callee = unwrapExpression(call.callee);
  const name =
    callee.type === AST_NODE_TYPES.MemberExpression
      ? getStaticPropertyName(callee)
      : callee.type === AST_NODE_TYPES.Identifier || callee.type === AST_NODE_TYPES.CallExpression
        ? ''
        : undefined;
  if (name === undefined || PROMISE_METHODS.has(name) || !isDataMethodName(name) || isInsideChain(call)) return undefined;

  const links = getLinks(call);
  const resolved = resolveChain(context, call, links);
  if (!resolved) return undefined;
  return classifyDataAccess(resolved.origin.source, resolved.path, resolved.calls);
}

/** `true` when `call` is the object of a further chained call (`db.select()` in `db.select().from(t)`). */
function isInsideChain(call: TSESTree.CallExpression): boolean {
  let node: TSESTree.Node = call;
  while (
    node.parent &&
    (node.parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      node.parent.type === AST_NODE_TYPES.TSAsExpression ||
      node.parent.type === AST_NODE_TYPES.ChainExpression)
  ) {
    node = node.parent;
  }
  const parent = node.parent;
  if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== node) return false;
  const name = getStaticPropertyName(parent);
  return name === undefined || !PROMISE_METHODS.has(name);
}

/** The chain below `call`, innermost first: `db.select().from(t)` → `select`, `()`, `from`, `()`. */
function getLinks(call: TSESTree.CallExpression): { base: TSESTree.Node; links: Link[] } {
  const links: Link[] = [];
  let node = unwrapExpression(call);
  for (;;) {
    if (node.type === AST_NODE_TYPES.CallExpression) {
      links.push({ step: CALL, node });
      node = unwrapExpression(node.callee);
    } else if (node.type === AST_NODE_TYPES.NewExpression) {
      links.push({ step: NEW, node });
      node = unwrapExpression(node.callee);
    } else if (node.type === AST_NODE_TYPES.MemberExpression) {
      const name = getStaticPropertyName(node);
      if (name === undefined) break;
      links.push({ step: name, node });
      node = unwrapExpression(node.object);
    } else {
      break;
    }
  }
  return { base: node, links: links.reverse() };
}

interface ResolvedChain {
  readonly origin: Origin;
  /** The full path from the module, steps of the written chain included. */
  readonly path: readonly string[];
  /** For each `()` in `path` that is written in this chain, its call. */
  readonly calls: ReadonlyMap<number, TSESTree.CallExpression>;
}

function resolveChain(
  context: AnyContext,
  call: TSESTree.CallExpression,
  { base, links }: { base: TSESTree.Node; links: Link[] },
): ResolvedChain | undefined {
  const origin = getOrigin(context, call);
  if (origin) {
    // Align the written chain with the end of the resolved path.
    const calls = new Map<number, TSESTree.CallExpression>();
    for (let i = 1; i <= Math.min(links.length, origin.path.length); i++) {
      const link = links[links.length - i] as Link;
      const index = origin.path.length - i;
      if (origin.path[index] !== link.step) break;
      if (link.node.type === AST_NODE_TYPES.CallExpression) calls.set(index, link.node);
    }
    return { origin, path: origin.path, calls };
  }
  // Unresolved receivers: a model class (`class User extends Model`), or a typed client
  // the scope cannot follow (`this.repo`, a parameter). Type lookups are capped at two.
  const candidates: Array<{ node: TSESTree.Node; from: number }> = [{ node: base, from: 0 }];
  const firstMember = links[0];
  if (firstMember && firstMember.node.type === AST_NODE_TYPES.MemberExpression) {
    candidates.push({ node: firstMember.node, from: 1 });
  }
  for (const { node, from } of candidates) {
    const receiver = (from === 0 ? getClassOrigin(context, node) : undefined) ?? getOriginFromType(context, node);
    if (!receiver) continue;
    const rest = links.slice(from);
    const path = [...receiver.path, ...rest.map((link) => link.step)];
    const calls = new Map<number, TSESTree.CallExpression>();
    rest.forEach((link, i) => {
      if (link.node.type === AST_NODE_TYPES.CallExpression) calls.set(receiver.path.length + i, link.node);
    });
    return { origin: receiver, path, calls };
  }
  return undefined;
}

/** `class User extends Model {}` (Model from a package) → `Model` + `extends`. */
function getClassOrigin(context: AnyContext, node: TSESTree.Node): Origin | undefined {
  if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(node), node);
  const def = variable?.defs[0];
  if (def?.type !== 'ClassName' || variable?.defs.length !== 1) return undefined;
  const declaration = def.node;
  if (
    (declaration.type !== AST_NODE_TYPES.ClassDeclaration && declaration.type !== AST_NODE_TYPES.ClassExpression) ||
    !declaration.superClass
  ) {
    return undefined;
  }
  const superOrigin = getOrigin(context, declaration.superClass);
  return superOrigin && { ...superOrigin, path: [...superOrigin.path, 'extends'] };
}
