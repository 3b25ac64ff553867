import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getStaticPropertyName } from '../ast/get-static-property-name.js';
import { unwrapExpression } from '../ast/unwrap-expression.js';
import { getNestDecoratorName, getParamDecorators } from '../frameworks/request/get-nest-handler.js';
import { getRequestSource } from '../frameworks/request/get-request-source.js';
import { isFunctionLike } from '../frameworks/request/is-function-like.js';
import { getEnclosingRequestHandler } from '../frameworks/request/get-enclosing-request-handler.js';
import type { FunctionLike, RequestFramework, RequestSourceKind } from '../frameworks/request/types.js';
import { getOrigin, type Origin } from '../origin/get-origin.js';
import { isGuarded } from './is-guarded.js';
import type { Taint, TaintOptions, TaintSink } from './types.js';
import { isNode } from '../ast/is-node.js';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** A call into a same-file function: its parameters are bound to the call's arguments. */
interface Frame {
  readonly fn: FunctionLike;
  readonly args: readonly TSESTree.Node[];
  readonly parent: Frame | undefined;
}

interface State {
  readonly context: AnyContext;
  readonly sink: TaintSink | undefined;
  readonly sanitizers: ReadonlySet<string>;
  readonly cache: WeakMap<TSESTree.Node, Taint | null>;
  readonly active: Set<TSESTree.Node>;
  depth: number;
}

const MAX_DEPTH = 30;
const MAX_CALL_SITES = 10;
const caches = new WeakMap<object, Map<string, WeakMap<TSESTree.Node, Taint | null>>>();

// String, array and container methods whose result carries the receiver's data.
const PROPAGATING_METHODS = new Set([
  'at',
  'charAt',
  'concat',
  'filter',
  'find',
  'flat',
  'get',
  'getAll',
  'join',
  'normalize',
  'padEnd',
  'padStart',
  'repeat',
  'replace',
  'replaceAll',
  'reverse',
  'slice',
  'sort',
  'split',
  'substr',
  'substring',
  'toLocaleLowerCase',
  'toLocaleUpperCase',
  'toLowerCase',
  'toSorted',
  'toString',
  'toUpperCase',
  'trim',
  'trimEnd',
  'trimStart',
  'valueOf',
  'values',
]);
// Callbacks whose first parameter is an element of the receiver.
const ELEMENT_CALLBACKS = new Set(['every', 'filter', 'find', 'findLast', 'flatMap', 'forEach', 'map', 'some']);
const PROPAGATING_GLOBALS = new Set([
  'Array.from',
  'Buffer.from',
  'JSON.parse',
  'JSON.stringify',
  'Object.assign',
  'Object.entries',
  'Object.fromEntries',
  'Object.values',
  'String',
  'decodeURI',
  'decodeURIComponent',
  'encodeURI',
  'encodeURIComponent',
  'structuredClone',
]);
const PROPAGATING_MODULE_FUNCTIONS: Readonly<Record<string, ReadonlySet<string>>> = {
  path: new Set(['basename', 'dirname', 'format', 'join', 'normalize', 'relative', 'resolve']),
  'path/posix': new Set(['basename', 'dirname', 'format', 'join', 'normalize', 'relative', 'resolve']),
  util: new Set(['format']),
};
const URL_CONSTRUCTORS = new Set(['URL', 'URLSearchParams', 'String']);
// For the `nosql` sink only values that may hold an object matter: these keep one.
const OBJECT_METHODS = new Set(['at', 'filter', 'find', 'flat', 'get', 'getAll', 'reverse', 'slice', 'sort', 'toSorted']);
const OBJECT_GLOBALS = new Set(['JSON.parse', 'Object.assign', 'Object.fromEntries', 'structuredClone']);
// Frameworks whose query parser builds nested objects from `?email[$ne]=x` (`qs`).
const OBJECT_QUERY_FRAMEWORKS: ReadonlySet<RequestFramework> = new Set(['express', 'nestjs']);
// Sanitizers that only make a value safe for one kind of sink.
const SINK_SANITIZERS: Readonly<Record<TaintSink, readonly string[]>> = {
  code: [],
  command: ['global:encodeURIComponent', 'shell-quote:quote', 'shescape:quote', 'shescape:escape', 'shell-escape:'],
  redirect: ['global:encodeURIComponent'],
  path: ['path:basename', 'path/posix:basename', 'path/win32:basename', 'sanitize-filename:'],
  html: ['global:encodeURIComponent'],
  nosql: ['mongo-sanitize:', 'express-mongo-sanitize:sanitize'],
  regex: [
    'escape-string-regexp:',
    'lodash:escapeRegExp',
    'lodash-es:escapeRegExp',
    'lodash/escapeRegExp:',
    'lodash.escaperegexp:',
    'es-toolkit:escapeRegExp',
    'es-toolkit/compat:escapeRegExp',
    'global:RegExp.escape',
  ],
  sql: [],
  url: [],
};
// `s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')`: a hand-written regex escape puts a backslash before each match.
const REGEX_ESCAPE_REPLACEMENT = /^\\\$&$/;
// Validation libraries: their results are validated data (by origin; the schema may come from anywhere in the module).
const VALIDATOR_SOURCES = new Set(['zod', 'valibot', 'yup', 'joi', '@hapi/joi', 'superstruct', 'class-validator']);
const VALIDATOR_METHODS = new Set([
  'parse',
  'parseAsync',
  'safeParse',
  'safeParseAsync',
  'validate',
  'validateSync',
  'validateAsync',
  'cast',
  'attempt',
  'assert',
  'create',
  'validateOrReject',
]);
// NestJS DTO parameter types that are not validated classes.
const UNVALIDATED_TYPES = new Set(['Record', 'Partial', 'Pick', 'Omit', 'Array', 'Readonly', 'Required', 'Map', 'Object', 'String', 'Number', 'Boolean']);

