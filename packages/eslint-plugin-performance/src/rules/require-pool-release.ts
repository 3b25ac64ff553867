import {
  allowOptionSchema,
  AST_NODE_TYPES,
  findVariable,
  getOrigin,
  getStaticPropertyName,
  isFunctionLike,
  isInTestFile,
  isNode,
  isOrigin,
  type OriginPattern,
  type TSESLint,
  type TSESTree,
  unwrapExpression,
} from '@prodready/eslint-rule-kit';

import { createRule } from '../create-rule.js';

export type Options = [{ allow: string[] }];
export type MessageIds = 'missingRelease' | 'releaseNotInFinally';

type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

const MYSQL = ['mysql', 'mysql2', 'mysql2/promise'];
/** Calls that check a connection out of a pool, with the name the message uses. */
const ACQUISITIONS: ReadonlyArray<readonly [name: string, pattern: OriginPattern]> = [
  ['pg', { source: 'pg', path: ['Pool', 'new', 'connect', '()'] }],
  ['pg', { source: 'pg-pool', path: ['new', 'connect', '()'] }],
  ['mysql', { source: MYSQL, path: ['createPool', '()', 'getConnection', '()'] }],
  ['mysql', { source: MYSQL, path: ['createPool', '()', 'promise', '()', 'getConnection', '()'] }],
  ['mysql', { source: MYSQL, path: ['createPoolCluster', '()', 'getConnection', '()'] }],
  ['generic-pool', { source: 'generic-pool', path: ['createPool', '()', 'acquire', '()'] }],
  ['generic-pool', { source: 'generic-pool', path: ['Pool', 'new', 'acquire', '()'] }],
  ['knex', { source: 'knex', path: ['()', 'client', 'acquireConnection', '()'] }],
  ['knex', { source: 'knex', path: ['knex', '()', 'client', 'acquireConnection', '()'] }],
];
const ACQUIRE_METHODS = new Set(['connect', 'getConnection', 'createQueryRunner', 'acquire', 'acquireConnection']);
// Text fast path: an acquisition resolves only when its package is imported in this file.
const SOURCES = /['"](?:pg|pg-pool|mysql|mysql2(?:\/promise)?|typeorm|generic-pool|knex)['"]/;
/** `conn.release()`, `conn.destroy()`, `queryRunner.release()`. */
const OWN_RELEASE = new Set(['release', 'destroy', 'end']);
/** `pool.release(conn)`, `pool.releaseConnection(conn)`, `knex.client.releaseConnection(conn)`. */
const POOL_RELEASE = new Set(['release', 'destroy', 'releaseConnection']);

export default createRule<Options, MessageIds>({
  name: 'require-pool-release',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require connections checked out of a pool to be released in `finally`',
      recommended: 'recommended',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allow: {
            ...allowOptionSchema,
            description: 'Pool libraries, as the message names them (`pg`, `mysql`, `typeorm`), never reported.',
          },
        },
      },
    ],
    defaultOptions: [{ allow: [] }],
    messages: {
      missingRelease:
        'This {{library}} connection is never released: each call keeps one pooled connection checked out forever, and once the pool is empty every later query waits and the server hangs. Release it in a `finally` block.',
      releaseNotInFinally:
        'This {{library}} connection is released only when nothing fails before the release: a query that throws or an early `return` skips it, the connection stays checked out, and repeated failures drain the pool until every request hangs. Release it in a `finally` block of a `try` that starts right after it is acquired.',
    },
  },
  create(context, [{ allow }]) {
    if (isInTestFile(context) || !SOURCES.test(context.sourceCode.text)) return {};
    const allowed = new Set(allow);

    return {
      CallExpression(node): void {
        const callee = unwrapExpression(node.callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
        const method = getStaticPropertyName(callee);
        if (method === undefined || !ACQUIRE_METHODS.has(method) || hasCallbackArgument(node)) return;
        const library = getPoolLibrary(context, node);
        if (library === undefined || allowed.has(library)) return;
        const problem = getReleaseProblem(context, node);
        if (problem) context.report({ node: callee.property, messageId: problem, data: { library } });
      },
    };
  },
});

/** `pool.connect((err, client, done) => …)`: the callback API, which this rule does not follow. */
function hasCallbackArgument(call: TSESTree.CallExpression): boolean {
  return call.arguments.some((argument) => isFunctionLike(argument));
}

