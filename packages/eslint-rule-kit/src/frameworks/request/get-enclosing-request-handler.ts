import type { TSESTree } from '@typescript-eslint/utils';

import { isFunctionLike } from './is-function-like.js';
import { getRequestHandler } from './get-request-handler.js';
import type { AnyContext, RequestHandler } from './types.js';

const cache = new WeakMap<TSESTree.Node, RequestHandler | null>();

/** The nearest function around `node` that is a request handler (callbacks inside it are skipped). */
export function getEnclosingRequestHandler(context: AnyContext, node: TSESTree.Node): RequestHandler | undefined {
  const visited: TSESTree.Node[] = [];
  let found: RequestHandler | undefined;
  for (let current: TSESTree.Node | undefined = node.parent; current; current = current.parent) {
    if (!isFunctionLike(current)) continue;
    const cached = cache.get(current);
    if (cached !== undefined) {
      found = cached ?? undefined;
      break;
    }
    visited.push(current);
    const handler = getRequestHandler(context, current);
    if (handler) {
      found = handler;
      break;
    }
  }
  // Every function passed on the way up has the same answer.
  for (const fn of visited) cache.set(fn, found ?? null);
  return found;
}
