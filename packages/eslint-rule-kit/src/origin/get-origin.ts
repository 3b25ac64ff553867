import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getStaticPropertyName } from '../ast/get-static-property-name.js';
import { unwrapExpression } from '../ast/unwrap-expression.js';
import { getOriginFromFacts } from '../facts/get-origin-from-facts.js';
import { getOriginFromType } from '../types/get-origin-from-type.js';
import { isLocalSource, normaliseSource } from './normalise-source.js';

/** Path step for calling a value: `express()` is `express` + `()`. */
export const CALL = '()';
/** Path step for constructing a value: `new Pool()` is `Pool` + `new`. */
export const NEW = 'new';

/**
 * Where a value comes from: the module it was imported or required from and the
 * access path from that module's namespace. The default export is folded into the
 * namespace (ESM/CJS interop makes `import x from 'm'` and `require('m')` the same
 * value in practice), so `import pg from 'pg'; new pg.Pool()` and
 * `const { Pool } = require('pg'); new Pool()` both give `{ source: 'pg', path: ['Pool', 'new'] }`.
 */
export interface Origin {
  /** Normalised module specifier (`node:fs` → `fs`), or `'global'` for globals like `fetch`. */
  readonly source: string;
  /** Export and property names, with `()` for a call and `new` for a construction. */
  readonly path: readonly string[];
  /** How the first step was resolved. */
  readonly via: 'import' | 'require' | 'global' | 'type' | 'facts';
}

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

const MAX_DEPTH = 12;
const GLOBAL_OBJECTS = new Set(['globalThis', 'global', 'window', 'self']);
const cache = new WeakMap<TSESTree.Node, Origin | null>();

/**
 * Resolve which module and export `node` (an identifier, member access, call or
 * `new` expression) comes from, through imports, `require`, re-assignment,
 * destructuring, namespace imports, wrappers (`drizzle(pool)`, `express.Router()`)
 * and `a ?? new X()` singletons. Returns `undefined` when unsure.
 *
 * Values imported from the project's own modules are followed into their package through
 * type information when linting is typed (`prisma: PrismaClient` → `@prisma/client`), else
 * through the project-facts pre-pass file when one exists; otherwise they resolve to the
 * project module itself (`{ source: './db', path: ['prisma'] }`), which no library matcher accepts.
 */
export function getOrigin(context: AnyContext, node: TSESTree.Node): Origin | undefined {
  const origin = resolve(context, node, 0, new Set());
  return origin && isLocalSource(origin.source) ? (getOriginFromFacts(context, origin) ?? origin) : origin;
}

function resolve(context: AnyContext, node: TSESTree.Node, depth: number, seen: Set<TSESTree.Node>): Origin | undefined {
  if (depth > MAX_DEPTH || seen.has(node)) return undefined;
  const cached = cache.get(node);
  if (cached !== undefined) return cached ?? undefined;
  seen.add(node);
  const result = resolveUncached(context, node, depth, seen);
  seen.delete(node);
  cache.set(node, result ?? null);
  return result;
}

function resolveUncached(
  context: AnyContext,
  input: TSESTree.Node,
  depth: number,
  seen: Set<TSESTree.Node>,
): Origin | undefined {
  const node = unwrapExpression(input);
  if (node !== input) return resolve(context, node, depth + 1, seen);

  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
      return resolveIdentifier(context, node, depth, seen);
    case AST_NODE_TYPES.MemberExpression: {
      const name = getStaticPropertyName(node);
      if (name === undefined) return undefined;
      const object = resolve(context, node.object, depth + 1, seen);
      return object && append(object, name);
    }
    case AST_NODE_TYPES.CallExpression: {
      const required = getRequiredModule(context, node);
      if (required !== undefined) return { source: required, path: [], via: 'require' };
      const callee = resolve(context, node.callee, depth + 1, seen);
      return callee && append(callee, CALL);
    }
    case AST_NODE_TYPES.NewExpression: {
      const callee = resolve(context, node.callee, depth + 1, seen);
      return callee && append(callee, NEW);
    }
    case AST_NODE_TYPES.ImportExpression:
      return node.source.type === AST_NODE_TYPES.Literal && typeof node.source.value === 'string'
        ? { source: normaliseSource(node.source.value), path: [], via: 'import' }
        : undefined;
    case AST_NODE_TYPES.LogicalExpression:
    case AST_NODE_TYPES.ConditionalExpression: {
      const [left, right] =
        node.type === AST_NODE_TYPES.LogicalExpression ? [node.left, node.right] : [node.consequent, node.alternate];
      return pickBranch(resolve(context, left, depth + 1, seen), resolve(context, right, depth + 1, seen));
    }
    case AST_NODE_TYPES.AssignmentExpression:
      return resolve(context, node.right, depth + 1, seen);
    default:
      return undefined;
  }
}