/** The pool library `call` checks a connection out of, or `undefined` when it is not an acquisition. */
function getPoolLibrary(context: Context, call: TSESTree.CallExpression): string | undefined {
  const origin = getOrigin(context, call);
  if (!origin) return undefined;
  // Any TypeORM value whose `createQueryRunner()` is called is a DataSource, Connection or manager.
  if (origin.source === 'typeorm' && origin.path.at(-2) === 'createQueryRunner' && origin.path.at(-1) === '()') {
    return 'typeorm';
  }
  return ACQUISITIONS.find(([, pattern]) => isOrigin(origin, pattern))?.[0];
}

/**
 * What is wrong with how the connection `call` acquires is released, or `undefined` when it is
 * released safely, handed to someone else (returned, stored, passed to a helper) or unknown.
 */
function getReleaseProblem(context: Context, call: TSESTree.CallExpression): MessageIds | undefined {
  let value: TSESTree.Node = call;
  while (
    value.parent &&
    (value.parent.type === AST_NODE_TYPES.AwaitExpression ||
      value.parent.type === AST_NODE_TYPES.ChainExpression ||
      value.parent.type === AST_NODE_TYPES.TSAsExpression ||
      value.parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      value.parent.type === AST_NODE_TYPES.TSSatisfiesExpression)
  ) {
    value = value.parent;
  }
  const parent = value.parent;
  if (parent?.type === AST_NODE_TYPES.ExpressionStatement) {
    // `await pool.connect();` throws the connection away, unless it only opens a query runner.
    return getStaticPropertyName(unwrapExpression(call.callee) as TSESTree.MemberExpression) === 'createQueryRunner'
      ? undefined
      : 'missingRelease';
  }
  let binding: TSESTree.Identifier | undefined;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === value && parent.id.type === AST_NODE_TYPES.Identifier) {
    const kind: string = parent.parent.kind;
    // `await using conn = …` disposes it on every path.
    if (kind === 'using' || kind === 'await using') return undefined;
    binding = parent.id;
  } else if (
    parent?.type === AST_NODE_TYPES.AssignmentExpression &&
    parent.operator === '=' &&
    parent.right === value &&
    parent.left.type === AST_NODE_TYPES.Identifier
  ) {
    binding = parent.left;
  }
  // Returned, stored on an object, passed on or chained with `.then`: ownership moves elsewhere.
  if (!binding) return undefined;
  const variable = findVariable(context, binding);
  if (!variable) return undefined;

  const releases: TSESTree.CallExpression[] = [];
  const reads = new Set<TSESTree.Node>();
  for (const reference of variable.references) {
    if (reference.init || reference.isWrite()) continue;
    reads.add(reference.identifier);
    const use = getUse(reference.identifier);
    if (use === 'escapes') return undefined;
    if (use !== 'other') releases.push(use);
  }
  if (releases.length === 0) return 'missingRelease';
  const fn = getFunctionOf(call) ?? context.sourceCode.ast;
  const safe =
    releases.some((release) => isSafeRelease(release, call, fn, reads)) || isReleasedInTryAndCatch(releases);
  return safe ? undefined : 'releaseNotInFinally';
}

/** `try { …; conn.release(); } catch (error) { conn.release(); throw error; }`: both paths release. */
function isReleasedInTryAndCatch(releases: readonly TSESTree.CallExpression[]): boolean {
  return releases.some((release) => {
    const tryStatement = getEnclosingTry(release, 'handler');
    return tryStatement !== undefined && releases.some((other) => getEnclosingTry(other, 'block') === tryStatement);
  });
}

/** The nearest `try` whose `block` or `handler` (as asked) holds `node`, within the same function. */
function getEnclosingTry(node: TSESTree.Node, part: 'block' | 'handler'): TSESTree.TryStatement | undefined {
  let child: TSESTree.Node = node;
  for (let current: TSESTree.Node | undefined = node.parent; current && !isFunctionLike(current); child = current, current = current.parent) {
    if (current.type === AST_NODE_TYPES.TryStatement && current[part] === child) return current;
  }
  return undefined;
}