/**
 * Whether the value of `node` is derived from request input within this file, and from which read.
 * Follows single-assignment variables (`let` re-assignments by position), destructuring, spreads,
 * object/array/template literals, `+`, `String()`, string transforms (`.trim()`, `.toLowerCase()`,
 * `.split()`, `.join()`), `JSON.parse`, `new URL(…)`, `path.join`, element callbacks (`.map(x => …)`),
 * `for … of`, and same-file functions (arguments into parameters, tainted `return`s back out).
 *
 * Stops at anything that vets or converts the value: `Number()`/`parseInt`/`Boolean()` and any other
 * call it does not know to pass data through; validators by origin (zod/valibot `parse`/`safeParse`,
 * yup `validate`/`cast`, joi `validate`/`attempt`); NestJS DTO classes (validated by `ValidationPipe`);
 * allow-list and validator checks before the use (`if (!ALLOWED.includes(x)) return`, see `isGuarded`);
 * sink-specific escapes given `options.sink` (`encodeURIComponent` for `command`/`redirect`,
 * `shell-quote`, `path.basename` for `path`, `escape-string-regexp`/`_.escapeRegExp`/a same-file
 * `.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')` for `regex`, `mongo-sanitize` for `nosql`); calls written as
 * one of `options.sanitizers`. For the `nosql` sink, only values that may hold an object count: JSON
 * bodies and `qs`-parsed queries (Express, NestJS) as read, not strings built from them (templates,
 * `+`, `String()`, string methods) nor `typeof x === 'string'`-checked values.
 * Memoized per file, sink and sanitizers; `undefined` when unsure.
 */
export function getTaint(context: AnyContext, node: TSESTree.Node, options: TaintOptions = {}): Taint | undefined {
  const state: State = {
    context,
    sink: options.sink,
    sanitizers: new Set(options.sanitizers),
    cache: getCache(context, options),
    active: new Set(),
    depth: 0,
  };
  return evaluate(state, node, undefined);
}

function getCache(context: AnyContext, options: TaintOptions): WeakMap<TSESTree.Node, Taint | null> {
  let bySink = caches.get(context.sourceCode);
  if (!bySink) {
    bySink = new Map();
    caches.set(context.sourceCode, bySink);
  }
  const key = `${options.sink ?? ''}|${options.sanitizers?.join(',') ?? ''}`;
  let cache = bySink.get(key);
  if (!cache) {
    cache = new WeakMap();
    bySink.set(key, cache);
  }
  return cache;
}

