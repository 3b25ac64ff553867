import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { findVariable } from '../../ast/find-variable.js';
import { getStaticPropertyName } from '../../ast/get-static-property-name.js';
import { isNode } from '../../ast/is-node.js';
import { unwrapExpression } from '../../ast/unwrap-expression.js';
import { getNestDecoratorName } from '../request/get-nest-handler.js';
import { isFunctionLike } from '../request/is-function-like.js';
import type { AnyContext, FunctionLike, RequestHandler } from '../request/types.js';
import { getAuthMiddlewareName, getWrittenName, isAuthLibraryValue, isAuthName, isSessionMethodCall } from './auth-names.js';
import { getChainRoot, getMountCall, getRouteScope } from './get-route-scope.js';
import type { AuthEvidence, AuthOptions } from './types.js';

// What auth middleware leaves on the request: `req.user`, `req.session.userId`, `req.auth` (express-jwt), `ctx.state.user`.
const REQUEST_USER = new Set(['user', 'session', 'auth', 'userId', 'currentUser', 'isAuthenticated', 'account', 'principal']);
// Hono `c.get('user')` / `c.var.user` / `c.get('jwtPayload')`.
const CONTEXT_USER = new Set(['user', 'session', 'jwtPayload', 'auth', 'userId', 'currentUser']);
const FASTIFY_HOOKS = new Set(['onRequest', 'preParsing', 'preValidation', 'preHandler']);
const MAX_WRAPPERS = 3;
const MAX_NODES = 4000;
const cache = new WeakMap<FunctionLike, Map<string, AuthEvidence | null>>();

/**
 * Why `handler` only runs for a signed-in caller, when this file shows it: auth middleware on the route
 * or before it on the router or app (`router.use(auth)`, `app.use('/api', auth, router)`, Fastify
 * `addHook('onRequest', …)`, Hono `app.use('/api/*', jwt(…))`), a NestJS `@UseGuards` or auth decorator
 * on the method or controller, an auth wrapper (`withAuth(handler)`), or a check in the body or a same-file
 * helper it calls (`getServerSession`, `auth()`, `currentUser()`, `supabase.auth.getUser()`, `jwt.verify`,
 * a read of `req.user` / `req.session`). Auth libraries are recognised by import origin (Passport,
 * express-jwt, Clerk, NextAuth/Auth.js, Supabase, Lucia, iron-session, better-auth, hono/jwt, …), project
 * middleware by name (`requireAuth`, `isLoggedIn`, `protect`) or `options`. `undefined` when none is seen:
 * callers decide whether what they cannot see (a router mounted in another file, a global NestJS
 * `APP_GUARD`, Next.js `middleware.ts`) matters.
 */
export function getAuthEvidence(context: AnyContext, handler: RequestHandler, options: AuthOptions = {}): AuthEvidence | undefined {
  let byOptions = cache.get(handler.node);
  if (!byOptions) {
    byOptions = new Map();
    cache.set(handler.node, byOptions);
  }
  const key = JSON.stringify([options.middleware ?? [], options.functions ?? []]);
  const cached = byOptions.get(key);
  if (cached !== undefined) return cached ?? undefined;
  const evidence =
    getRouteEvidence(context, handler, options) ??
    getWrapperEvidence(context, handler.node, options) ??
    getBodyEvidence(context, handler, options) ??
    getRouterEvidence(context, handler, options);
  byOptions.set(key, evidence ?? null);
  return evidence;
}

function getRouteEvidence(context: AnyContext, handler: RequestHandler, options: AuthOptions): AuthEvidence | undefined {
  if (handler.framework === 'nestjs') return getNestEvidence(context, handler);
  for (const middleware of handler.middleware) {
    const name = getAuthMiddlewareName(context, middleware, options);
    if (name !== undefined) return { kind: 'route-middleware', node: middleware, name };
  }
  return undefined;
}

/** `@UseGuards(…)` or an auth-named decorator (`@Auth()`, `@Roles('admin')`) on the method or its controller. */
function getNestEvidence(context: AnyContext, handler: RequestHandler): AuthEvidence | undefined {
  const method = handler.node.parent;
  if (method.type !== AST_NODE_TYPES.MethodDefinition) return undefined;
  const classNode = method.parent.parent;
  const decorators = [...method.decorators, ...('decorators' in classNode ? classNode.decorators : [])];
  for (const decorator of decorators) {
    if (getNestDecoratorName(context, decorator) === 'UseGuards') return { kind: 'guard', node: decorator, name: 'UseGuards' };
    const name = getWrittenName(decorator.expression);
    if (name !== undefined && isAuthName(name)) return { kind: 'guard', node: decorator, name };
  }
  return undefined;
}

