import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getStaticPropertyName } from '../../ast/get-static-property-name.js';
import { unwrapExpression } from '../../ast/unwrap-expression.js';
import { CALL, getOrigin, type Origin } from '../../origin/get-origin.js';
import { isOrigin } from '../../origin/is-origin.js';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

const MAX_DEPTH = 8;
const OTEL = '@opentelemetry/api';
const FASTIFY_INSTANCES = [['()'], ['fastify', '()'], ['FastifyInstance']];
const FASTIFY_ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'all', 'addHook', 'setErrorHandler', 'setNotFoundHandler']);
const TRACERS = [['trace', 'getTracer', '()'], ['Tracer']];
const cache = new WeakMap<TSESTree.Node, Origin | null>();

/**
 * `getOrigin` for the receiver of a logger or span method, plus what a logger or span
 * usually hides behind: `this.logger` set in a class (NestJS `new Logger()` or an
 * injected `private readonly logger: Logger`), a parameter annotated with a library
 * type (`logger: pino.Logger`, `request: FastifyRequest`), a Fastify route handler's
 * `request`/`reply`, and the span passed to `tracer.startActiveSpan(name, span => …)`.
 * Annotations give the type's name as the path (`{ source: 'pino', path: ['Logger'] }`).
 */
export function getReceiverOrigin(context: AnyContext, node: TSESTree.Node): Origin | undefined {
  return resolve(context, node, 0);
}

function resolve(context: AnyContext, input: TSESTree.Node, depth: number): Origin | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const node = unwrapExpression(input);
  const cached = cache.get(node);
  if (cached !== undefined) return cached ?? undefined;
  cache.set(node, null); // cycle guard
  const result = getOrigin(context, node) ?? resolveUncached(context, node, depth);
  cache.set(node, result ?? null);
  return result;
}

function resolveUncached(context: AnyContext, node: TSESTree.Node, depth: number): Origin | undefined {
  switch (node.type) {
    case AST_NODE_TYPES.MemberExpression: {
      const name = getStaticPropertyName(node);
      if (name === undefined) return undefined;
      if (node.object.type === AST_NODE_TYPES.ThisExpression) return resolveThisMember(context, node, name, depth);
      const object = resolve(context, node.object, depth + 1);
      return object && { ...object, path: [...object.path, name] };
    }
    case AST_NODE_TYPES.CallExpression: {
      const callee = resolve(context, node.callee, depth + 1);
      return callee && { ...callee, path: [...callee.path, CALL] };
    }
    case AST_NODE_TYPES.Identifier:
      return resolveBinding(context, node, depth);
    default:
      return undefined;
  }
}

function resolveBinding(context: AnyContext, node: TSESTree.Identifier, depth: number): Origin | undefined {
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(node), node);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!def) return undefined;
  if (def.type === 'Variable') {
    // `const log = this.logger.child({ module })`: only a `const` is reliably the same value.
    const declarator = def.node;
    if (declarator.parent.kind !== 'const' || declarator.id !== def.name || !declarator.init) return undefined;
    return resolve(context, declarator.init, depth + 1);
  }
  if (def.type !== 'Parameter') return undefined;
  const annotated = getAnnotationOrigin(context, def.name);
  if (annotated) return annotated;
  const fn = def.node;
  if (
    fn.type !== AST_NODE_TYPES.ArrowFunctionExpression &&
    fn.type !== AST_NODE_TYPES.FunctionExpression
  ) {
    return undefined;
  }
  const index = fn.params.indexOf(def.name as TSESTree.Parameter);
  if (index === -1) return undefined;
  return resolveCallbackParameter(context, fn, index, depth);
}

/** A parameter of a callback whose meaning comes from the call it is passed to. */
function resolveCallbackParameter(
  context: AnyContext,
  fn: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression,
  index: number,
  depth: number,
): Origin | undefined {
  let argument: TSESTree.Node = fn;
  // `app.route({ handler(request, reply) {} })`
  if (fn.parent.type === AST_NODE_TYPES.Property && fn.parent.parent.type === AST_NODE_TYPES.ObjectExpression) {
    argument = fn.parent.parent;
  }
  const call = argument.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(argument as TSESTree.CallExpressionArgument)) {
    return undefined;
  }
  if (call.callee.type !== AST_NODE_TYPES.MemberExpression) {
    // `fp(async (fastify) => …)` from fastify-plugin
    const plugin = getOrigin(context, call.callee);
    return plugin?.source === 'fastify-plugin' && plugin.path.length === 0 && index === 0
      ? { source: 'fastify', path: ['FastifyInstance'], via: 'type' }
      : undefined;
  }
  const method = getStaticPropertyName(call.callee);
  if (method === undefined) return undefined;
  if (method === 'startActiveSpan' && argument === call.arguments.at(-1) && index === 0) {
    const tracer = resolve(context, call.callee.object, depth + 1);
    if (TRACERS.some((path) => isOrigin(tracer, { source: OTEL, path }))) return { source: OTEL, path: ['Span'], via: 'type' };
    return undefined;
  }
  const app = resolve(context, call.callee.object, depth + 1);
  if (!FASTIFY_INSTANCES.some((path) => isOrigin(app, { source: 'fastify', path }))) return undefined;
  if (method === 'register' && index === 0) return { source: 'fastify', path: ['FastifyInstance'], via: 'type' };
  if (FASTIFY_ROUTE_METHODS.has(method) || method === 'route') {
    // Error handlers take `(error, request, reply)`.
    const offset = method === 'setErrorHandler' ? 1 : 0;
    if (index === offset) return { source: 'fastify', path: ['FastifyRequest'], via: 'type' };
    if (index === offset + 1) return { source: 'fastify', path: ['FastifyReply'], via: 'type' };
  }
  return undefined;
}

