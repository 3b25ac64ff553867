import type { TSESTree } from '@typescript-eslint/utils';

/** How a handler shows that it only runs for a signed-in caller. */
export type AuthEvidenceKind =
  /** Middleware on the route itself: `router.get('/x', requireAuth, handler)`, Fastify `onRequest: [app.authenticate]`. */
  | 'route-middleware'
  /** Middleware on the app or router before the route: `router.use(auth)`, `app.use('/api', auth, router)`, `addHook('onRequest', …)`. */
  | 'router-middleware'
  /** A NestJS guard or auth decorator on the method or its controller: `@UseGuards(AuthGuard('jwt'))`. */
  | 'guard'
  /** The handler is wrapped by an auth higher-order function: `export const GET = withAuth(async (req) => …)`. */
  | 'wrapper'
  /** The body calls an auth API: `getServerSession()`, `auth()`, `supabase.auth.getUser()`, `jwt.verify()`. */
  | 'call'
  /** The body reads what auth middleware put on the request: `req.user`, `req.session.userId`, `ctx.state.user`. */
  | 'request-user';

export interface AuthEvidence {
  readonly kind: AuthEvidenceKind;
  /** The middleware, decorator, wrapper call, auth call or request read. */
  readonly node: TSESTree.Node;
  /** A readable name for messages (`requireAuth`, `passport.authenticate`, `UseGuards`). */
  readonly name: string;
}

/** Project-specific names, on top of the auth libraries recognised by import origin. */
export interface AuthOptions {
  /** Middleware names (`requireLogin`, `authz.check`): the callee or identifier as written, last segment or full. */
  readonly middleware?: readonly string[];
  /** Function names whose call in a handler checks the session (`getViewer`, `assertSignedIn`). */
  readonly functions?: readonly string[];
}

/** The most common auth middleware of the routes registered on one router in this file. */
export interface AuthConvention {
  /** The middleware's name as written (`isLoggedIn`, `passport.authenticate`). */
  readonly name: string;
  /** Routes on the router carrying it. */
  readonly count: number;
  /** Routes registered on the router in this file. */
  readonly total: number;
}
