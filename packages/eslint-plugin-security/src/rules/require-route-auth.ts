import {
  AST_NODE_TYPES,
  type DataAccess,
  type FunctionLike,
  getAuthConvention,
  getAuthEvidence,
  getDataAccess,
  getEnclosingRequestHandler,
  getOrigin,
  getRouteScope,
  getStaticPropertyName,
  isInTestFile,
  isNode,
  type RequestHandler,
  type TSESLint,
  type TSESTree,
  unwrapExpression,
} from '@prodready/eslint-rule-kit';

import { createRule } from '../create-rule.js';

export type Options = [{ publicRoutes: string[]; authMiddleware: string[]; authFunctions: string[] }];
export type MessageIds = 'missingAuth' | 'missingConventionAuth';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

interface Candidate {
  readonly handler: RequestHandler;
  readonly access: DataAccess;
  readonly call: TSESTree.CallExpression;
}

// Path segments of routes that must work before sign-in (or are called by other servers with their own checks).
const PUBLIC_SEGMENT =
  /^(?:log-?in|log-?out|sign-?in|sign-?out|sign-?up|register|registration|auth|oauth2?|callback|forgot[\w-]*|reset[\w-]*|password|verify[\w-]*|confirm[\w-]*|activate|magic-?link|otp|token|refresh|health[\w-]*|healthz|status|ping|ready|live|webhooks?|public|unsubscribe|invite|invitations?|cron|\.well-known)$/i;
const PUBLIC_ACTION = /^(?:log-?in|sign-?in|sign-?up|register|forgot|reset|verify|confirm|subscribe|unsubscribe|contact)/i;
// Webhook signature checks: the sender authenticates with a signature, not a session.
const SIGNATURE_METHODS = new Set(['constructEvent', 'constructEventAsync', 'verifySignature', 'verifyWebhook', 'validateWebhook']);
const BROWSER_CALLED: ReadonlySet<string> = new Set(['next-route', 'next-api', 'next-action', 'edge']);

export default createRule<Options, MessageIds>({
  name: 'require-route-auth',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require authentication on route handlers that write data',
      recommended: 'strict',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          publicRoutes: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'Route globs that are public on purpose (`/products/**`, `/api/catalog/*`), on top of login, signup, health and webhook routes.',
          },
          authMiddleware: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'Names of the project\'s auth middleware (`requireLogin`, `authz.check`) that the built-in name patterns miss.',
          },
          authFunctions: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'Names of functions that check the session when called in a handler (`getViewer`, `withWorkspace`).',
          },
        },
      },
    ],
    defaultOptions: [{ publicRoutes: [], authMiddleware: [], authFunctions: [] }],
    messages: {
      missingAuth:
        'This route writes data (`{{call}}`) and nothing in this file authenticates the caller first, so anyone on the internet can call it. Add the auth middleware to the route or router, or check the session at the top of the handler.',
      missingConventionAuth:
        'Most routes on this router ({{count}} of {{total}}) run `{{name}}` first, but this one writes data (`{{call}}`) without it, so anyone on the internet can call it. Add `{{name}}`, or list the route in `publicRoutes` if it is public on purpose.',
    },
  },
  create(context, [{ publicRoutes, authMiddleware, authFunctions }]) {
    if (isInTestFile(context)) return {};
    const publicPatterns = publicRoutes.map(toRegExp);
    const authOptions = { middleware: authMiddleware, functions: authFunctions };
    const candidates = new Map<FunctionLike, Candidate>();
    return {
      CallExpression(node): void {
        const access = getDataAccess(context, node);
        if (access?.kind !== 'read' && access?.kind !== 'write') return;
        const handler = getEnclosingRequestHandler(context, node);
        // Middleware (`app.use(fn)`) is not a route; NestJS relies on guards this file may not show (`APP_GUARD`).
        if (!handler || (handler.method === undefined && handler.framework !== 'next-api' && handler.framework !== 'next-action')) return;
        const known = candidates.get(handler.node);
        if (!known || (known.access.kind === 'read' && access.kind === 'write')) candidates.set(handler.node, { handler, access, call: node });
      },
      'Program:exit'(): void {
        for (const { handler, access, call } of candidates.values()) {
          if (isPublic(context, handler, publicPatterns)) continue;
          if (getAuthEvidence(context, handler, authOptions)) continue;
          const data = { call: getCallName(context, call.callee) };
          const node = call.callee;
          // Reads without auth are as often public on purpose (profiles, catalogues) as forgotten: writes only.
          if (access.kind !== 'write') continue;
          const convention = getAuthConvention(context, handler, authOptions);
          if (convention && convention.count >= 2 && convention.count * 2 >= convention.total) {
            context.report({
              node,
              messageId: 'missingConventionAuth',
              data: { call: data.call, name: convention.name, count: String(convention.count), total: String(convention.total) },
            });
          } else if (handler.method !== 'GET' && isWholeRouteVisible(context, handler)) {
            context.report({ node, messageId: 'missingAuth', data });
          }
        }
      },
    };
  },
});

