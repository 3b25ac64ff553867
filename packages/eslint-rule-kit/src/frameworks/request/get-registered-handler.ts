import { AST_NODE_TYPES, ASTUtils, type TSESTree } from '@typescript-eslint/utils';

import { getStaticPropertyName } from '../../ast/get-static-property-name.js';
import { unwrapExpression } from '../../ast/unwrap-expression.js';
import { getOrigin, type Origin } from '../../origin/get-origin.js';
import { type FunctionUsage, getFunctionUsages } from './function-usages.js';
import { getTypeAnnotationOrigin } from './get-type-annotation-origin.js';
import { type AnyContext, type FunctionLike, HTTP_METHODS, type RequestFramework, type RequestHandler } from './types.js';

type RouterFramework = Extract<RequestFramework, 'express' | 'fastify' | 'hono' | 'koa'>;

interface Router {
  readonly framework: RouterFramework;
  /** `true` for a Koa application (only `use`), `false` for a router or any other framework. */
  readonly koaApp?: boolean;
  /** The path of `router.route('/x')` / `app.basePath`-free chains. */
  readonly route?: string;
}

const MAX_ROUTER_DEPTH = 3;
// Methods that keep returning the app or router, so `app.get(…).post(…)` still registers on it.
const CHAIN_METHODS = new Set([...HTTP_METHODS, 'use', 'route', 'on', 'basePath']);
const FASTIFY_HOOK_KEYS = new Set(['onRequest', 'preParsing', 'preValidation', 'preHandler']);
const DENO_STD_HTTP = /^(?:https:\/\/deno\.land\/std(?:@[^/]+)?\/http\/server\.ts|jsr:@std\/http(?:@[^/]+)?(?:\/server)?|@std\/http(?:\/server)?)$/;

/**
 * A handler registered by a call in this file: Express, Fastify, Koa, Hono routes and middleware
 * and Deno/Supabase edge `serve(handler)`.
 */
export function getRegisteredHandler(context: AnyContext, fn: FunctionLike): RequestHandler | undefined {
  for (const usage of getFunctionUsages(context, fn)) {
    const handler = getHandlerFromUsage(context, fn, usage);
    if (handler) return handler;
  }
  return undefined;
}

function getHandlerFromUsage(context: AnyContext, fn: FunctionLike, usage: FunctionUsage): RequestHandler | undefined {
  const { call } = usage;
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return getEdgeHandler(context, fn, usage);
  const method = getStaticPropertyName(callee);
  if (method === undefined || !CHAIN_METHODS.has(method) || method === 'basePath') return getEdgeHandler(context, fn, usage);
  const router = getRouter(context, callee.object, 0);
  if (!router) return undefined;
  if (router.framework === 'fastify') return getFastifyHandler(fn, usage, method);
  if (router.koaApp && method !== 'use') return undefined;
  if (usage.key !== undefined || method === 'route') return undefined;

  const args = call.arguments;
  const handlerIndex = args.indexOf(usage.argument as TSESTree.CallExpressionArgument);
  // Hono's `app.on('PURGE', '/cache', handler)` names the method first.
  const first = method === 'on' ? 1 : 0;
  const pathArgument = args[first];
  const hasPath = pathArgument !== undefined && pathArgument !== usage.argument && isPathArgument(pathArgument);
  const route = hasPath ? getLiteralString(pathArgument) : router.route;
  const middleware = flattenMiddleware(args.slice(first + (hasPath ? 1 : 0), handlerIndex));
  if (usage.argument.type === AST_NODE_TYPES.ArrayExpression) {
    middleware.push(...flattenMiddleware(usage.argument.elements.slice(0, usage.argument.elements.indexOf(fn as TSESTree.Expression))));
  }
  const methodName = method === 'on' ? getLiteralString(args[0]) : method === 'use' ? undefined : method;
  const shared = {
    framework: router.framework,
    node: fn,
    ...(methodName === undefined ? {} : { method: methodName.toUpperCase() }),
    ...(route === undefined ? {} : { route }),
    middleware,
  };
  if (router.framework === 'express') {
    // `(err, req, res, next)` is Express's error-handling middleware.
    const offset = fn.params.length === 4 && method === 'use' ? 1 : 0;
    return { ...shared, ...param('requestParam', fn.params[offset]), ...param('responseParam', fn.params[offset + 1]) };
  }
  // Koa's `ctx` and Hono's `c` carry both the request and the response.
  return { ...shared, ...param('requestParam', fn.params[0]), ...param('responseParam', fn.params[0]) };
}

