import { AST_NODE_TYPES, ASTUtils, type TSESTree } from '@typescript-eslint/utils';

import { getStaticPropertyName } from '../../ast/get-static-property-name.js';
import { unwrapExpression } from '../../ast/unwrap-expression.js';
import { getOrigin } from '../../origin/get-origin.js';
import { getNestDecoratorName, getParamDecorators } from './get-nest-handler.js';
import { getRequestHandler } from './get-request-handler.js';
import type { AnyContext, FunctionLike, RequestHandler, RequestSource, RequestSourceKind } from './types.js';

type Kinds = Readonly<Record<string, RequestSourceKind>>;

const MAX_ALIAS_DEPTH = 6;
const CALL = '()';
// `req.body`, `request.query` (Fastify), `req.query` (Next.js API routes).
const NODE_PROPERTIES: Kinds = {
  body: 'body',
  query: 'query',
  params: 'params',
  headers: 'headers',
  cookies: 'cookies',
  signedCookies: 'cookies',
  url: 'url',
  originalUrl: 'url',
  baseUrl: 'url',
  path: 'path',
  file: 'form',
  files: 'form',
};
const NODE_CALLS: Kinds = { get: 'headers', header: 'headers' };
// Koa: `ctx.request.body`, `ctx.query`, `ctx.params` (routers), `ctx.get('x')`, `ctx.cookies.get('x')`.
const KOA_PROPERTIES: Kinds = {
  ...NODE_PROPERTIES,
  header: 'headers',
  href: 'url',
  querystring: 'query',
  search: 'query',
};
const KOA_CALLS: Kinds = { get: 'headers' };
// Hono: `c.req.query('q')`, `c.req.param('id')`, `await c.req.json()`.
const HONO_CALLS: Kinds = {
  query: 'query',
  queries: 'query',
  param: 'params',
  json: 'json',
  header: 'headers',
  parseBody: 'form',
  formData: 'form',
  text: 'body',
  arrayBuffer: 'body',
  blob: 'body',
};
const HONO_PROPERTIES: Kinds = { url: 'url', path: 'path' };
// A web `Request` (Next.js route handlers, edge functions): `await request.json()`, `request.nextUrl`.
const WEB_CALLS: Kinds = { json: 'json', formData: 'form', text: 'body', arrayBuffer: 'body', blob: 'body' };
const WEB_PROPERTIES: Kinds = { url: 'url', nextUrl: 'url', headers: 'headers', cookies: 'cookies', body: 'body' };
const NEST_DECORATORS: Kinds = { Body: 'body', Query: 'query', Param: 'params', Headers: 'headers' };
// Calls that read one entry of a container of input (`FormData`, `URLSearchParams`, `Headers`, cookies).
const ENTRY_READERS = new Set(['get', 'getAll']);

interface Access {
  readonly root: TSESTree.Node;
  /** Property names (`'*'` when computed) and `'()'` for calls, from the root outwards. */
  readonly steps: readonly string[];
}

/**
 * What request input `node` itself reads, when it does: `req.body` (and deeper: `req.body.email`),
 * `req.query`, `req.params`, `req.headers`, `req.get('x')`, `req.cookies` where `req` is a handler's
 * request parameter (destructured too: `({ body }, res) => …`, `const { query } = req`); Koa
 * `ctx.request.body` / `ctx.query`; Hono `c.req.query()` / `c.req.json()`; Next.js and edge
 * `await request.json()`, `(await request.formData()).get('x')`, `request.nextUrl.searchParams.get('q')`,
 * the route `params`, `headers()` / `cookies()` from `next/headers`; NestJS `@Body()` / `@Query()` /
 * `@Param()` / `@Headers()` parameters; server-action arguments. Derived values (`req.body.name.trim()`)
 * are `getTaint`'s business; this answers for the read itself.
 */
export function getRequestSource(context: AnyContext, node: TSESTree.Node): RequestSource | undefined {
  const access = getAccess(node);
  if (!access) return undefined;
  const kind = getKind(context, access, 0);
  return kind && { kind, node };
}