function evaluate(state: State, node: TSESTree.Node | null | undefined, frame: Frame | undefined): Taint | undefined {
  if (!node || state.depth > MAX_DEPTH || state.active.has(node)) return undefined;
  // Answers inside a call frame depend on the arguments, so only frame-free answers are memoized.
  if (!frame) {
    const cached = state.cache.get(node);
    if (cached !== undefined) return cached ?? undefined;
  }
  state.active.add(node);
  state.depth += 1;
  const result = compute(state, node, frame);
  state.depth -= 1;
  state.active.delete(node);
  // A cycle cut short may under-report; only complete answers at the top are worth keeping.
  if (!frame && (result || state.active.size === 0)) state.cache.set(node, result ?? null);
  return result;
}

function compute(state: State, input: TSESTree.Node, frame: Frame | undefined): Taint | undefined {
  const node = unwrapExpression(input);
  if (node !== input) return evaluate(state, node, frame);
  const { context } = state;
  if (
    node.type === AST_NODE_TYPES.Identifier ||
    node.type === AST_NODE_TYPES.MemberExpression ||
    node.type === AST_NODE_TYPES.CallExpression
  ) {
    // `EXTENSIONS.includes(name.split('.').pop()) ? name.split('.').pop() : 'jpg'` vets the call's result.
    if (isGuarded(context, node, state.sink)) return undefined;
  }
  // A length or a size is a number, not the data.
  if (node.type === AST_NODE_TYPES.MemberExpression && getStaticPropertyName(node) === 'length') return undefined;
  const source = getRequestSource(context, node);
  if (source) {
    if (isValidatedDto(context, node)) return undefined;
    if (state.sink === 'nosql' && !mayHoldObject(context, source.kind, node)) return undefined;
    return { kind: source.kind, source: node };
  }
  // Strings cannot carry query operators, and a literal's structure is the code's: its fields are checked where written.
  if (state.sink === 'nosql' && (isStringBuilder(node) || node.type === AST_NODE_TYPES.ObjectExpression || node.type === AST_NODE_TYPES.ArrayExpression)) {
    return undefined;
  }

  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
      return evaluateIdentifier(state, node, frame);
    case AST_NODE_TYPES.MemberExpression:
      return evaluate(state, node.object, frame);
    case AST_NODE_TYPES.TemplateLiteral:
      return first(node.expressions, (expression) => evaluate(state, expression, frame));
    case AST_NODE_TYPES.BinaryExpression:
      return node.operator === '+' ? (evaluate(state, node.left, frame) ?? evaluate(state, node.right, frame)) : undefined;
    case AST_NODE_TYPES.LogicalExpression:
      return evaluate(state, node.left, frame) ?? evaluate(state, node.right, frame);
    case AST_NODE_TYPES.ConditionalExpression:
      return evaluate(state, node.consequent, frame) ?? evaluate(state, node.alternate, frame);
    case AST_NODE_TYPES.ObjectExpression:
      return first(node.properties, (property) =>
        evaluate(state, property.type === AST_NODE_TYPES.Property ? property.value : property.argument, frame),
      );
    case AST_NODE_TYPES.ArrayExpression:
      return first(node.elements, (element) => evaluate(state, element, frame));
    case AST_NODE_TYPES.SpreadElement:
      return evaluate(state, node.argument, frame);
    case AST_NODE_TYPES.AssignmentExpression:
      return evaluate(state, node.right, frame) ?? (node.operator === '=' ? undefined : evaluate(state, node.left, frame));
    case AST_NODE_TYPES.SequenceExpression:
      return evaluate(state, node.expressions.at(-1), frame);
    case AST_NODE_TYPES.NewExpression: {
      if (state.sink === 'nosql') return undefined;
      const origin = getOrigin(context, node.callee);
      const isUrl = origin?.source === 'global' && origin.path.length === 1 && URL_CONSTRUCTORS.has(origin.path[0] ?? '');
      return isUrl ? evaluate(state, node.arguments[0], frame) : undefined;
    }
    case AST_NODE_TYPES.CallExpression:
      return evaluateCall(state, node, frame);
    default:
      return undefined;
  }
}

