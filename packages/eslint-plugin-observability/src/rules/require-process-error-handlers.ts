import {
  AST_NODE_TYPES,
  findVariable,
  getOrigin,
  getStaticPropertyName,
  isCommandLineModule,
  isInTestFile,
  isOrigin,
  type OriginPattern,
  type TSESLint,
  type TSESTree,
} from '@prodready/eslint-rule-kit';

import { createRule } from '../create-rule.js';

export type Options = [];
export type MessageIds = 'missingCrashHandlers' | 'missingGracefulShutdown';

type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;
type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

// What `.listen()` is called on: an app or server a web framework or `node:http` created.
const SERVER_PATTERNS: readonly OriginPattern[] = [
  { source: ['express', 'fastify', 'polka', 'connect', 'restify'], path: ['()'] },
  { source: 'restify', path: ['createServer', '()'] },
  { source: 'koa', path: ['new'] },
  { source: ['http', 'https', 'http2'], path: ['createServer', '()'] },
  { source: ['http', 'https', 'http2'], path: ['createSecureServer', '()'] },
  { source: ['http', 'https'], path: ['Server', 'new'] },
  { source: '@nestjs/core', path: ['NestFactory', 'create', '()'] },
];
const HONO_SERVE: OriginPattern = { source: '@hono/node-server', path: ['serve'] };
const PROCESS_LISTENERS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);
const CRASH_EVENTS = new Set(['uncaughtException', 'unhandledRejection', 'uncaughtExceptionMonitor']);
const SHUTDOWN_SIGNALS = new Set(['SIGTERM', 'SIGINT']);
// Libraries that install signal handlers and drain the server themselves; `close-with-grace`
// also handles uncaught errors.
const SHUTDOWN_LIBRARIES = new Set([
  '@godaddy/terminus', 'lightship', 'http-terminator', 'http-graceful-shutdown', 'fastify-graceful-shutdown',
  'close-with-grace', 'exit-hook', 'async-exit-hook', 'death', 'node-graceful-shutdown', '@hono/node-server/graceful',
]);
const CRASH_LIBRARIES = new Set(['close-with-grace', 'make-promises-safe', 'loud-rejection', 'hard-rejection']);
// A project module imported for its side effects that, by its name, installs the handlers (`import './shutdown'`).
const HANDLER_MODULE = /^\.{1,2}\/(?:.*\/)?[^/]*(?:process|shutdown|graceful|signal|crash|lifecycle)[^/]*$/i;

export default createRule<Options, MessageIds>({
  name: 'require-process-error-handlers',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Require crash handlers and a graceful shutdown on `SIGTERM` in a module that starts a server listening',
      recommended: 'strict',
    },
    schema: [],
    messages: {
      missingCrashHandlers:
        'This server starts with no `process.on(\'unhandledRejection\')` or `process.on(\'uncaughtException\')` handler, so a stray rejected promise kills the process without the error reaching your logger or error tracker. Register both and log the error before exiting.',
      missingGracefulShutdown:
        'This server has no `SIGTERM`/`SIGINT` handler that closes it, so every deploy or scale-down kills in-flight requests and leaves database connections open. Handle `SIGTERM` by closing the server (`server.close()`, `app.close()`) and then the database before exiting.',
    },
  },
  create(context) {
    const { text } = context.sourceCode;
    if ((!text.includes('listen') && !text.includes('serve')) || isInTestFile(context) || isCommandLineModule(context)) {
      return {};
    }
    const usesHono = text.includes('@hono/node-server');
    let start: TSESTree.Node | undefined;
    let hasCrashHandlers = false;
    let hasGracefulShutdown = false;

    function markModule(source: string): void {
      if (SHUTDOWN_LIBRARIES.has(source)) hasGracefulShutdown = true;
      if (CRASH_LIBRARIES.has(source)) hasCrashHandlers = true;
    }

    return {
      ImportDeclaration(node): void {
        const source = String(node.source.value);
        markModule(source);
        if (node.specifiers.length === 0 && HANDLER_MODULE.test(source)) {
          hasCrashHandlers = true;
          hasGracefulShutdown = true;
        }
      },
      CallExpression(node): void {
        const { callee } = node;
        if (callee.type === AST_NODE_TYPES.Identifier) {
          if (callee.name === 'require') {
            const [argument] = node.arguments;
            if (argument?.type === AST_NODE_TYPES.Literal && typeof argument.value === 'string') markModule(argument.value);
          } else if (!start && usesHono && isOrigin(getOrigin(context, callee), HONO_SERVE)) {
            start = callee;
          }
          return;
        }
        if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
        const method = getStaticPropertyName(callee);
        if (method === 'listen') {
          if (!start && isServer(context, callee.object) && isStartedByModule(context, node)) start = callee;
        } else if (method === 'enableShutdownHooks') {
          hasGracefulShutdown = true;
        } else if (method === 'setUncaughtExceptionCaptureCallback' && isProcess(context, callee.object)) {
          hasCrashHandlers = true;
        } else if (method !== undefined && PROCESS_LISTENERS.has(method) && isProcess(context, callee.object)) {
          const events = getEventNames(node.arguments[0], text);
          if (events.some((event) => CRASH_EVENTS.has(event))) hasCrashHandlers = true;
          if (events.some((event) => SHUTDOWN_SIGNALS.has(event))) hasGracefulShutdown = true;
        }
      },
      'Program:exit'(): void {
        if (!start) return;
        if (!hasCrashHandlers) context.report({ node: start, messageId: 'missingCrashHandlers' });
        if (!hasGracefulShutdown) context.report({ node: start, messageId: 'missingGracefulShutdown' });
      },
    };
  },
});

