import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { unwrapExpression } from '../../ast/unwrap-expression.js';
import { getOrigin } from '../../origin/get-origin.js';
import type { AnyContext, FunctionLike, RequestHandler } from './types.js';

const NEST = '@nestjs/common';
const ROUTE_DECORATORS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'All', 'Head', 'Options']);
const GUARD_DECORATORS = new Set(['UseGuards', 'UsePipes', 'UseInterceptors']);

/** A NestJS controller method: `@Get()` / `@Post(':id')` … in a class decorated `@Controller()`. */
export function getNestHandler(context: AnyContext, fn: FunctionLike): RequestHandler | undefined {
  const method = fn.parent;
  if (fn.type !== AST_NODE_TYPES.FunctionExpression || method.type !== AST_NODE_TYPES.MethodDefinition) return undefined;
  const classNode = method.parent.parent;
  if (classNode.type !== AST_NODE_TYPES.ClassDeclaration && classNode.type !== AST_NODE_TYPES.ClassExpression) return undefined;
  // Cheap AST check first: both the class and the method carry decorators.
  if (method.decorators.length === 0 || classNode.decorators.length === 0) return undefined;
  const controller = classNode.decorators.find((decorator) => getNestDecoratorName(context, decorator) === 'Controller');
  if (!controller) return undefined;
  let httpMethod: string | undefined;
  let route: string | undefined;
  for (const decorator of method.decorators) {
    const name = getNestDecoratorName(context, decorator);
    if (name !== undefined && ROUTE_DECORATORS.has(name)) {
      httpMethod = name.toUpperCase();
      route = joinRoute(getDecoratorPath(controller), getDecoratorPath(decorator));
    }
  }
  if (httpMethod === undefined) return undefined;
  const middleware = [...classNode.decorators, ...method.decorators].filter((decorator) =>
    GUARD_DECORATORS.has(getNestDecoratorName(context, decorator) ?? ''),
  );
  const requestParam = fn.params.find((parameter) => hasParamDecorator(context, parameter, ['Req', 'Request']));
  const responseParam = fn.params.find((parameter) => hasParamDecorator(context, parameter, ['Res', 'Response']));
  return {
    framework: 'nestjs',
    node: fn,
    method: httpMethod,
    ...(route === undefined ? {} : { route }),
    middleware,
    ...(requestParam ? { requestParam } : {}),
    ...(responseParam ? { responseParam } : {}),
  };
}

/** The `@nestjs/common` export a decorator calls (`@Body()` → `Body`), resolved by origin. */
export function getNestDecoratorName(context: AnyContext, decorator: TSESTree.Decorator): string | undefined {
  const expression = unwrapExpression(decorator.expression);
  const callee = expression.type === AST_NODE_TYPES.CallExpression ? expression.callee : expression;
  const origin = getOrigin(context, callee);
  if (origin?.source !== NEST || origin.path.length !== 1) return undefined;
  return origin.path[0];
}

/** The parameter decorators of a method parameter (`@Body() dto: CreateUserDto`). */
export function getParamDecorators(parameter: TSESTree.Node): readonly TSESTree.Decorator[] {
  if ('decorators' in parameter && Array.isArray(parameter.decorators)) return parameter.decorators;
  return [];
}

function hasParamDecorator(context: AnyContext, parameter: TSESTree.Node, names: readonly string[]): boolean {
  return getParamDecorators(parameter).some((decorator) => names.includes(getNestDecoratorName(context, decorator) ?? ''));
}

function getDecoratorPath(decorator: TSESTree.Decorator): string | undefined {
  const expression = decorator.expression;
  if (expression.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const [argument] = expression.arguments;
  if (!argument) return '';
  return argument.type === AST_NODE_TYPES.Literal && typeof argument.value === 'string' ? argument.value : undefined;
}

function joinRoute(prefix: string | undefined, path: string | undefined): string | undefined {
  if (prefix === undefined || path === undefined) return undefined;
  const joined = [prefix, path].map((part) => part.replace(/^\/+|\/+$/g, '')).filter(Boolean).join('/');
  return `/${joined}`;
}
