import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getStaticPropertyName } from '../../ast/get-static-property-name.js';
import { unwrapExpression } from '../../ast/unwrap-expression.js';
import { getOrigin } from '../../origin/get-origin.js';
import type { ErrorHandler } from './get-error-handler.js';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

// Failures that are an answer, not an incident: parsing input, probing for a file or an optional module.
const PROBE_GLOBALS = new Set(['JSON.parse', 'URL', 'URL.new', 'decodeURIComponent', 'decodeURI', 'atob', 'structuredClone', 'require.resolve']);
const PROBE_FS = new Set([
  'access', 'accessSync', 'exists', 'existsSync', 'stat', 'statSync', 'lstat', 'lstatSync', 'readFile', 'readFileSync',
  'readdir', 'readdirSync', 'unlink', 'unlinkSync', 'rm', 'rmSync', 'rmdir', 'rmdirSync', 'mkdir', 'mkdirSync', 'realpath', 'realpathSync',
]);
// Reading a fetch `Response`/`Request` body: a non-JSON body is an expected answer.
const BODY_READERS = new Set(['json', 'text', 'formData', 'arrayBuffer', 'blob']);
// Built-in string/array/URL methods on the probe's result: they cannot fail for I/O reasons, so they are neither
// evidence of real work nor of a probe.
// Names shared with data APIs (`find`, `filter`, `join`) are left out: `stripe.secrets.find()` is real work.
const PURE_METHODS = new Set([
  'clone', 'endsWith', 'includes', 'indexOf', 'padStart', 'replace', 'replaceAll', 'slice', 'split', 'startsWith',
  'toLowerCase', 'toString', 'toUpperCase', 'trim',
]);
// Best-effort teardown whose failure cannot be acted on.
const CLEANUP_METHODS = new Set([
  'close', 'quit', 'disconnect', '$disconnect', 'destroy', 'end', 'release', 'kill', 'abort', 'unsubscribe', 'removeListener', 'off',
]);

/**
 * `true` when every call the handler guards is one whose failure is an expected
 * answer rather than an incident: `JSON.parse`, `new URL`, reading a request or
 * response body, `fs` probes (`access`, `stat`, `readFile`, `unlink`…), `import()` and
 * `require()` of optional modules, teardown (`close`, `quit`, `$disconnect`…), or a
 * name in `allow` (matched on the callee's last name).
 */
export function isExpectedFailure(context: AnyContext, handler: ErrorHandler, allow: ReadonlySet<string> = new Set()): boolean {
  const { visitorKeys } = context.sourceCode;
  let calls = 0;
  const stack: TSESTree.Node[] = [handler.guarded];
  while (stack.length > 0) {
    const node = stack.pop() as TSESTree.Node;
    if (node !== handler.guarded && isFunction(node)) continue;
    if (
      (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression || node.type === AST_NODE_TYPES.ImportExpression) &&
      !isPureCall(node)
    ) {
      calls += 1;
      if (!isExpectedCall(context, node, allow)) return false;
    }
    for (const key of visitorKeys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      for (const child of Array.isArray(value) ? value : [value]) {
        if (typeof child === 'object' && child !== null && typeof (child as { type?: unknown }).type === 'string') {
          stack.push(child as TSESTree.Node);
        }
      }
    }
  }
  return calls > 0;
}

function isPureCall(node: TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.ImportExpression): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression || node.parent.type === AST_NODE_TYPES.AwaitExpression) return false;
  const callee = unwrapExpression(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = getStaticPropertyName(callee);
  return name !== undefined && PURE_METHODS.has(name);
}

function isExpectedCall(
  context: AnyContext,
  node: TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.ImportExpression,
  allow: ReadonlySet<string>,
): boolean {
  if (node.type === AST_NODE_TYPES.ImportExpression) return true;
  const callee = unwrapExpression(node.callee);
  if (callee.type === AST_NODE_TYPES.Identifier && allow.has(callee.name)) return true;
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const name = getStaticPropertyName(callee);
    if (name !== undefined && (allow.has(name) || CLEANUP_METHODS.has(name))) return true;
    if (name !== undefined && BODY_READERS.has(name) && node.arguments.length === 0) return true;
  }
  // `require('optional-dependency')`
  const required = node.type === AST_NODE_TYPES.CallExpression ? getOrigin(context, node) : undefined;
  if (required?.via === 'require' && required.path.length === 0) return true;
  const origin = getOrigin(context, callee);
  if (!origin) return false;
  if (origin.source === 'global') return PROBE_GLOBALS.has(origin.path.join('.'));
  if (origin.source === 'fs' || origin.source === 'fs/promises') {
    const last = origin.path.at(-1);
    return last !== undefined && PROBE_FS.has(last);
  }
  return false;
}

function isFunction(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionDeclaration
  );
}