function isServer(context: Context, node: TSESTree.Node): boolean {
  const origin = getOrigin(context, node);
  return origin !== undefined && SERVER_PATTERNS.some((pattern) => isOrigin(origin, pattern));
}

function isProcess(context: Context, node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.Identifier && node.type !== AST_NODE_TYPES.MemberExpression) return false;
  const origin = getOrigin(context, node);
  return isOrigin(origin, { source: 'global', path: ['process'] }) || isOrigin(origin, { source: 'process', path: [] });
}

/**
 * The events a `process.on(…)` call listens to. A computed name (`for (const signal of signals) process.on(signal, …)`)
 * counts as every event the file spells out as a string.
 */
function getEventNames(argument: TSESTree.Node | undefined, text: string): string[] {
  if (!argument) return [];
  if (argument.type === AST_NODE_TYPES.Literal) return typeof argument.value === 'string' ? [argument.value] : [];
  return [...CRASH_EVENTS, ...SHUTDOWN_SIGNALS].filter((event) => text.includes(`'${event}'`) || text.includes(`"${event}"`));
}

/**
 * `true` when this module itself runs the `listen` call: at the top level, in a callback, or in a function
 * this module calls (`bootstrap()`). A listen inside an exported `start()` or a class method that nothing here
 * calls belongs to whichever entry point calls it, and that module owns the process handlers.
 */
function isStartedByModule(context: Context, node: TSESTree.Node): boolean {
  for (let current: TSESTree.Node | undefined = node.parent; current; current = current.parent) {
    if (
      current.type !== AST_NODE_TYPES.ArrowFunctionExpression &&
      current.type !== AST_NODE_TYPES.FunctionExpression &&
      current.type !== AST_NODE_TYPES.FunctionDeclaration
    ) {
      continue;
    }
    const parent = current.parent;
    // A callback (`connect().then(() => app.listen())`) or an IIFE runs where it is written.
    if (parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) continue;
    const name = getFunctionName(current);
    if (!name || !isCalledInModule(context, name)) return false;
  }
  return true;
}

function getFunctionName(node: FunctionNode): TSESTree.Identifier | undefined {
  if (node.type === AST_NODE_TYPES.FunctionDeclaration) return node.id ?? undefined;
  const parent = node.parent;
  return parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier
    ? parent.id
    : undefined;
}

function isCalledInModule(context: Context, name: TSESTree.Identifier): boolean {
  const variable = findVariable(context, name);
  return (
    variable?.references.some((reference) => {
      const parent = reference.identifier.parent;
      return parent.type === AST_NODE_TYPES.CallExpression && parent.callee === reference.identifier;
    }) ?? false
  );
}