function getKind(context: AnyContext, access: Access, depth: number): RequestSourceKind | undefined {
  if (depth > MAX_ALIAS_DEPTH || access.root.type !== AST_NODE_TYPES.Identifier) return undefined;
  const root = access.root;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(root), root);
  const def = variable?.defs[0];
  if (!variable || !def || variable.defs.length !== 1) return undefined;

  if (def.type === 'Parameter') {
    const fn = def.node as FunctionLike;
    const parameter = fn.params.find((candidate) => isWithin(def.name, candidate));
    const patternPath = parameter && getPatternPath(parameter, def.name as TSESTree.Identifier);
    if (!parameter || !patternPath) return undefined;
    const handler = getRequestHandler(context, fn);
    return handler && getParameterKind(context, handler, parameter, [...patternPath, ...access.steps]);
  }

  if (def.type === 'ImportBinding') {
    // `headers().get('x')` and `(await cookies()).get('session')` from `next/headers`.
    const origin = getOrigin(context, root);
    if (origin?.source !== 'next/headers' || access.steps[0] !== CALL) return undefined;
    const kind = origin.path[0] === 'headers' ? 'headers' : origin.path[0] === 'cookies' ? 'cookies' : undefined;
    return kind && origin.path.length === 1 && isEntryRead(access.steps.slice(1)) ? kind : undefined;
  }

  if (def.type === 'Variable') {
    // `const { body } = req`, `const form = await request.formData()`: follow single-assignment aliases.
    const declarator = def.node;
    const statement = declarator.parent.parent;
    if (
      !declarator.init ||
      ((statement.type === AST_NODE_TYPES.ForOfStatement || statement.type === AST_NODE_TYPES.ForInStatement) &&
        statement.left === declarator.parent)
    ) {
      return undefined;
    }
    if (variable.references.some((reference) => reference.isWrite() && reference.writeExpr !== declarator.init)) return undefined;
    const patternPath = getPatternPath(declarator.id, def.name as TSESTree.Identifier);
    const init = getAccess(declarator.init);
    if (!patternPath || !init) return undefined;
    return getKind(context, { root: init.root, steps: [...init.steps, ...patternPath, ...access.steps] }, depth + 1);
  }
  return undefined;
}

function getParameterKind(
  context: AnyContext,
  handler: RequestHandler,
  parameter: TSESTree.Node,
  steps: readonly string[],
): RequestSourceKind | undefined {
  if (handler.framework === 'next-action') return isEntryRead(steps) ? 'action-arg' : undefined;
  if (handler.framework === 'nestjs') {
    for (const decorator of getParamDecorators(parameter)) {
      const kind = NEST_DECORATORS[getNestDecoratorName(context, decorator) ?? ''];
      if (kind) return isEntryRead(steps) ? kind : undefined;
    }
  }
  if (handler.framework === 'next-route' && handler.node.params[1] === parameter) {
    // `export async function GET(request, { params })`
    return steps[0] === 'params' && isEntryRead(steps.slice(1)) ? 'params' : undefined;
  }
  if (parameter !== handler.requestParam) return undefined;
  switch (handler.framework) {
    case 'koa':
      return matchSteps(steps[0] === 'request' ? steps.slice(1) : steps, KOA_PROPERTIES, KOA_CALLS);
    case 'hono':
      if (steps[0] !== 'req') return undefined;
      if (steps[1] === 'raw') return matchSteps(steps.slice(2), WEB_PROPERTIES, WEB_CALLS);
      return matchSteps(steps.slice(1), HONO_PROPERTIES, HONO_CALLS);
    case 'next-route':
    case 'edge':
      return matchSteps(steps, WEB_PROPERTIES, WEB_CALLS);
    default:
      // Express, Fastify, Next.js API routes and NestJS `@Req()`.
      return matchSteps(steps, NODE_PROPERTIES, NODE_CALLS);
  }
}

function matchSteps(steps: readonly string[], properties: Kinds, calls: Kinds): RequestSourceKind | undefined {
  const [first, second] = steps;
  if (first === undefined) return undefined;
  const isCall = second === CALL;
  const kind = isCall ? calls[first] : properties[first];
  if (!kind || !Object.hasOwn(isCall ? calls : properties, first)) return undefined;
  const rest = steps.slice(isCall ? 2 : 1);
  if (!isEntryRead(rest)) return undefined;
  // `request.nextUrl.searchParams.get('q')`, `new URL(req.url)` is taint's business.
  return kind === 'url' && rest[0] === 'searchParams' ? 'query' : kind;
}

/** Property reads and `.get('x')` / `.getAll('x')`, nothing that transforms the value. */
function isEntryRead(steps: readonly string[]): boolean {
  return steps.every((step, index) => step !== CALL || ENTRY_READERS.has(steps[index - 1] ?? ''));
}

function getAccess(input: TSESTree.Node): Access | undefined {
  const steps: string[] = [];
  let node = unwrapExpression(input);
  for (let guard = 0; guard < 20; guard += 1) {
    if (node.type === AST_NODE_TYPES.MemberExpression) {
      steps.unshift(getStaticPropertyName(node) ?? '*');
      node = unwrapExpression(node.object);
    } else if (node.type === AST_NODE_TYPES.CallExpression) {
      steps.unshift(CALL);
      node = unwrapExpression(node.callee);
    } else {
      return { root: node, steps };
    }
  }
  return undefined;
}

/** The property path from a parameter or declarator pattern to `name`: `['body']` for `{ body }`. */
function getPatternPath(pattern: TSESTree.Node, name: TSESTree.Identifier): string[] | undefined {
  if (pattern === name) return [];
  if (pattern.type === AST_NODE_TYPES.AssignmentPattern) return getPatternPath(pattern.left, name);
  if (pattern.type === AST_NODE_TYPES.TSParameterProperty) return getPatternPath(pattern.parameter, name);
  if (pattern.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const key = getStaticPropertyName(property);
    const rest = getPatternPath(property.value, name);
    if (rest !== undefined) return key === undefined ? undefined : [key, ...rest];
  }
  return undefined;
}

function isWithin(inner: TSESTree.Node, outer: TSESTree.Node): boolean {
  return inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];
}