/** How one read of the connection variable uses it: a release call, a hand-over, or anything else. */
function getUse(identifier: TSESTree.Node): TSESTree.CallExpression | 'escapes' | 'other' {
  let node: TSESTree.Node = identifier;
  while (
    node.parent?.type === AST_NODE_TYPES.TSNonNullExpression ||
    node.parent?.type === AST_NODE_TYPES.TSAsExpression ||
    node.parent?.type === AST_NODE_TYPES.TSSatisfiesExpression
  ) {
    node = node.parent;
  }
  const parent = node.parent;
  if (!parent) return 'other';
  switch (parent.type) {
    case AST_NODE_TYPES.MemberExpression: {
      if (parent.object !== node) return 'other';
      const name = getStaticPropertyName(parent);
      const call = parent.parent;
      if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === parent) {
        return name !== undefined && OWN_RELEASE.has(name) ? call : 'other';
      }
      // `conn.release` passed as a value (`.finally(conn.release)`) releases it somewhere.
      return name !== undefined && OWN_RELEASE.has(name) ? 'escapes' : 'other';
    }
    case AST_NODE_TYPES.CallExpression: {
      if (parent.callee === node) return 'other';
      const callee = unwrapExpression(parent.callee);
      const name = callee.type === AST_NODE_TYPES.MemberExpression ? getStaticPropertyName(callee) : undefined;
      return name !== undefined && POOL_RELEASE.has(name) ? parent : 'escapes';
    }
    case AST_NODE_TYPES.NewExpression:
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.AssignmentExpression:
    case AST_NODE_TYPES.VariableDeclarator:
    case AST_NODE_TYPES.Property:
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.SpreadElement:
    case AST_NODE_TYPES.YieldExpression:
    case AST_NODE_TYPES.ConditionalExpression:
    case AST_NODE_TYPES.LogicalExpression:
    case AST_NODE_TYPES.PropertyDefinition:
    case AST_NODE_TYPES.JSXExpressionContainer:
      return 'escapes';
    default:
      return 'other';
  }
}

function getFunctionOf(node: TSESTree.Node): TSESTree.Node | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionLike(current)) return current;
  }
  return undefined;
}

/**
 * A release that runs on every path after `acquire`: in a `finally` block (or a `.finally()`
 * callback), in a callback this function does not run inline (an `on('finish')` listener), or
 * with no `await`, `return` or `throw` between the acquisition and it.
 */
function isSafeRelease(
  release: TSESTree.CallExpression,
  acquire: TSESTree.CallExpression,
  fn: TSESTree.Node | undefined,
  reads: ReadonlySet<TSESTree.Node>,
): boolean {
  let child: TSESTree.Node = release;
  for (let current: TSESTree.Node | undefined = release.parent; current && current !== fn; child = current, current = current.parent) {
    if (current.type === AST_NODE_TYPES.TryStatement && current.finalizer === child) {
      // Set-up on the connection itself (`await queryRunner.startTransaction()`) before the `try` is
      // the documented TypeORM pattern; only other work in between is counted.
      return acquire.range[0] >= current.block.range[0] || !hasExitBetween(fn, acquire.range[1], current.range[0], reads);
    }
    if (isFunctionLike(current)) return true;
  }
  return !hasExitBetween(fn, acquire.range[1], release.range[0], new Set());
}

/** A `return`, `throw` or `await` (other than of a call on the connection in `ownReads`) between two offsets of `fn`. */
function hasExitBetween(fn: TSESTree.Node | undefined, start: number, end: number, ownReads: ReadonlySet<TSESTree.Node>): boolean {
  if (!fn) return false;
  const visit = (node: TSESTree.Node): boolean => {
    if (node.range[1] <= start || node.range[0] >= end) return false;
    if (node !== fn && isFunctionLike(node)) return false;
    if (
      node.range[0] >= start &&
      (node.type === AST_NODE_TYPES.ReturnStatement ||
        node.type === AST_NODE_TYPES.ThrowStatement ||
        (node.type === AST_NODE_TYPES.AwaitExpression && !isOwnCall(node.argument, ownReads)))
    ) {
      return true;
    }
    for (const key of Object.keys(node) as Array<keyof typeof node>) {
      if (key === 'parent') continue;
      const value = node[key] as unknown;
      for (const child of Array.isArray(value) ? value : [value]) {
        if (isNode(child) && visit(child)) return true;
      }
    }
    return false;
  };
  return visit(fn);
}

/** `conn.query('BEGIN')`: a call on the connection itself. */
function isOwnCall(node: TSESTree.Node, ownReads: ReadonlySet<TSESTree.Node>): boolean {
  const inner = unwrapExpression(node);
  if (inner.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrapExpression(inner.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && ownReads.has(unwrapExpression(callee.object));
}
