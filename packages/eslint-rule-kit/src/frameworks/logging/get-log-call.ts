import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getStaticPropertyName } from '../../ast/get-static-property-name.js';
import { unwrapExpression } from '../../ast/unwrap-expression.js';
import { getOrigin, type Origin } from '../../origin/get-origin.js';
import { getReceiverOrigin } from './get-receiver-origin.js';
import { isErrorBinding } from './is-error-binding.js';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export type LogLibrary = 'console' | 'pino' | 'winston' | 'bunyan' | 'nestjs' | 'fastify' | 'log4js' | 'logtape' | 'debug';
export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'log';

/** A call that writes a log record, with its arguments sorted by what the library makes of them. */
export interface LogCall {
  readonly library: LogLibrary;
  /** Severity; `'log'` is `console.log`, whose level is whatever stdout is collected as. */
  readonly level: LogLevel;
  /** The message argument (`'user created'`, a template literal), when the library has one. */
  readonly message?: TSESTree.Node;
  /** The structured-fields argument: pino/bunyan's merging object, winston's meta. */
  readonly fields?: TSESTree.Node;
  /** The argument (or `{ err }` field value) that carries an error object. */
  readonly errorArg?: TSESTree.Node;
  readonly args: readonly TSESTree.Node[];
}

type ArgumentStyle = 'object-first' | 'message-first' | 'console';

interface Library {
  readonly name: LogLibrary;
  readonly style: ArgumentStyle;
  readonly levels: Readonly<Record<string, LogLevel>>;
}

const STANDARD_LEVELS: Record<string, LogLevel> = {
  trace: 'trace',
  debug: 'debug',
  info: 'info',
  warn: 'warn',
  error: 'error',
  fatal: 'fatal',
};
const CONSOLE: Library = {
  name: 'console',
  style: 'console',
  levels: { log: 'log', info: 'info', debug: 'debug', trace: 'trace', warn: 'warn', error: 'error' },
};
const PINO: Library = { name: 'pino', style: 'object-first', levels: STANDARD_LEVELS };
const FASTIFY: Library = { name: 'fastify', style: 'object-first', levels: STANDARD_LEVELS };
const BUNYAN: Library = { name: 'bunyan', style: 'object-first', levels: STANDARD_LEVELS };
const WINSTON: Library = {
  name: 'winston',
  style: 'message-first',
  levels: { error: 'error', warn: 'warn', info: 'info', http: 'info', verbose: 'debug', debug: 'debug', silly: 'trace' },
};
const NESTJS: Library = {
  name: 'nestjs',
  style: 'console',
  levels: { log: 'info', error: 'error', warn: 'warn', debug: 'debug', verbose: 'trace', fatal: 'fatal' },
};
const LOG4JS: Library = { name: 'log4js', style: 'console', levels: { ...STANDARD_LEVELS, mark: 'info' } };
const LOGTAPE: Library = { name: 'logtape', style: 'message-first', levels: { ...STANDARD_LEVELS, warning: 'warn' } };
const DEBUG: Library = { name: 'debug', style: 'console', levels: {} };

const METHOD_NAMES = new Set([...Object.keys(CONSOLE.levels), ...Object.keys(WINSTON.levels), ...Object.keys(NESTJS.levels), ...Object.keys(LOG4JS.levels), 'warning']);
const CHILD_STEPS: Readonly<Record<string, ReadonlySet<string>>> = {
  pino: new Set(['child']),
  winston: new Set(['child']),
  bunyan: new Set(['child']),
  fastify: new Set(['child']),
  '@logtape/logtape': new Set(['getChild', 'with']),
};
const ERROR_KEYS = new Set(['err', 'error', 'exception', 'cause']);
const cache = new WeakMap<TSESTree.CallExpression, LogCall | null>();

/**
 * What a call logs, resolved by origin: `console.*` (the global, not a shadowing local),
 * pino and bunyan loggers and their `.child()`, winston's `createLogger()` and default
 * logger, NestJS `Logger` (instance, injected or static), Fastify's `app.log`/`request.log`,
 * log4js and LogTape `getLogger()`, and `debug('ns')` functions. `undefined` for
 * anything else, including a local object named `logger`.
 */
