import {
  AST_NODE_TYPES,
  getOrigin,
  getRequestHandler,
  getRequestSourceLabel,
  getStaticPropertyName,
  getTaint,
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
// Fixed text that pins the origin before any input: a path segment (`/users/`), a query or a fragment.
const PINNED = /\/[^/\\]|[?#]/;
const ABSOLUTE = /^[a-z][\w+.-]*:\/\/[^/?#]*([/?#])?/i;
const MAX_PARTS_DEPTH = 4;

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
        if (!target || hasPinnedPrefix(context, target)) return;
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

/**
 * Fixed text before the first tainted part pins where the target goes: a path segment
 * (`` `${base}/orders/${id}` ``), a query or a fragment. `` `/${x}` `` is not pinned (`x = '/evil.com'`).
 */
function hasPinnedPrefix(context: Context, target: TSESTree.Node): boolean {
  let text = '';
  for (const part of getParts(context, target, 0)) {
    if (typeof part === 'string') {
      text += part;
    } else if (getTaint(context, part, { sink: 'redirect' })) {
      // `https://app.example.com/${path}` is pinned; `https://app.example.com${rest}` is not.
      const origin = ABSOLUTE.exec(text);
      return origin ? origin[1] !== undefined : PINNED.test(text);
    }
  }
  return false;
}

/** A concatenation or template as its fixed strings and expressions, through `const` variables. */
function getParts(context: Context, input: TSESTree.Node, depth: number): (string | TSESTree.Node)[] {
  const node = unwrapExpression(input);
  if (depth > MAX_PARTS_DEPTH) return [node];
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return [node.value];
  if (node.type === AST_NODE_TYPES.TemplateLiteral) {
    return node.quasis.flatMap((quasi, index) => {
      const expression = node.expressions[index];
      return expression ? [quasi.value.cooked ?? '', ...getParts(context, expression, depth + 1)] : [quasi.value.cooked ?? ''];
    });
  }
  if (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === '+') {
    return [...getParts(context, node.left, depth + 1), ...getParts(context, node.right, depth + 1)];
  }
  if (node.type === AST_NODE_TYPES.Identifier) {
    const init = getConstInit(context, node);
    if (init) return getParts(context, init, depth + 1);
  }
  return [node];
}

function getConstInit(context: Context, node: TSESTree.Identifier): TSESTree.Expression | undefined {
  let scope: ReturnType<Context['sourceCode']['getScope']> | null = context.sourceCode.getScope(node);
  while (scope && !scope.set.has(node.name)) scope = scope.upper;
  const variable = scope?.set.get(node.name);
  const def = variable?.defs[0];
  if (!variable || def?.type !== 'Variable' || !def.node.init || def.node.id !== def.name) return undefined;
  if (variable.references.some((reference) => reference.isWrite() && reference.writeExpr !== def.node.init)) return undefined;
  return def.node.init;
}

function isNumber(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.Literal && typeof node.value === 'number';
}
