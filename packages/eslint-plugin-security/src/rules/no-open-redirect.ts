import {
  AST_NODE_TYPES,
  getOrigin,
  getRequestHandler,
  getRequestSourceLabel,
  getStaticPropertyName,
  getTaint,
  hasPinnedUrlPrefix,
  isFunctionLike,
  isInTestFile,
  type RequestSourceKind,
  type TSESLint,
  type TSESTree,
  unwrapExpression,
} from '@prodready/eslint-rule-kit';

import { createRule } from '../create-rule.js';

export type Options = [];
export type MessageIds = 'openRedirect';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

// Input an attacker can put in a link they send someone. Headers (`Referer`) and the request's own URL are not.
const LINK_INPUT: ReadonlySet<RequestSourceKind> = new Set(['action-arg', 'body', 'cookies', 'form', 'json', 'params', 'query']);

export default createRule<Options, MessageIds>({
  name: 'no-open-redirect',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow redirects to a URL taken from the request',
      recommended: 'recommended',
    },
    schema: [],
    messages: {
      openRedirect:
        'This redirect goes to a URL taken from {{input}}, so a link to your domain can send users to a phishing site that looks like yours. Redirect only to relative paths or hosts on an allow-list.',
    },
  },
  create(context) {
    if (isInTestFile(context) || !context.sourceCode.text.includes('edirect')) return {};
    return {
      CallExpression(node): void {
        const target = getRedirectTarget(context, node);
        if (!target || hasPinnedUrlPrefix(context, target, { sink: 'redirect' })) return;
        const taint = getTaint(context, target, { sink: 'redirect' });
        if (!taint || !LINK_INPUT.has(taint.kind)) return;
        context.report({ node: target, messageId: 'openRedirect', data: { input: getRequestSourceLabel(taint.kind) } });
      },
    };
  },
});

/**
 * The URL argument of a redirect: `res.redirect([status,] url)` (Express), `reply.redirect(…)`
 * (Fastify), `ctx.redirect(url)` (Koa), `c.redirect(url)` (Hono) on a handler's own response, and
 * `NextResponse.redirect`, `redirect`/`permanentRedirect` from `next/navigation`, `Response.redirect`.
 */
function getRedirectTarget(context: Context, call: TSESTree.CallExpression): TSESTree.Node | undefined {
  const callee = unwrapExpression(call.callee);
  const urlArgument = call.arguments.find((argument) => !isNumber(argument));
  if (!urlArgument || urlArgument.type === AST_NODE_TYPES.SpreadElement) return undefined;
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    if (getStaticPropertyName(callee) !== 'redirect') return undefined;
    if (isHandlerResponse(context, callee.object)) return urlArgument;
  } else if (callee.type !== AST_NODE_TYPES.Identifier) {
    return undefined;
  }
  const origin = getOrigin(context, callee);
  const api = origin && `${origin.source}:${origin.path.join('.')}`;
  const isRedirect =
    api === 'next/server:NextResponse.redirect' ||
    api === 'next/navigation:redirect' ||
    api === 'next/navigation:permanentRedirect' ||
    api === 'global:Response.redirect';
  return isRedirect ? call.arguments[0] : undefined;
}

/** `res`/`reply`/`ctx`/`c` is the response parameter of the request handler it belongs to. */
function isHandlerResponse(context: Context, node: TSESTree.Node): boolean {
  const object = unwrapExpression(node);
  if (object.type !== AST_NODE_TYPES.Identifier) return false;
  let scope: ReturnType<Context['sourceCode']['getScope']> | null = context.sourceCode.getScope(object);
  while (scope && !scope.set.has(object.name)) scope = scope.upper;
  const def = scope?.set.get(object.name)?.defs[0];
  if (def?.type !== 'Parameter' || !isFunctionLike(def.node)) return false;
  return getRequestHandler(context, def.node)?.responseParam === def.name;
}

function isNumber(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.Literal && typeof node.value === 'number';
}
