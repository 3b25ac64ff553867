import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { findVariable } from '../../ast/find-variable.js';
import { getStaticPropertyName } from '../../ast/get-static-property-name.js';
import { unwrapExpression } from '../../ast/unwrap-expression.js';
import { getOrigin } from '../../origin/get-origin.js';
import { getFunctionUsages } from '../request/function-usages.js';
import { type AnyContext, HTTP_METHODS, type RequestHandler } from '../request/types.js';

/** Where a route is registered in this file and whether everything that runs before it is visible here. */
export interface RouteScope {
  /** The registering call: `router.get('/x', …, handler)`. */
  readonly call: TSESTree.CallExpression;
  /** The app or router variable the route is registered on (`router` in `router.route('/x').get(h)`). */
  readonly router: TSESLint.Scope.Variable;
  /**
   * `true` when the app is created in this file (`express()`, `fastify()`), or the router is mounted on
   * one here, and nothing before the route hands the app to unseen code (`setupAuth(app)`); `false` when
   * the router is exported or received as a parameter, so middleware added where it is mounted is unknown.
   */
  readonly visible: boolean;
}

const ROUTE_METHODS = new Set([...HTTP_METHODS, 'route', 'on']);
const MOUNT_METHODS = new Set(['use', 'route', 'register']);
const MAX_MOUNT_DEPTH = 2;

/** The registration of an Express, Fastify, Koa or Hono route handler in this file; `undefined` otherwise. */
export function getRouteScope(context: AnyContext, handler: RequestHandler): RouteScope | undefined {
  for (const usage of getFunctionUsages(context, handler.node)) {
    const callee = unwrapExpression(usage.call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || !ROUTE_METHODS.has(getStaticPropertyName(callee) ?? '')) continue;
    const root = getChainRoot(callee.object);
    if (root?.type !== AST_NODE_TYPES.Identifier) continue;
    const router = findVariable(context, root);
    if (!router) continue;
    return { call: usage.call, router, visible: isVisible(context, router, usage.call.range[0], 0) };
  }
  return undefined;
}

/** `router` in `router.route('/x').get`, `app` in `app.get(…).post`. */
export function getChainRoot(input: TSESTree.Node): TSESTree.Node {
  let node = unwrapExpression(input);
  while (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression) {
    node = unwrapExpression(node.callee.object);
  }
  return node;
}

/** A call that mounts `reference` on another router: `app.use('/api', auth, router)`, `app.route('/users', users)`. */
export function getMountCall(reference: TSESTree.Node): TSESTree.CallExpression | undefined {
  let node: TSESTree.Node = reference;
  // `app.use(router.routes())` (Koa) mounts the router too.
  if (
    node.parent?.type === AST_NODE_TYPES.MemberExpression &&
    node.parent.object === node &&
    getStaticPropertyName(node.parent) === 'routes' &&
    node.parent.parent.type === AST_NODE_TYPES.CallExpression
  ) {
    node = node.parent.parent;
  }
  const call = node.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(node as TSESTree.CallExpressionArgument)) return undefined;
  const callee = unwrapExpression(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && MOUNT_METHODS.has(getStaticPropertyName(callee) ?? '') ? call : undefined;
}

function isVisible(context: AnyContext, router: TSESLint.Scope.Variable, before: number, depth: number): boolean {
  const def = router.defs[0];
  if (depth > MAX_MOUNT_DEPTH || router.defs.length !== 1 || def?.type !== 'Variable' || !def.node.init) return false;
  const origin = getOrigin(context, def.node.init);
  if (!origin) return false;
  const key = origin.path.join('.');
  const isApp = (origin.source === 'express' && key === '()') || (origin.source === 'fastify' && (key === '()' || key === 'fastify.()'));
  let mounted = false;
  for (const reference of router.references) {
    const identifier = reference.identifier;
    if (identifier.range[0] >= before || identifier === def.name) continue;
    const parent = identifier.parent;
    // `app.listen()`, `app.use(…)`, `app.get(…)`: the app's own calls.
    if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === identifier) continue;
    const mount = getMountCall(identifier);
    if (mount) {
      const parentRoot = getChainRoot((mount.callee as TSESTree.MemberExpression).object);
      const parentRouter = parentRoot.type === AST_NODE_TYPES.Identifier ? findVariable(context, parentRoot) : undefined;
      mounted = parentRouter !== undefined && isVisible(context, parentRouter, mount.range[0], depth + 1);
      continue;
    }
    // Handed to unseen code before the route (`configureAuth(app)`): it may add middleware.
    if (parent.type === AST_NODE_TYPES.CallExpression) return false;
  }
  // A router mounted later in the file is visible too.
  if (!isApp && !mounted) {
    mounted = router.references.some((reference) => {
      const mount = getMountCall(reference.identifier);
      if (!mount || reference.identifier.range[0] < before) return false;
      const parentRoot = getChainRoot((mount.callee as TSESTree.MemberExpression).object);
      const parentRouter = parentRoot.type === AST_NODE_TYPES.Identifier ? findVariable(context, parentRoot) : undefined;
      return parentRouter !== undefined && isVisible(context, parentRouter, mount.range[0], depth + 1);
    });
  }
  return isApp || mounted;
}
