import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

export type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** A function that can receive a request: declarations, expressions and arrows (object and class methods included). */
export type FunctionLike =
  | TSESTree.ArrowFunctionExpression
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression;

export type RequestFramework =
  | 'edge'
  | 'express'
  | 'fastify'
  | 'hono'
  | 'koa'
  | 'nestjs'
  | 'next-action'
  | 'next-api'
  | 'next-route';

/** A function the framework calls with a request: a route handler, middleware or server action. */
export interface RequestHandler {
  readonly framework: RequestFramework;
  /** The handler function. */
  readonly node: FunctionLike;
  /** Upper-case HTTP method (`GET`, `ALL`) when the registration names one; `undefined` for middleware (`app.use`). */
  readonly method?: string;
  /** The route path when it is a literal (`/users/:id`). */
  readonly route?: string;
  /** Functions or decorators that run before this handler in the same registration (auth, validation). */
  readonly middleware: TSESTree.Node[];
  /** The parameter holding the request (`req`, `request`, Koa's `ctx`, Hono's `c`); `undefined` for server actions. */
  readonly requestParam?: TSESTree.Node;
  /** The parameter holding the response (`res`, `reply`, Koa's `ctx`, Hono's `c`). */
  readonly responseParam?: TSESTree.Node;
}

export type RequestSourceKind =
  | 'action-arg'
  | 'body'
  | 'cookies'
  | 'form'
  | 'headers'
  | 'json'
  | 'params'
  | 'path'
  | 'query'
  | 'url';

/** Request input: what part of the request `node` reads. */
export interface RequestSource {
  readonly kind: RequestSourceKind;
  readonly node: TSESTree.Node;
}

export const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'all']);