/** `withAuth(async (req) => …)`, `export const GET = auth(async (req) => …)`. */
function getWrapperEvidence(context: AnyContext, fn: FunctionLike, options: AuthOptions): AuthEvidence | undefined {
  let node: TSESTree.Node = fn;
  for (let index = 0; index < MAX_WRAPPERS; index += 1) {
    const call: TSESTree.Node | undefined = node.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(node as TSESTree.CallExpressionArgument)) return undefined;
    const name = getWrittenName(call.callee);
    if (name !== undefined && isAuthName(name, options.functions, true)) return { kind: 'wrapper', node: call, name };
    if (isAuthLibraryValue(context, call.callee)) return { kind: 'wrapper', node: call, name: name ?? 'auth' };
    node = call;
  }
  return undefined;
}

/** An auth call or a read of the signed-in user in the body, or in a same-file function the body calls. */
function getBodyEvidence(context: AnyContext, handler: RequestHandler, options: AuthOptions): AuthEvidence | undefined {
  const requestNames = getRequestNames(handler);
  const visited = new Set<FunctionLike>([handler.node]);
  const pending: FunctionLike[] = [];
  let budget = MAX_NODES;
  const visit = (node: TSESTree.Node, inHandler: boolean): AuthEvidence | undefined => {
    budget -= 1;
    if (budget < 0) return undefined;
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const found = getCallEvidence(context, node, options);
      if (found) return found;
      const callee = unwrapExpression(node.callee);
      if (inHandler && callee.type === AST_NODE_TYPES.Identifier) {
        const local = getLocalFunction(context, callee);
        if (local && !visited.has(local)) {
          visited.add(local);
          pending.push(local);
        }
      }
    }
    if (inHandler && node.type === AST_NODE_TYPES.MemberExpression) {
      const found = getRequestUserEvidence(node, requestNames);
      if (found) return found;
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parent') continue;
      if (Array.isArray(value)) {
        for (const item of value) {
          const found = isNode(item) ? visit(item, inHandler) : undefined;
          if (found) return found;
        }
      } else if (isNode(value)) {
        const found = visit(value, inHandler);
        if (found) return found;
      }
    }
    return undefined;
  };
  const found = visit(handler.node.body, true);
  if (found) return found;
  for (const local of pending) {
    const inner = visit(local.body, false);
    if (inner) return inner;
  }
  return undefined;
}

function getCallEvidence(context: AnyContext, call: TSESTree.CallExpression, options: AuthOptions): AuthEvidence | undefined {
  const name = getWrittenName(call.callee);
  if (isSessionMethodCall(call)) return { kind: 'call', node: call, name: name ?? 'getUser' };
  if (name !== undefined && isAuthName(name, options.functions, true)) return { kind: 'call', node: call, name };
  // Cheap check first: only calls of imported values can come from an auth library.
  const root = getChainRoot(call.callee);
  if (root.type === AST_NODE_TYPES.Identifier && isAuthLibraryValue(context, call.callee)) {
    return { kind: 'call', node: call, name: name ?? root.name };
  }
  return undefined;
}