function evaluateIdentifier(state: State, node: TSESTree.Identifier, frame: Frame | undefined): Taint | undefined {
  const variable = ASTUtils.findVariable(state.context.sourceCode.getScope(node), node);
  const def = variable?.defs[0];
  if (!variable || !def || variable.defs.length !== 1) return undefined;

  if (def.type === 'Parameter') {
    const fn = def.node as FunctionLike;
    const index = fn.params.findIndex((parameter) => isWithin(def.name, parameter));
    if (index < 0) return undefined;
    for (let current = frame; current; current = current.parent) {
      if (current.fn === fn) return evaluate(state, current.args[index], current.parent);
    }
    return evaluateElementCallback(state, fn, index) ?? evaluateCallSites(state, fn, index);
  }

  if (def.type !== 'Variable') return undefined;
  const declarator = def.node;
  const statement = declarator.parent.parent;
  if (statement.type === AST_NODE_TYPES.ForOfStatement && statement.left === declarator.parent) {
    return evaluate(state, statement.right, frame);
  }
  if (statement.type === AST_NODE_TYPES.ForInStatement && statement.left === declarator.parent) return undefined;
  // The last assignment before this read decides; `x += tainted` keeps looking further back.
  const writes = variable.references
    .filter((reference) => reference.isWrite() && reference.writeExpr && !isWithin(reference.writeExpr, declarator.id))
    // `x = x.trim()` reads the earlier value: a write is only seen by reads after its right-hand side.
    .filter(
      (reference) =>
        (reference.identifier.range[1] <= node.range[0] && !isWithin(node, reference.writeExpr as TSESTree.Node)) ||
        reference.writeExpr === declarator.init,
    )
    .sort((a, b) => a.identifier.range[0] - b.identifier.range[0]);
  for (let index = writes.length - 1; index >= 0; index -= 1) {
    const reference = writes[index];
    if (!reference?.writeExpr) return undefined;
    const taint = evaluate(state, reference.writeExpr, frame);
    if (taint) return taint;
    const assignment = reference.identifier.parent;
    const isCompound = assignment.type === AST_NODE_TYPES.AssignmentExpression && assignment.operator !== '=';
    if (!isCompound) return undefined;
  }
  return undefined;
}

/** `files.map((file) => …)`: the callback's first parameter is an element of a tainted receiver. */
function evaluateElementCallback(state: State, fn: FunctionLike, index: number): Taint | undefined {
  const call = fn.parent;
  if (index !== 0 || call.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== fn) return undefined;
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = getStaticPropertyName(callee);
  return method !== undefined && ELEMENT_CALLBACKS.has(method) ? evaluate(state, callee.object, undefined) : undefined;
}

/** A same-file function whose caller passes tainted input: the parameter is tainted inside it. */
function evaluateCallSites(state: State, fn: FunctionLike, index: number): Taint | undefined {
  for (const call of getCallSites(state.context, fn)) {
    const before = call.arguments.slice(0, index + 1);
    if (before.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) continue;
    const taint = evaluate(state, call.arguments[index], undefined);
    if (taint) return taint;
  }
  return undefined;
}