export function getLogCall(context: AnyContext, call: TSESTree.CallExpression): LogCall | undefined {
  const cached = cache.get(call);
  if (cached !== undefined) return cached ?? undefined;
  const result = getLogCallUncached(context, call);
  cache.set(call, result ?? null);
  return result;
}

function getLogCallUncached(context: AnyContext, call: TSESTree.CallExpression): LogCall | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier || callee.type === AST_NODE_TYPES.CallExpression) {
    return isDebugFunction(getOrigin(context, callee)) ? parse(context, DEBUG, 'debug', call.arguments) : undefined;
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = getStaticPropertyName(callee);
  if (method === undefined || !METHOD_NAMES.has(method)) return undefined;
  const library = getLibrary(getReceiverOrigin(context, callee.object));
  if (!library) return undefined;
  if (method === 'log' && (library === WINSTON || library === LOG4JS)) return parseLevelledLog(context, library, call.arguments);
  const level = library.levels[method];
  return level && parse(context, library, level, call.arguments);
}

function isDebugFunction(origin: Origin | undefined): boolean {
  if (origin?.source !== 'debug') return false;
  const [first, ...rest] = origin.path;
  return first === '()' && rest.every((step, index) => (index % 2 === 0 ? step === 'extend' : step === '()'));
}

function getLibrary(origin: Origin | undefined): Library | undefined {
  if (!origin) return undefined;
  const { source } = origin;
  if (source === 'global') return origin.path.length === 1 && origin.path[0] === 'console' ? CONSOLE : undefined;
  const path = stripChildSteps(origin.path, CHILD_STEPS[source]);
  const key = path.join('.');
  switch (source) {
    case 'pino':
      return ['()', 'pino.()', 'Logger', 'BaseLogger'].includes(key) ? PINO : undefined;
    case 'nestjs-pino':
      if (key === 'PinoLogger' || key === 'PinoLogger.new') return PINO;
      return key === 'Logger' || key === 'Logger.new' ? NESTJS : undefined;
    case 'winston':
      return ['', 'createLogger.()', 'loggers.get.()', 'loggers.add.()', 'Logger', 'Logger.new'].includes(key) ? WINSTON : undefined;
    case 'bunyan':
      return ['createLogger.()', 'Logger', 'Logger.new'].includes(key) ? BUNYAN : undefined;
    case '@nestjs/common':
      return ['Logger', 'Logger.new', 'ConsoleLogger', 'ConsoleLogger.new', 'LoggerService'].includes(key) ? NESTJS : undefined;
    case 'fastify':
      return ['().log', 'fastify.().log', 'FastifyInstance.log', 'FastifyRequest.log', 'FastifyReply.log', 'FastifyBaseLogger'].includes(key)
        ? FASTIFY
        : undefined;
    case 'log4js':
      return key === 'getLogger.()' || key === 'Logger' ? LOG4JS : undefined;
    case '@logtape/logtape':
      return key === 'getLogger.()' || key === 'Logger' ? LOGTAPE : undefined;
    default:
      return undefined;
  }
}

/** `logger.child({ … }).child({ … })` is the logger: drop trailing `child`, `()` pairs. */
function stripChildSteps(path: readonly string[], steps: ReadonlySet<string> | undefined): readonly string[] {
  let end = path.length;
  while (steps && end >= 2 && path[end - 1] === '()' && steps.has(path[end - 2] ?? '')) end -= 2;
  return end === path.length ? path : path.slice(0, end);
}