function resolveIdentifier(
  context: AnyContext,
  node: TSESTree.Identifier,
  depth: number,
  seen: Set<TSESTree.Node>,
): Origin | undefined {
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(node), node);
  if (!variable || variable.defs.length === 0) {
    // An implicit global (`fetch`, `console`, `process`); `globalThis.x` is `x`.
    if (GLOBAL_OBJECTS.has(node.name)) return { source: 'global', path: [], via: 'global' };
    return { source: 'global', path: [node.name], via: 'global' };
  }
  const def = variable.defs[0];
  if (!def || variable.defs.length > 1) return undefined;

  if (def.type === 'ImportBinding') {
    const declaration = def.parent;
    if (declaration.type !== AST_NODE_TYPES.ImportDeclaration) return undefined;
    const source = normaliseSource(String(declaration.source.value));
    const spec = def.node;
    const imported =
      spec.type === AST_NODE_TYPES.ImportSpecifier
        ? spec.imported.type === AST_NODE_TYPES.Identifier
          ? spec.imported.name
          : String(spec.imported.value)
        : undefined;
    if (!isLocalSource(source)) {
      return { source, path: imported && imported !== 'default' ? [imported] : [], via: 'import' };
    }
    // A project module keeps `default` so project facts can tell the default export from the namespace.
    const step = imported ?? (spec.type === AST_NODE_TYPES.ImportDefaultSpecifier ? 'default' : undefined);
    return getOriginFromType(context, node) ?? { source, path: step ? [step] : [], via: 'import' };
  }

  if (def.type === 'Variable') {
    const declarator = def.node;
    const statement = declarator.parent.parent;
    if (
      (statement.type === AST_NODE_TYPES.ForOfStatement || statement.type === AST_NODE_TYPES.ForInStatement) &&
      statement.left === declarator.parent
    ) {
      // A loop variable is an element of the iterable, not the iterable itself.
      return getOriginFromType(context, node);
    }
    // Default values inside the pattern (`{ a = 'x' } = obj`) are fallbacks, not the value's origin.
    const writes = variable.references.filter(
      (reference) =>
        reference.isWrite() && reference.writeExpr && !isWithin(reference.writeExpr, declarator.id),
    );
    const pattern = getPatternPath(declarator.id, def.name);
    if (pattern === undefined) return undefined;
    // `const db = …` or a `let client` whose every assignment is the same thing
    // (lazy singletons: `client ??= new Redis()`).
    const origins = writes.map((reference) => {
      const written = reference.writeExpr as TSESTree.Node;
      const base = resolve(context, written, depth + 1, seen);
      // Destructuring applies to the declarator's initialiser only.
      return base && written === declarator.init ? appendAll(base, pattern) : base;
    });
    const first = origins[0];
    if (!first || origins.some((origin) => !origin || !isSameOrigin(origin, first))) {
      return getOriginFromType(context, node);
    }
    return first;
  }

  if (def.type === 'Parameter') {
    return getOriginFromType(context, node);
  }
  return undefined;
}

/** `require('pg')` where `require` is the CommonJS global; the module specifier. */
function getRequiredModule(context: AnyContext, node: TSESTree.CallExpression): string | undefined {
  if (node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== 'require') return undefined;
  const argument = node.arguments[0];
  if (!argument || argument.type !== AST_NODE_TYPES.Literal || typeof argument.value !== 'string') return undefined;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(node), node.callee);
  if (variable && variable.defs.length > 0) {
    // `const require = createRequire(import.meta.url)` is still require.
    const def = variable.defs[0];
    const init = def?.type === 'Variable' ? def.node.init : null;
    if (!init || init.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const creator = resolve(context, init.callee, 0, new Set());
    if (!creator || creator.source !== 'module' || creator.path.join('.') !== 'createRequire') return undefined;
  }
  return normaliseSource(argument.value);
}

/**
 * The property path from a declarator's `id` to `name`: `[]` for `const x = …`,
 * `['Pool']` for `const { Pool } = …`, `['a', 'b']` for `const { a: { b } } = …`.
 */
function getPatternPath(pattern: TSESTree.Node, name: TSESTree.Identifier): string[] | undefined {
  if (pattern === name) return [];
  if (pattern.type === AST_NODE_TYPES.AssignmentPattern) return getPatternPath(pattern.left, name);
  if (pattern.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const key = getStaticPropertyName(property);
    if (key === undefined) continue;
    const rest = getPatternPath(property.value, name);
    if (rest !== undefined) return [key, ...rest];
  }
  return undefined;
}

function pickBranch(left: Origin | undefined, right: Origin | undefined): Origin | undefined {
  // `globalThis.prisma ?? new PrismaClient()`: the module side is what the value is.
  if (left && right) {
    if (isSameOrigin(left, right)) return left;
    if (left.source === 'global' && right.source !== 'global') return right;
    if (right.source === 'global' && left.source !== 'global') return left;
    return undefined;
  }
  return left ?? right;
}

function append(origin: Origin, step: string): Origin {
  // `import x from 'm'` and `require('m').default` are the namespace (see Origin).
  if (origin.path.length === 0 && step === 'default') return origin;
  return { source: origin.source, path: [...origin.path, step], via: origin.via };
}

function appendAll(origin: Origin, steps: readonly string[]): Origin {
  return steps.reduce(append, origin);
}

function isSameOrigin(a: Origin, b: Origin): boolean {
  return a.source === b.source && a.path.length === b.path.length && a.path.every((step, i) => step === b.path[i]);
}

function isWithin(inner: TSESTree.Node, outer: TSESTree.Node): boolean {
  return inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];
}