function getFastifyHandler(fn: FunctionLike, usage: FunctionUsage, method: string): RequestHandler | undefined {
  const { call } = usage;
  const args = call.arguments;
  const shared = { framework: 'fastify' as const, node: fn };
  const params = { ...param('requestParam', fn.params[0]), ...param('responseParam', fn.params[1]) };
  if (usage.key !== undefined) {
    if (usage.key !== 'handler' && !FASTIFY_HOOK_KEYS.has(usage.key)) return undefined;
    const options = usage.argument as TSESTree.ObjectExpression;
    if (method === 'route') {
      if (args[0] !== options) return undefined;
      const routeMethod = getLiteralString(getProperty(options, 'method'));
      const route = getLiteralString(getProperty(options, 'url') ?? getProperty(options, 'path'));
      return {
        ...shared,
        ...(routeMethod === undefined ? {} : { method: routeMethod.toUpperCase() }),
        ...(route === undefined ? {} : { route }),
        middleware: getFastifyHooks(options, fn),
        ...params,
      };
    }
    if (!HTTP_METHODS.has(method) || args[1] !== options) return undefined;
    const route = getLiteralString(args[0]);
    return {
      ...shared,
      method: method.toUpperCase(),
      ...(route === undefined ? {} : { route }),
      middleware: getFastifyHooks(options, fn),
      ...params,
    };
  }
  // `app.get(path, handler)` or `app.get(path, options, handler)`: the handler comes last.
  if (!HTTP_METHODS.has(method) || args.at(-1) !== usage.argument || args.length < 2) return undefined;
  const options = args.length === 3 && args[1]?.type === AST_NODE_TYPES.ObjectExpression ? args[1] : undefined;
  const route = getLiteralString(args[0]);
  return {
    ...shared,
    method: method.toUpperCase(),
    ...(route === undefined ? {} : { route }),
    middleware: options ? getFastifyHooks(options, fn) : [],
    ...params,
  };
}

function getEdgeHandler(context: AnyContext, fn: FunctionLike, usage: FunctionUsage): RequestHandler | undefined {
  const origin = getOrigin(context, usage.call.callee);
  const isDenoServe = origin?.source === 'global' && origin.path.join('.') === 'Deno.serve';
  const isStdServe = origin !== undefined && DENO_STD_HTTP.test(origin.source) && origin.path.join('.') === 'serve';
  if (!isDenoServe && !isStdServe) return undefined;
  if (usage.key !== undefined && usage.key !== 'handler') return undefined;
  if (usage.argument !== fn && usage.argument.type !== AST_NODE_TYPES.ObjectExpression) {
    // A wrapper around the handler is fine; anything else is not the handler.
    if (usage.argument.type !== AST_NODE_TYPES.CallExpression) return undefined;
  }
  return { framework: 'edge', node: fn, middleware: [], ...param('requestParam', fn.params[0]) };
}

/** What `receiver` is, when it is an Express, Fastify, Koa or Hono app or router. */
export function getRouter(context: AnyContext, receiver: TSESTree.Node, depth: number): Router | undefined {
  if (depth > MAX_ROUTER_DEPTH) return undefined;
  const node = unwrapExpression(receiver);
  const origin = getOrigin(context, node);
  const fromOrigin = origin && getRouterFromOrigin(origin);
  if (fromOrigin) {
    const route = getChainRoute(node);
    return route === undefined ? fromOrigin : { ...fromOrigin, route };
  }
  if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
  return getRouterParameter(context, node, depth);
}

function getRouterFromOrigin(origin: Origin): Router | undefined {
  const { source } = origin;
  const path = stripChain(origin.path);
  const key = path.join('.');
  if (source === 'express' && (key === '()' || key === 'Router.()')) return { framework: 'express' };
  if (source === 'fastify' && (key === '()' || key === 'fastify.()')) return { framework: 'fastify' };
  if (source === 'koa' && (key === 'new' || key === 'Koa.new')) return { framework: 'koa', koaApp: true };
  if ((source === '@koa/router' || source === 'koa-router') && (key === 'new' || key === 'Router.new' || key === '()')) {
    return { framework: 'koa' };
  }
  if (/^hono(?:\/|$)/.test(source) && key === 'Hono.new') return { framework: 'hono' };
  return undefined;
}

