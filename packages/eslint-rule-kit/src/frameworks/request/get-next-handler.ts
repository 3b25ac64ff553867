import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import type { AnyContext, FunctionLike, RequestHandler } from './types.js';

const ROUTE_FILE = /^(?:.*[\\/])?app[\\/](?:(.*)[\\/])?route\.[cm]?[jt]sx?$/;
const PAGES_API_FILE = /(?:^|[\\/])pages[\\/]api[\\/].+\.[cm]?[jt]sx?$/;
const ROUTE_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

/**
 * Next.js handlers: App Router route handlers (`export async function GET(request)` in `app/**\/route.ts`),
 * Pages Router API routes (the default export of `pages/api/**`) and server actions (`'use server'`).
 */
export function getNextHandler(context: AnyContext, fn: FunctionLike): RequestHandler | undefined {
  if (isServerAction(context, fn)) return { framework: 'next-action', node: fn, middleware: [] };
  const filename = context.filename;
  const routeFile = ROUTE_FILE.exec(filename);
  if (routeFile) {
    const method = getExportedNames(context, fn).find((name) => ROUTE_METHODS.has(name));
    if (method === undefined) return undefined;
    const route = getAppRoute(routeFile[1] ?? '');
    return {
      framework: 'next-route',
      node: fn,
      method,
      route,
      middleware: [],
      ...(fn.params[0] ? { requestParam: fn.params[0] } : {}),
    };
  }
  if (PAGES_API_FILE.test(filename) && getExportedNames(context, fn).includes('default')) {
    return {
      framework: 'next-api',
      node: fn,
      middleware: [],
      ...(fn.params[0] ? { requestParam: fn.params[0] } : {}),
      ...(fn.params[1] ? { responseParam: fn.params[1] } : {}),
    };
  }
  return undefined;
}

/** `'use server'` at the top of the function, or an exported async function of a `'use server'` file. */
function isServerAction(context: AnyContext, fn: FunctionLike): boolean {
  if (fn.body.type === AST_NODE_TYPES.BlockStatement && hasUseServer(fn.body.body)) return true;
  if (!fn.async || !hasUseServer(context.sourceCode.ast.body)) return false;
  return getExportedNames(context, fn).length > 0;
}

function hasUseServer(statements: readonly TSESTree.Node[]): boolean {
  for (const statement of statements) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.directive === undefined) return false;
    if (statement.directive === 'use server') return true;
  }
  return false;
}

/** The names `fn` is exported under from this module (`default` for a default export). */
function getExportedNames(context: AnyContext, fn: FunctionLike): string[] {
  const parent = fn.parent;
  if (parent.type === AST_NODE_TYPES.ExportDefaultDeclaration) return ['default'];
  let binding: TSESTree.Identifier | undefined;
  let declaration: TSESTree.Node | undefined;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) {
    binding = fn.id;
    declaration = fn;
    if (parent.type === AST_NODE_TYPES.ExportNamedDeclaration) return [fn.id.name];
  } else if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === fn && parent.id.type === AST_NODE_TYPES.Identifier) {
    binding = parent.id;
    declaration = parent;
    if (parent.parent.parent.type === AST_NODE_TYPES.ExportNamedDeclaration) return [parent.id.name];
  }
  if (!binding || !declaration) return [];
  // `export { handler as GET }` and `export default handler`.
  const variable = context.sourceCode.getDeclaredVariables(declaration).find((candidate) => candidate.name === binding.name);
  const names: string[] = [];
  for (const reference of variable?.references ?? []) {
    const identifierParent = reference.identifier.parent;
    if (identifierParent.type === AST_NODE_TYPES.ExportSpecifier && identifierParent.local === reference.identifier) {
      const exported = identifierParent.exported;
      names.push(exported.type === AST_NODE_TYPES.Identifier ? exported.name : String(exported.value));
    } else if (identifierParent.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
      names.push('default');
    }
  }
  return names;
}

/** `app/(shop)/users/[id]/route.ts` → `/users/[id]`. */
function getAppRoute(directory: string): string {
  const segments = directory
    .split(/[\\/]/)
    .filter((segment) => segment !== '' && !/^\(.*\)$/.test(segment) && !segment.startsWith('@'));
  return `/${segments.join('/')}`;
}
