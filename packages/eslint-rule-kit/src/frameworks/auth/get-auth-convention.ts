import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { getStaticPropertyName } from '../../ast/get-static-property-name.js';
import { getNestDecoratorName } from '../request/get-nest-handler.js';
import { type AnyContext, HTTP_METHODS, type RequestHandler } from '../request/types.js';
import { getAuthMiddlewareName } from './auth-names.js';
import { getRouteScope } from './get-route-scope.js';
import type { AuthConvention, AuthOptions } from './types.js';

const NEST_ROUTES = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'All']);
const cache = new WeakMap<object, AuthConvention | null>();

/**
 * The auth middleware most routes of `handler`'s router carry in this file (`router.get('/', isLoggedIn, …)`
 * on most routes gives `isLoggedIn`), or the `@UseGuards` most methods of a NestJS controller carry:
 * the project's own convention, named so a message can say what the odd route out is missing.
 * `undefined` when no route of the router carries auth middleware.
 */
export function getAuthConvention(context: AnyContext, handler: RequestHandler, options: AuthOptions = {}): AuthConvention | undefined {
  if (handler.framework === 'nestjs') return getNestConvention(context, handler);
  const scope = getRouteScope(context, handler);
  if (!scope) return undefined;
  const cached = cache.get(scope.router);
  if (cached !== undefined) return cached ?? undefined;
  const counts = new Map<string, number>();
  let total = 0;
  for (const reference of scope.router.references) {
    const member = reference.identifier.parent;
    if (member.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier) continue;
    const method = getStaticPropertyName(member);
    const call = member.parent;
    if (method === undefined || method === 'use' || !HTTP_METHODS.has(method) || call.type !== AST_NODE_TYPES.CallExpression) continue;
    total += 1;
    const middleware = call.arguments.slice(1, -1).flatMap((argument) => (argument.type === AST_NODE_TYPES.ArrayExpression ? argument.elements : [argument]));
    for (const argument of middleware) {
      const name = argument && getAuthMiddlewareName(context, argument, options);
      if (name !== undefined && name !== null) {
        counts.set(name, (counts.get(name) ?? 0) + 1);
        break;
      }
    }
  }
  const convention = getMostCommon(counts, total);
  cache.set(scope.router, convention ?? null);
  return convention;
}

function getNestConvention(context: AnyContext, handler: RequestHandler): AuthConvention | undefined {
  const method = handler.node.parent;
  if (method.type !== AST_NODE_TYPES.MethodDefinition) return undefined;
  const counts = new Map<string, number>();
  let total = 0;
  for (const member of method.parent.body) {
    if (member.type !== AST_NODE_TYPES.MethodDefinition) continue;
    const names = member.decorators.map((decorator) => getNestDecoratorName(context, decorator));
    if (!names.some((name) => name !== undefined && NEST_ROUTES.has(name))) continue;
    total += 1;
    const guard = member.decorators.find((_, index) => names[index] === 'UseGuards');
    if (guard) {
      const text = context.sourceCode.getText(guard.expression as TSESTree.Node);
      counts.set(text, (counts.get(text) ?? 0) + 1);
    }
  }
  return getMostCommon(counts, total);
}

function getMostCommon(counts: ReadonlyMap<string, number>, total: number): AuthConvention | undefined {
  let best: AuthConvention | undefined;
  for (const [name, count] of counts) {
    if (!best || count > best.count) best = { name, count, total };
  }
  return best;
}
