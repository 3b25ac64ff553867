import { getAnnotatedHandler } from './get-annotated-handler.js';
import { getConventionalHandler } from './get-conventional-handler.js';
import { getNestHandler } from './get-nest-handler.js';
import { getNextHandler } from './get-next-handler.js';
import { getRegisteredHandler } from './get-registered-handler.js';
import type { AnyContext, FunctionLike, RequestHandler } from './types.js';

const cache = new WeakMap<FunctionLike, RequestHandler | null>();

/**
 * What framework calls `fn` with a request, and how: Express, Fastify, Koa and Hono routes and
 * middleware registered in this file (inline, by name, wrapped, in arrays or `{ handler }` options),
 * handlers typed as such (`(req: Request, res: Response)` from express) or shaped as such (a
 * `(req, res)` function answering through `res.json(…)`), NestJS controller methods,
 * Next.js route handlers, API routes and server actions, and Deno/Supabase edge `serve(handler)`.
 * Resolved by import origin; `undefined` when `fn` is not recognisably a handler.
 */
export function getRequestHandler(context: AnyContext, fn: FunctionLike): RequestHandler | undefined {
  const cached = cache.get(fn);
  if (cached !== undefined) return cached ?? undefined;
  const handler =
    getNestHandler(context, fn) ??
    getNextHandler(context, fn) ??
    getRegisteredHandler(context, fn) ??
    getAnnotatedHandler(context, fn) ??
    getConventionalHandler(context, fn);
  cache.set(fn, handler ?? null);
  return handler;
}
