import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { getStaticPropertyName } from '../../ast/get-static-property-name.js';
import type { AnyContext, FunctionLike, RequestHandler } from './types.js';

const REQUEST_NAME = /^req(?:uest)?$/;
const RESPONSE_NAME = /^res(?:ponse)?$/;
// Methods only an Express-style (Node `http`, Next.js API route) response has together with a request.
const RESPONSE_METHODS = new Set([
  'json',
  'jsonp',
  'send',
  'sendFile',
  'sendStatus',
  'status',
  'render',
  'redirect',
  'download',
  'end',
  'writeHead',
  'cookie',
  'clearCookie',
]);

/**
 * A handler registered in another file (a `controllers/` module): a `(req, res)` or
 * `(req, res, next)` function that answers through `res` (`res.json(…)`, `res.status(…)`,
 * `res.render(…)`). The response call is the evidence; a lone `req` parameter is not enough.
 */
export function getConventionalHandler(context: AnyContext, fn: FunctionLike): RequestHandler | undefined {
  const [request, response, next, ...rest] = fn.params;
  if (rest.length > 0 || request?.type !== AST_NODE_TYPES.Identifier || response?.type !== AST_NODE_TYPES.Identifier) {
    return undefined;
  }
  if (!REQUEST_NAME.test(request.name) || !RESPONSE_NAME.test(response.name)) return undefined;
  if (next && (next.type !== AST_NODE_TYPES.Identifier || next.name !== 'next')) return undefined;
  const variable = context.sourceCode.getDeclaredVariables(fn).find((candidate) => candidate.name === response.name);
  const answers = variable?.references.some((reference) => isResponseCall(reference.identifier));
  return answers ? { framework: 'express', node: fn, middleware: [], requestParam: request, responseParam: response } : undefined;
}

function isResponseCall(identifier: TSESTree.Node): boolean {
  const member = identifier.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== identifier) return false;
  const name = getStaticPropertyName(member);
  return name !== undefined && RESPONSE_METHODS.has(name) && member.parent.type === AST_NODE_TYPES.CallExpression;
}
