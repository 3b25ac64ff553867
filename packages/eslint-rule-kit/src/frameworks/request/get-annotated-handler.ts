import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { getTypeAnnotationOrigin } from './get-type-annotation-origin.js';
import type { AnyContext, FunctionLike, RequestFramework, RequestHandler } from './types.js';

interface Signature {
  readonly framework: RequestFramework;
  readonly source: RegExp;
  readonly request: readonly string[];
  /** Response parameter type names; empty when the one parameter is both (Koa `ctx`, Hono `c`). */
  readonly response: readonly string[];
}

const SIGNATURES: readonly Signature[] = [
  { framework: 'express', source: /^express$/, request: ['Request'], response: ['Response'] },
  { framework: 'fastify', source: /^fastify$/, request: ['FastifyRequest'], response: ['FastifyReply'] },
  { framework: 'next-api', source: /^next$/, request: ['NextApiRequest'], response: ['NextApiResponse'] },
  { framework: 'hono', source: /^hono(?:\/|$)/, request: ['Context'], response: [] },
  { framework: 'koa', source: /^(?:koa|@koa\/router|koa-router)$/, request: ['Context', 'ParameterizedContext', 'RouterContext'], response: [] },
];
const HANDLER_TYPES: Readonly<Record<string, RequestFramework>> = {
  'express:RequestHandler': 'express',
  'express:Handler': 'express',
  'next:NextApiHandler': 'next-api',
};

/**
 * A handler declared away from its route (a controllers file) but typed as one:
 * `(req: Request, res: Response)` from express, `(request: FastifyRequest, reply: FastifyReply)`,
 * `(req: NextApiRequest, res: NextApiResponse)`, `(c: Context)` from hono, or
 * `const listUsers: RequestHandler = (req, res) => …`. Annotations only, no type checker.
 */
export function getAnnotatedHandler(context: AnyContext, fn: FunctionLike): RequestHandler | undefined {
  const [first, second] = fn.params;
  if (!first) return undefined;
  const parent = fn.parent;
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === fn) {
    const declared = getTypeAnnotationOrigin(context, parent.id);
    const framework = declared && HANDLER_TYPES[`${declared.source}:${declared.path.join('.')}`];
    if (framework) {
      return { framework, node: fn, middleware: [], requestParam: first, ...(second ? { responseParam: second } : {}) };
    }
  }
  const request = getTypeAnnotationOrigin(context, first);
  if (!request) return undefined;
  const signature = SIGNATURES.find(
    (candidate) => candidate.source.test(request.source) && candidate.request.includes(request.path.join('.')),
  );
  if (!signature) return undefined;
  if (signature.response.length === 0) {
    return { framework: signature.framework, node: fn, middleware: [], requestParam: first, responseParam: first };
  }
  const response = getTypeAnnotationOrigin(context, second);
  if (!response || !signature.source.test(response.source) || !signature.response.includes(response.path.join('.'))) {
    return undefined;
  }
  return { framework: signature.framework, node: fn, middleware: [], requestParam: first, responseParam: second };
}