/** `logger: Logger` with `import type { Logger } from 'pino'`, or `pino.Logger`. */
function getAnnotationOrigin(context: AnyContext, node: TSESTree.Node): Origin | undefined {
  const target = node.type === AST_NODE_TYPES.AssignmentPattern ? node.left : node;
  const annotation =
    target.type === AST_NODE_TYPES.Identifier || target.type === AST_NODE_TYPES.PropertyDefinition ? target.typeAnnotation : undefined;
  const type = getNonNullableType(annotation?.typeAnnotation);
  if (type?.type !== AST_NODE_TYPES.TSTypeReference) return undefined;
  const path: string[] = [];
  let name: TSESTree.EntityName = type.typeName;
  while (name.type === AST_NODE_TYPES.TSQualifiedName) {
    path.unshift(name.right.name);
    name = name.left;
  }
  if (name.type !== AST_NODE_TYPES.Identifier) return undefined;
  const base = getOrigin(context, name);
  if (!base || base.source === 'global') return undefined;
  return { source: base.source, path: [...base.path, ...path], via: 'type' };
}

/** `Tracer | undefined` is a `Tracer` where it is used: drop `undefined` and `null` from a union. */
function getNonNullableType(type: TSESTree.TypeNode | undefined): TSESTree.TypeNode | undefined {
  if (type?.type !== AST_NODE_TYPES.TSUnionType) return type;
  const rest = type.types.filter((member) => member.type !== AST_NODE_TYPES.TSUndefinedKeyword && member.type !== AST_NODE_TYPES.TSNullKeyword);
  return rest.length === 1 ? rest[0] : undefined;
}

/** `this.logger` from a class field initialiser, annotation, parameter property or constructor assignment. */
function resolveThisMember(
  context: AnyContext,
  node: TSESTree.MemberExpression,
  name: string,
  depth: number,
): Origin | undefined {
  const body = getEnclosingClassBody(node);
  if (!body) return undefined;
  for (const member of body.body) {
    if (member.type === AST_NODE_TYPES.PropertyDefinition && !member.static && getStaticPropertyName(member) === name) {
      if (member.value) return resolve(context, member.value, depth + 1);
      const annotated = member.typeAnnotation && getAnnotationOrigin(context, member);
      if (annotated) return annotated;
    }
    if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor') {
      for (const param of member.value.params) {
        if (param.type !== AST_NODE_TYPES.TSParameterProperty) continue;
        const target = param.parameter.type === AST_NODE_TYPES.AssignmentPattern ? param.parameter.left : param.parameter;
        if (target.type === AST_NODE_TYPES.Identifier && target.name === name) return getAnnotationOrigin(context, param.parameter);
      }
      const assigned = getConstructorAssignment(member.value.body, name);
      if (assigned) return resolve(context, assigned, depth + 1);
    }
  }
  return undefined;
}

function getConstructorAssignment(body: TSESTree.BlockStatement | null | undefined, name: string): TSESTree.Node | undefined {
  for (const statement of body?.body ?? []) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement) continue;
    const expression = statement.expression;
    if (
      expression.type === AST_NODE_TYPES.AssignmentExpression &&
      expression.operator === '=' &&
      expression.left.type === AST_NODE_TYPES.MemberExpression &&
      expression.left.object.type === AST_NODE_TYPES.ThisExpression &&
      getStaticPropertyName(expression.left) === name
    ) {
      return expression.right;
    }
  }
  return undefined;
}

/** The class whose instance `this` is at `node`: through arrow functions and into methods and field initialisers. */
function getEnclosingClassBody(node: TSESTree.Node): TSESTree.ClassBody | undefined {
  let current: TSESTree.Node | undefined = node.parent;
  let crossedFunction = false;
  while (current) {
    if (current.type === AST_NODE_TYPES.FunctionExpression || current.type === AST_NODE_TYPES.FunctionDeclaration) {
      // A plain function has its own `this` unless it is a method body.
      if (crossedFunction || current.parent?.type !== AST_NODE_TYPES.MethodDefinition) return undefined;
      crossedFunction = true;
    }
    if (current.type === AST_NODE_TYPES.ClassBody) return current;
    current = current.parent;
  }
  return undefined;
}