/** `req.user`, `req.session.userId`, `ctx.state.user`, `c.get('user')`, `c.var.user` on the handler's request. */
function getRequestUserEvidence(node: TSESTree.MemberExpression, requestNames: ReadonlySet<string>): AuthEvidence | undefined {
  const object = unwrapExpression(node.object);
  if (object.type !== AST_NODE_TYPES.Identifier && object.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const property = getStaticPropertyName(node);
  if (property === undefined) return undefined;
  const base = object.type === AST_NODE_TYPES.Identifier ? object : unwrapExpression(object.object);
  if (base.type !== AST_NODE_TYPES.Identifier || !requestNames.has(base.name)) return undefined;
  const via = object.type === AST_NODE_TYPES.MemberExpression ? getStaticPropertyName(object) : undefined;
  const isUser =
    (object.type === AST_NODE_TYPES.Identifier && REQUEST_USER.has(property)) ||
    ((via === 'state' || via === 'var' || via === 'locals') && CONTEXT_USER.has(property));
  if (isUser) return { kind: 'request-user', node, name: getUserReadName(base.name, via, property) };
  // Hono `c.get('user')`.
  const call = node.parent;
  if (
    object.type === AST_NODE_TYPES.Identifier &&
    property === 'get' &&
    call.type === AST_NODE_TYPES.CallExpression &&
    call.callee === node &&
    call.arguments[0]?.type === AST_NODE_TYPES.Literal &&
    CONTEXT_USER.has(String(call.arguments[0].value))
  ) {
    return { kind: 'request-user', node: call, name: `${base.name}.get('${String(call.arguments[0].value)}')` };
  }
  return undefined;
}

function getUserReadName(base: string, via: string | undefined, property: string): string {
  return via === undefined ? `${base}.${property}` : `${base}.${via}.${property}`;
}

/** The names the request is bound to in the handler: `req`, or `user` from `({ user }, res) => …`. */
function getRequestNames(handler: RequestHandler): Set<string> {
  const names = new Set<string>();
  const parameter = handler.requestParam;
  if (!parameter) return names;
  const pattern = parameter.type === AST_NODE_TYPES.AssignmentPattern ? parameter.left : parameter;
  if (pattern.type === AST_NODE_TYPES.Identifier) names.add(pattern.name);
  return names;
}

function getLocalFunction(context: AnyContext, callee: TSESTree.Identifier): FunctionLike | undefined {
  const variable = findVariable(context, callee);
  const def = variable?.defs[0];
  if (!variable || variable.defs.length !== 1 || !def) return undefined;
  if (def.type === 'FunctionName' && isFunctionLike(def.node)) return def.node;
  if (def.type !== 'Variable' || !def.node.init) return undefined;
  const init = unwrapExpression(def.node.init);
  return isFunctionLike(init) ? init : undefined;
}

/**
 * Auth middleware on the router before the route (`router.use(requireAuth)`, `app.addHook('onRequest', …)`)
 * or where this file mounts the router (`app.use('/admin', requireAdmin, adminRouter)`, and the parent's own
 * `app.use(auth)` before that).
 */
function getRouterEvidence(context: AnyContext, handler: RequestHandler, options: AuthOptions): AuthEvidence | undefined {
  const scope = getRouteScope(context, handler);
  return scope && getRouterMiddleware(context, scope.router, scope.call.range[0], options, 0);
}

function getRouterMiddleware(
  context: AnyContext,
  router: TSESLint.Scope.Variable,
  before: number,
  options: AuthOptions,
  depth: number,
): AuthEvidence | undefined {
  if (depth > 2) return undefined;
  for (const reference of router.references) {
    const identifier = reference.identifier;
    const member = identifier.parent;
    if (member.type === AST_NODE_TYPES.MemberExpression && member.object === identifier) {
      const call = member.parent;
      if (call.type !== AST_NODE_TYPES.CallExpression || call.callee !== member || call.range[1] > before) continue;
      const method = getStaticPropertyName(member);
      const args = method === 'use' ? call.arguments : method === 'addHook' && isHookName(call.arguments[0]) ? call.arguments.slice(1) : [];
      for (const argument of args) {
        const name = getAuthMiddlewareName(context, argument, options);
        if (name !== undefined) return { kind: 'router-middleware', node: argument, name };
      }
      continue;
    }
    const mount = getMountCall(identifier);
    if (!mount) continue;
    for (const argument of mount.arguments) {
      if (argument === identifier || argument.range[0] >= identifier.range[0]) break;
      const name = getAuthMiddlewareName(context, argument, options);
      if (name !== undefined) return { kind: 'router-middleware', node: argument, name };
    }
    const parentRoot = getChainRoot((mount.callee as TSESTree.MemberExpression).object);
    const parent = parentRoot.type === AST_NODE_TYPES.Identifier ? ASTUtils.findVariable(context.sourceCode.getScope(parentRoot), parentRoot) : null;
    const found = parent ? getRouterMiddleware(context, parent, mount.range[0], options, depth + 1) : undefined;
    if (found) return found;
  }
  return undefined;
}

function isHookName(node: TSESTree.Node | undefined): boolean {
  return node?.type === AST_NODE_TYPES.Literal && typeof node.value === 'string' && FASTIFY_HOOKS.has(node.value);
}