/**
 * Everything that runs before the handler is in this file: the app is created here (or the router is
 * mounted on one here), or the file is the route itself (Next.js route handlers, API routes, server
 * actions, edge functions). Routers exported to another file and NestJS controllers are not.
 */
function isWholeRouteVisible(context: Context, handler: RequestHandler): boolean {
  if (BROWSER_CALLED.has(handler.framework)) return true;
  if (handler.framework === 'nestjs') return false;
  return getRouteScope(context, handler)?.visible ?? false;
}

function isPublic(context: Context, handler: RequestHandler, patterns: readonly RegExp[]): boolean {
  const route = handler.route;
  if (route !== undefined) {
    if (patterns.some((pattern) => pattern.test(route))) return true;
    const segments = route.split('/').map((segment) => segment.replace(/^\[+\.*|\]+$/g, ''));
    if (segments.some((segment) => PUBLIC_SEGMENT.test(segment))) return true;
  }
  if (handler.framework === 'next-action') {
    const name = getFunctionName(handler.node);
    if (name !== undefined && PUBLIC_ACTION.test(name)) return true;
  }
  return hasSignatureCheck(context, handler.node);
}

function getFunctionName(fn: FunctionLike): string | undefined {
  if (fn.id) return fn.id.name;
  const parent = fn.parent;
  return parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier ? parent.id.name : undefined;
}

/** `stripe.webhooks.constructEvent(…)`, svix `new Webhook(secret).verify(…)`: the sender is authenticated by signature. */
function hasSignatureCheck(context: Context, fn: FunctionLike): boolean {
  const text = context.sourceCode.getText(fn);
  if (!/constructEvent|verif|Webhook/.test(text)) return false;
  let found = false;
  const visit = (node: TSESTree.Node): void => {
    if (found) return;
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrapExpression(node.callee);
      const method = callee.type === AST_NODE_TYPES.MemberExpression ? getStaticPropertyName(callee) : undefined;
      if (method !== undefined && SIGNATURE_METHODS.has(method)) found = true;
      if (method === 'verify' && callee.type === AST_NODE_TYPES.MemberExpression) {
        const origin = getOrigin(context, callee);
        if (origin?.source === 'svix' || origin?.source === 'standardwebhooks' || origin?.source === '@octokit/webhooks') found = true;
      }
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parent') continue;
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) visit(item);
      } else if (isNode(value)) {
        visit(value);
      }
    }
  };
  visit(fn.body);
  return found;
}

/** `/products/**` → matches `/products/1/reviews`; `*` stays within a segment. */
function toRegExp(glob: string): RegExp {
  const source = glob
    .split('**')
    .map((part) => part.split('*').map((text) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*'))
    .join('.*');
  return new RegExp(`^${source}/?$`);
}

/** `prisma.user.delete`, `Order.findByIdAndUpdate`: the callee as written, chains cut to their last two steps. */
function getCallName(context: Context, callee: TSESTree.Node): string {
  const text = context.sourceCode.getText(callee).replace(/\s+/g, '');
  return text.length <= 60 ? text : `…${text.slice(-59)}`;
}
