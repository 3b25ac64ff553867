import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { getStaticPropertyName } from '../../ast/get-static-property-name.js';
import { unwrapExpression } from '../../ast/unwrap-expression.js';
import { getOrigin } from '../../origin/get-origin.js';
import type { AnyContext } from '../request/types.js';
import type { AuthOptions } from './types.js';

// Words in the names projects give their auth middleware and session helpers. A name only ever
// silences a rule (it is evidence of auth), so a broad list costs recall, never precision.
const AUTH_WORDS = new Set([
  'auth', 'authn', 'authz', 'authenticate', 'authenticated', 'authentication', 'authorize', 'authorized', 'authorization',
  'authorise', 'authorised', 'login', 'logged', 'signed', 'session', 'jwt', 'bearer', 'guard', 'protect', 'protected',
  'admin', 'permission', 'permissions', 'role', 'roles', 'viewer', 'principal', 'claims', 'passport', 'apikey', 'clerk',
]);
// `getUser()`, `currentUser()`, `requireUser()`: the signed-in user, not a lookup by id.
const USER_HELPER = /^(?:get|require|ensure|current|fetch|load|assert|check|with)?(?:current|logged_?in|signed_?in|server|authed|session)?_?user(?:_?or_?(?:throw|redirect|fail))?$/i;
// Auth libraries: any middleware, guard or call they export is auth evidence.
const AUTH_SOURCES =
  /^(?:passport(?:-.+)?|express-jwt|express-openid-connect|express-oauth2-jwt-bearer|express-basic-auth|connect-ensure-login|koa-jwt|koa-passport|@fastify\/(?:jwt|auth|basic-auth|bearer-auth|passport|session|secure-session)|hono\/(?:jwt|basic-auth|bearer-auth)|@hono\/(?:clerk-auth|auth-js|oidc-auth|firebase-auth)|next-auth(?:\/.*)?|@auth\/.+|@clerk\/.+|@supabase\/auth-helpers-.+|lucia|iron-session|better-auth(?:\/.*)?|@kinde-oss\/.+|@workos-inc\/authkit-.+|firebase-admin(?:\/auth)?|jsonwebtoken|jose|@nestjs\/passport)$/;
// Calls on a client that check the session: `supabase.auth.getUser()`, `auth.api.getSession()`.
const SESSION_METHODS = new Set(['getUser', 'getSession', 'getClaims', 'verifyIdToken', 'verifySessionCookie', 'validateSession', 'isAuthenticated']);

/** The written name of a middleware or callee: `requireAuth`, `auth.required`, `passport.authenticate` (calls unwrapped). */
export function getWrittenName(input: TSESTree.Node): string | undefined {
  let node = unwrapExpression(input);
  if (node.type === AST_NODE_TYPES.CallExpression) node = unwrapExpression(node.callee);
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (node.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const property = getStaticPropertyName(node);
  if (property === undefined) return undefined;
  const object = unwrapExpression(node.object);
  if (object.type === AST_NODE_TYPES.Identifier) return `${object.name}.${property}`;
  if (object.type === AST_NODE_TYPES.ThisExpression) return `this.${property}`;
  if (object.type === AST_NODE_TYPES.MemberExpression) {
    const inner = getStaticPropertyName(object);
    return inner === undefined ? property : `${inner}.${property}`;
  }
  return property;
}

/** The lower-case words of a name: `requireAuth` → `require`, `auth`; `auth.required` → `auth`, `required`. */
function getWords(name: string): string[] {
  return name
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s._$-]+/)
    .map((word) => word.toLowerCase())
    .filter(Boolean);
}

/**
 * `true` when a written name reads as auth (`requireAuth`, `isLoggedIn`, `passport.authenticate`,
 * `getServerSession`, `getUser`) or is configured. `lastOnly` looks at the last segment only, for calls
 * in a handler body (`prisma.user.findMany` is not auth; `getCurrentUser` is).
 */
export function isAuthName(name: string, configured: readonly string[] = [], lastOnly = false): boolean {
  const last = name.slice(name.lastIndexOf('.') + 1);
  if (configured.includes(name) || configured.includes(last)) return true;
  if (USER_HELPER.test(last)) return true;
  return getWords(lastOnly ? last : name).some((word) => AUTH_WORDS.has(word) && word !== 'this');
}

/** `true` when `node` (a callee, middleware or call) comes from an auth library, by import origin. */
export function isAuthLibraryValue(context: AnyContext, node: TSESTree.Node): boolean {
  const origin = getOrigin(context, unwrapExpression(node));
  return origin !== undefined && AUTH_SOURCES.test(origin.source);
}

/** `supabase.auth.getUser()`, `auth.api.getSession({ headers })`, `req.isAuthenticated()`. */
export function isSessionMethodCall(call: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = getStaticPropertyName(callee);
  if (method === 'isAuthenticated') return true;
  if (method === undefined || !SESSION_METHODS.has(method)) return false;
  const name = getWrittenName(callee.object);
  return name !== undefined && /(?:^|\.)(?:auth|api|session)$/i.test(name);
}

/** Middleware that authenticates, recognised by import origin or by name; its name for messages. */
export function getAuthMiddlewareName(context: AnyContext, node: TSESTree.Node, options: AuthOptions = {}): string | undefined {
  const name = getWrittenName(node);
  if (name !== undefined && isAuthName(name, options.middleware)) return name;
  if (isAuthLibraryValue(context, node)) return name ?? 'auth middleware';
  return undefined;
}
