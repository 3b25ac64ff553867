import {
  allowOptionSchema,
  AST_NODE_TYPES,
  type FunctionLike,
  getEnclosingFunction,
  getEnclosingRequestHandler,
  getOrigin,
  getStaticPropertyName,
  isInTestFile,
  type TSESLint,
  type TSESTree,
  unwrapExpression,
} from '@prodready/eslint-rule-kit';

import { createRule } from '../create-rule.js';

export type Options = [{ allow: string[] }];
export type MessageIds = 'syncIoInHandler';

/** Modules whose every `*Sync` export blocks on I/O or a subprocess. */
const SYNC_MODULES = new Set(['fs', 'fs-extra', 'graceful-fs', 'child_process', 'zlib']);
/** CPU-bound key derivation and hashing that has an asynchronous form. */
const BLOCKING_EXPORTS = new Map<string, ReadonlySet<string>>([
  ['crypto', new Set(['pbkdf2Sync', 'scryptSync', 'generateKeyPairSync', 'generatePrimeSync'])],
  ['bcrypt', new Set(['hashSync', 'compareSync', 'genSaltSync'])],
  ['bcryptjs', new Set(['hashSync', 'compareSync', 'genSaltSync'])],
]);
const ASYNC_NAMES: Record<string, string> = { execSync: 'execFile', execFileSync: 'execFile', spawnSync: 'spawn' };
/** How many same-file callers are followed from a helper up to a handler. */
const MAX_CALLER_DEPTH = 2;

type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

export default createRule<Options, MessageIds>({
  name: 'no-sync-io-in-handler',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow synchronous file, process, compression and key-derivation calls in request handlers',
      recommended: 'recommended',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allow: {
            ...allowOptionSchema,
            description: 'Synchronous functions (`existsSync`, `readFileSync`, as written) that may run in handlers.',
          },
        },
      },
    ],
    defaultOptions: [{ allow: [] }],
    messages: {
      syncIoInHandler:
        '`{{name}}` blocks the event loop while a request is being handled: every other request on this process waits until it finishes, so one slow disk, subprocess or hash stalls the whole server. Use the asynchronous `{{asyncName}}` (promise API) instead.',
    },
  },
  create(context, [{ allow }]) {
    if (isInTestFile(context) || !context.sourceCode.text.includes('Sync')) return {};
    const allowed = new Set(allow);
    const reachesHandler = new WeakMap<FunctionLike, boolean>();

    return {
      CallExpression(node): void {
        // Cheap guard: a `*Sync` method, or a bare name that may be an alias (`execSync as run`).
        const callee = unwrapExpression(node.callee);
        const written = getCalleeName(callee);
        if (written === undefined || (callee.type !== AST_NODE_TYPES.Identifier && !written.endsWith('Sync'))) return;
        if (context.sourceCode.getScope(node).variableScope.type === 'module') return;
        const name = getBlockingName(context, callee);
        if (name === undefined || allowed.has(name)) return;
        if (!getEnclosingRequestHandler(context, node) && !isCalledFromHandler(context, node, reachesHandler)) return;
        context.report({
          node: node.callee.type === AST_NODE_TYPES.MemberExpression ? node.callee.property : node.callee,
          messageId: 'syncIoInHandler',
          data: { name, asyncName: ASYNC_NAMES[name] ?? name.slice(0, -'Sync'.length) },
        });
      },
    };
  },
});

function getCalleeName(callee: TSESTree.Node): string | undefined {
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  return callee.type === AST_NODE_TYPES.MemberExpression ? getStaticPropertyName(callee) : undefined;
}

/** The exported name of a blocking call (`fs.readFileSync`, `readFileSync` from `node:fs`, `bcrypt.hashSync`), by import origin. */
function getBlockingName(context: Context, callee: TSESTree.Node): string | undefined {
  const origin = getOrigin(context, callee);
  // `fs.readFileSync` is one step from the module.
  const name = origin?.path.length === 1 ? origin.path[0] : undefined;
  if (!origin || name === undefined || !name.endsWith('Sync')) return undefined;
  if (SYNC_MODULES.has(origin.source) || BLOCKING_EXPORTS.get(origin.source)?.has(name)) return name;
  return undefined;
}

/**
 * A same-file helper that a handler calls (`function loadTemplate() { readFileSync(…) }` used
 * in `app.get`), followed up to `MAX_CALLER_DEPTH` callers by name.
 */
function isCalledFromHandler(context: Context, node: TSESTree.Node, cache: WeakMap<FunctionLike, boolean>): boolean {
  const fn = getEnclosingFunction(node);
  return fn !== undefined && reaches(context, fn, cache, MAX_CALLER_DEPTH);
}

function reaches(context: Context, fn: FunctionLike, cache: WeakMap<FunctionLike, boolean>, depth: number): boolean {
  const cached = cache.get(fn);
  if (cached !== undefined) return cached;
  // Guard against recursion while this function is being answered.
  cache.set(fn, false);
  let result = false;
  for (const call of getCallsOf(context, fn)) {
    if (getEnclosingRequestHandler(context, call)) {
      result = true;
      break;
    }
    const caller = getEnclosingFunction(call);
    if (depth > 1 && caller && reaches(context, caller, cache, depth - 1)) {
      result = true;
      break;
    }
  }
  cache.set(fn, result);
  return result;
}

/** Calls of `fn` by the name it is declared with (`function load()`, `const load = () => …`). */
function getCallsOf(context: Context, fn: FunctionLike): TSESTree.CallExpression[] {
  const declaration =
    fn.type === AST_NODE_TYPES.FunctionDeclaration
      ? fn
      : fn.parent.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.init === fn
        ? fn.parent
        : undefined;
  if (!declaration) return [];
  const calls: TSESTree.CallExpression[] = [];
  for (const variable of context.sourceCode.getDeclaredVariables(declaration)) {
    for (const reference of variable.references) {
      const parent = reference.identifier.parent;
      if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee === reference.identifier) calls.push(parent);
    }
  }
  return calls;
}