/** winston/log4js `logger.log('error', message, meta)` and winston's `logger.log({ level, message })`. */
function parseLevelledLog(context: AnyContext, library: Library, args: readonly TSESTree.CallExpressionArgument[]): LogCall | undefined {
  const [first, ...rest] = args;
  if (!first) return undefined;
  if (first.type === AST_NODE_TYPES.Literal && typeof first.value === 'string') {
    const level = library.levels[first.value];
    return level && { ...parse(context, library, level, rest), args };
  }
  if (library === WINSTON && first.type === AST_NODE_TYPES.ObjectExpression) {
    const levelProperty = findProperty(first, 'level');
    const value = levelProperty && unwrapExpression(levelProperty.value);
    const level = value?.type === AST_NODE_TYPES.Literal && typeof value.value === 'string' ? library.levels[value.value] : undefined;
    if (!level) return undefined;
    const message = findProperty(first, 'message')?.value;
    return { library: library.name, level, message, fields: first, errorArg: getErrorArgument(context, [first]), args };
  }
  return undefined;
}

function parse(context: AnyContext, library: Library, level: LogLevel, args: readonly TSESTree.Node[]): LogCall {
  const [first, second] = args;
  const base = { library: library.name, level, args, errorArg: getErrorArgument(context, args) };
  if (!first) return base;
  if (library.style === 'console') return isStringLike(first) ? { ...base, message: first } : base;
  if (library.style === 'message-first') {
    // winston also takes `logger.error(err)` and `logger.info({ message, … })`.
    if (isStringLike(first)) return { ...base, message: first, fields: second };
    if (unwrapExpression(first).type === AST_NODE_TYPES.ObjectExpression) return { ...base, fields: first };
    return base;
  }
  // pino/bunyan: `(mergingObject?, message?, ...interpolation)`
  if (isStringLike(first)) return { ...base, message: first };
  if (unwrapExpression(first).type === AST_NODE_TYPES.ObjectExpression || second !== undefined || isErrorValue(context, first)) {
    return { ...base, fields: first, message: second };
  }
  return base;
}

/** The argument, or `{ err }` field value, that carries an error object. */
function getErrorArgument(context: AnyContext, args: readonly TSESTree.Node[]): TSESTree.Node | undefined {
  for (const arg of args) {
    if (isErrorValue(context, arg)) return arg;
    const node = unwrapExpression(arg);
    if (node.type !== AST_NODE_TYPES.ObjectExpression) continue;
    for (const property of node.properties) {
      if (property.type !== AST_NODE_TYPES.Property) continue;
      if (isErrorValue(context, property.value)) return property.value;
      const key = getStaticPropertyName(property);
      // `{ err: error }` is pino's and bunyan's error field; trust the key unless the value is plainly text.
      if (key !== undefined && ERROR_KEYS.has(key) && !isStringLike(property.value) && !isMessageOf(property.value)) {
        return property.value;
      }
    }
  }
  return undefined;
}

/** A caught error, a new error, or its `.stack`. */
function isErrorValue(context: AnyContext, input: TSESTree.Node): boolean {
  const node = unwrapExpression(input);
  if (node.type === AST_NODE_TYPES.Identifier) return isErrorBinding(context, node);
  if (node.type === AST_NODE_TYPES.NewExpression) {
    return node.callee.type === AST_NODE_TYPES.Identifier && /Error$/.test(node.callee.name);
  }
  if (node.type === AST_NODE_TYPES.MemberExpression && getStaticPropertyName(node) === 'stack') {
    return isErrorBinding(context, node.object);
  }
  return false;
}

function isMessageOf(input: TSESTree.Node): boolean {
  const node = unwrapExpression(input);
  return node.type === AST_NODE_TYPES.MemberExpression && getStaticPropertyName(node) === 'message';
}

function isStringLike(input: TSESTree.Node): boolean {
  const node = unwrapExpression(input);
  if (node.type === AST_NODE_TYPES.Literal) return typeof node.value === 'string';
  if (node.type === AST_NODE_TYPES.TemplateLiteral) return true;
  return node.type === AST_NODE_TYPES.BinaryExpression && node.operator === '+' && (isStringLike(node.left) || isStringLike(node.right));
}

function findProperty(object: TSESTree.ObjectExpression, name: string): TSESTree.Property | undefined {
  return object.properties.find(
    (property): property is TSESTree.Property => property.type === AST_NODE_TYPES.Property && getStaticPropertyName(property) === name,
  );
}