function evaluateCall(state: State, call: TSESTree.CallExpression, frame: Frame | undefined): Taint | undefined {
  const { context } = state;
  const callee = unwrapExpression(call.callee);
  if (state.sanitizers.size > 0 && state.sanitizers.has(context.sourceCode.getText(callee))) return undefined;
  const origin = getOrigin(context, callee);
  if (origin) {
    if (isValidator(origin) || isSinkSanitizer(origin, state.sink)) return undefined;
    if (isPropagatingFunction(origin)) {
      if (state.sink === 'nosql' && !(origin.source === 'global' && OBJECT_GLOBALS.has(origin.path.join('.')))) return undefined;
      return first(call.arguments, (argument) => evaluate(state, argument, frame));
    }
  }
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const fn = getLocalFunction(context, callee);
    if (fn) return evaluateReturns(state, fn, { fn, args: call.arguments, parent: frame });
    return undefined;
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = getStaticPropertyName(callee);
  if (method === undefined || !PROPAGATING_METHODS.has(method)) return undefined;
  if (state.sink === 'nosql' && !OBJECT_METHODS.has(method)) return undefined;
  if ((method === 'replace' || method === 'replaceAll') && isStrippingReplace(call)) return undefined;
  if (state.sink === 'regex' && (method === 'replace' || method === 'replaceAll') && isRegexEscape(call)) return undefined;
  const receiver = evaluate(state, callee.object, frame);
  if (receiver) return receiver;
  // `'git log '.concat(branch)`
  return method === 'concat' ? first(call.arguments, (argument) => evaluate(state, argument, frame)) : undefined;
}

/** Tainted when any `return` (or an arrow's expression body) of `fn` is, with its parameters bound. */
function evaluateReturns(state: State, fn: FunctionLike, frame: Frame): Taint | undefined {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return evaluate(state, fn.body, frame);
  for (const returned of getReturnedExpressions(fn.body)) {
    const taint = evaluate(state, returned, frame);
    if (taint) return taint;
  }
  return undefined;
}

function getReturnedExpressions(body: TSESTree.Node): TSESTree.Expression[] {
  const returned: TSESTree.Expression[] = [];
  const visit = (node: TSESTree.Node): void => {
    if (node.type === AST_NODE_TYPES.ReturnStatement) {
      if (node.argument) returned.push(node.argument);
      return;
    }
    if (isFunctionLike(node) || node.type === AST_NODE_TYPES.ClassBody) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parent') continue;
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) visit(item);
      } else if (isNode(value)) {
        visit(value);
      }
    }
  };
  for (const statement of (body as TSESTree.BlockStatement).body) visit(statement);
  return returned;
}

/** A function declared in this file under `callee`'s name (`function build(…)`, `const build = (…) => …`). */
function getLocalFunction(context: AnyContext, callee: TSESTree.Identifier): FunctionLike | undefined {
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(callee), callee);
  const def = variable?.defs[0];
  if (!variable || !def || variable.defs.length !== 1) return undefined;
  if (def.type === 'FunctionName') return def.node as FunctionLike;
  if (def.type !== 'Variable' || !def.node.init) return undefined;
  if (variable.references.some((reference) => reference.isWrite() && reference.writeExpr !== def.node.init)) return undefined;
  const init = unwrapExpression(def.node.init);
  return isFunctionLike(init) ? init : undefined;
}

/** Calls of `fn` by name in this file. */
function getCallSites(context: AnyContext, fn: FunctionLike): TSESTree.CallExpression[] {
  let declaration: TSESTree.Node | undefined;
  let name: string | undefined;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) {
    declaration = fn;
    name = fn.id.name;
  } else if (
    fn.parent.type === AST_NODE_TYPES.VariableDeclarator &&
    fn.parent.init === fn &&
    fn.parent.id.type === AST_NODE_TYPES.Identifier
  ) {
    declaration = fn.parent;
    name = fn.parent.id.name;
  }
  if (!declaration) return [];
  const variable = context.sourceCode.getDeclaredVariables(declaration).find((candidate) => candidate.name === name);
  const calls: TSESTree.CallExpression[] = [];
  for (const reference of variable?.references ?? []) {
    const parent = reference.identifier.parent;
    if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee === reference.identifier) calls.push(parent);
    if (calls.length >= MAX_CALL_SITES) break;
  }
  return calls;
}

function isPropagatingFunction(origin: Origin): boolean {
  if (origin.source === 'global') return PROPAGATING_GLOBALS.has(origin.path.join('.'));
  const [name, ...rest] = origin.path;
  return rest.length === 0 && name !== undefined && (PROPAGATING_MODULE_FUNCTIONS[origin.source]?.has(name) ?? false);
}

function isValidator(origin: Origin): boolean {
  if (!VALIDATOR_SOURCES.has(origin.source)) return false;
  const method = origin.path.at(-1);
  return method !== undefined && VALIDATOR_METHODS.has(method);
}