/** `['()', 'route', '()', 'get', '()']` → `['()']`: calls that return the same app or router. */
function stripChain(path: readonly string[]): readonly string[] {
  let end = path.length;
  while (end >= 2 && path[end - 1] === '()' && CHAIN_METHODS.has(path[end - 2] ?? '')) end -= 2;
  return path.slice(0, end);
}

/** The literal path of the nearest `.route('/x')` in a receiver chain (`router.route('/x').get(h)`). */
function getChainRoute(node: TSESTree.Node): string | undefined {
  let current = node;
  while (current.type === AST_NODE_TYPES.CallExpression && current.callee.type === AST_NODE_TYPES.MemberExpression) {
    if (getStaticPropertyName(current.callee) === 'route') return getLiteralString(current.arguments[0]);
    current = unwrapExpression(current.callee.object);
  }
  return undefined;
}

/**
 * An app received as a parameter: annotated (`router: Router` from express, `app: FastifyInstance`,
 * `app: Hono`) or a Fastify plugin registered in this file (`app.register(routes)`, `fp(routes)`).
 */
function getRouterParameter(context: AnyContext, node: TSESTree.Identifier, depth: number): Router | undefined {
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(node), node);
  const def = variable?.defs[0];
  if (!variable || !def || variable.defs.length !== 1 || def.type !== 'Parameter') return undefined;
  const fn = def.node as FunctionLike;
  const parameter = fn.params.find(
    (candidate) =>
      candidate === def.name || (candidate.type === AST_NODE_TYPES.AssignmentPattern && candidate.left === def.name),
  );
  if (!parameter) return undefined;
  const annotation = getTypeAnnotationOrigin(context, parameter);
  if (annotation) {
    const key = annotation.path.join('.');
    if (annotation.source === 'express' && (key === 'Router' || key === 'Express' || key === 'Application')) return { framework: 'express' };
    if (annotation.source === 'fastify' && key === 'FastifyInstance') return { framework: 'fastify' };
    if (/^hono(?:\/|$)/.test(annotation.source) && key === 'Hono') return { framework: 'hono' };
    if ((annotation.source === '@koa/router' || annotation.source === 'koa-router') && key === '') return { framework: 'koa' };
    return undefined;
  }
  if (fn.params[0] !== parameter) return undefined;
  for (const usage of getFunctionUsages(context, fn)) {
    const callee = unwrapExpression(usage.call.callee);
    if (usage.call.arguments[0] !== usage.argument) continue;
    if (callee.type === AST_NODE_TYPES.MemberExpression && getStaticPropertyName(callee) === 'register') {
      const parent = getRouter(context, callee.object, depth + 1);
      if (parent?.framework === 'fastify') return { framework: 'fastify' };
    }
    const origin = getOrigin(context, callee);
    if (origin?.source === 'fastify-plugin' && origin.path.length === 0) return { framework: 'fastify' };
  }
  return undefined;
}

function getFastifyHooks(options: TSESTree.ObjectExpression, fn: FunctionLike): TSESTree.Node[] {
  const hooks: TSESTree.Node[] = [];
  for (const property of options.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const key = getStaticPropertyName(property);
    if (key === undefined || !FASTIFY_HOOK_KEYS.has(key) || property.value === fn) continue;
    hooks.push(...flattenMiddleware([property.value]));
  }
  return hooks.filter((hook) => hook !== fn);
}

function getProperty(object: TSESTree.ObjectExpression, name: string): TSESTree.Node | undefined {
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.Property && getStaticPropertyName(property) === name) return property.value;
  }
  return undefined;
}

function flattenMiddleware(nodes: readonly (TSESTree.Node | null)[]): TSESTree.Node[] {
  return nodes.flatMap((node) => {
    if (!node) return [];
    if (node.type === AST_NODE_TYPES.ArrayExpression) return flattenMiddleware(node.elements);
    return [node];
  });
}

function isPathArgument(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Literal) return typeof node.value === 'string' || 'regex' in node;
  return node.type === AST_NODE_TYPES.TemplateLiteral;
}

function getLiteralString(node: TSESTree.Node | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return node.value;
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

function param<Key extends 'requestParam' | 'responseParam'>(
  key: Key,
  node: TSESTree.Node | undefined,
): Partial<Record<Key, TSESTree.Node>> {
  return node ? ({ [key]: node } as Record<Key, TSESTree.Node>) : {};
}