function isSinkSanitizer(origin: Origin, sink: TaintSink | undefined): boolean {
  return sink !== undefined && SINK_SANITIZERS[sink].includes(`${origin.source}:${origin.path.join('.')}`);
}

/** `.replace(/[^\w-]/g, '')` keeps only allowed characters. */
function isStrippingReplace(call: TSESTree.CallExpression): boolean {
  const [pattern, replacement] = call.arguments;
  return (
    pattern?.type === AST_NODE_TYPES.Literal &&
    'regex' in pattern &&
    pattern.regex.pattern.startsWith('[^') &&
    pattern.regex.pattern.endsWith(']') &&
    pattern.regex.flags.includes('g') &&
    replacement?.type === AST_NODE_TYPES.Literal &&
    replacement.value === ''
  );
}

/** `.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')`: every regex metacharacter gets a backslash. */
function isRegexEscape(call: TSESTree.CallExpression): boolean {
  const [pattern, replacement] = call.arguments;
  return (
    pattern?.type === AST_NODE_TYPES.Literal &&
    'regex' in pattern &&
    pattern.regex.flags.includes('g') &&
    ['.', '*', '+', '?', '(', '['].every((character) => pattern.regex.pattern.includes(character)) &&
    replacement?.type === AST_NODE_TYPES.Literal &&
    typeof replacement.value === 'string' &&
    REGEX_ESCAPE_REPLACEMENT.test(replacement.value)
  );
}

/**
 * Whether a request read can hold an object (`{ "$ne": null }`): JSON bodies, and query strings parsed
 * by `qs` (Express, NestJS). Path parameters, headers, cookies, `c.req.query('q')` and
 * `searchParams.get('q')` are strings.
 */
function mayHoldObject(context: AnyContext, kind: RequestSourceKind, node: TSESTree.Node): boolean {
  const read = unwrapExpression(node);
  if (read.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrapExpression(read.callee);
    return (kind === 'body' || kind === 'json') && callee.type === AST_NODE_TYPES.MemberExpression && getStaticPropertyName(callee) === 'json';
  }
  if (kind === 'body' || kind === 'json') return true;
  if (kind !== 'query') return false;
  const framework = getEnclosingRequestHandler(context, node)?.framework;
  return framework !== undefined && OBJECT_QUERY_FRAMEWORKS.has(framework);
}

/** Template literals and `+` build strings. */
function isStringBuilder(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.TemplateLiteral || (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === '+');
}

/**
 * A NestJS `@Body() dto: CreateUserDto` (or a property of it): a class DTO that the global
 * `ValidationPipe` checks against its class-validator decorators.
 */
function isValidatedDto(context: AnyContext, node: TSESTree.Node): boolean {
  let root = node;
  while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrapExpression(root.object);
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  const def = ASTUtils.findVariable(context.sourceCode.getScope(root), root)?.defs[0];
  // Only a whole parameter (`@Body() dto: CreateUserDto`), not one destructured from it.
  if (def?.type !== 'Parameter' || def.name.type !== AST_NODE_TYPES.Identifier) return false;
  const parameter = def.name;
  if (!(def.node as FunctionLike).params.includes(parameter)) return false;
  const isNestInput = getParamDecorators(parameter).some((decorator) =>
    ['Body', 'Query'].includes(getNestDecoratorName(context, decorator) ?? ''),
  );
  const annotation = parameter.typeAnnotation?.typeAnnotation;
  return (
    isNestInput &&
    annotation?.type === AST_NODE_TYPES.TSTypeReference &&
    annotation.typeName.type === AST_NODE_TYPES.Identifier &&
    !UNVALIDATED_TYPES.has(annotation.typeName.name)
  );
}

function first<T>(items: readonly (T | null)[], pick: (item: T) => Taint | undefined): Taint | undefined {
  for (const item of items) {
    if (item === null) continue;
    const taint = pick(item);
    if (taint) return taint;
  }
  return undefined;
}

function isWithin(inner: TSESTree.Node, outer: TSESTree.Node): boolean {
  return inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];
}
