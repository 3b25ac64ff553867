import {
  allowOptionSchema,
  AST_NODE_TYPES,
  getHttpRequest,
  getOrigin,
  getRelativeFilename,
  isInTestFile,
  unwrapExpression,
  type HttpRequest,
  type TSESLint,
  type TSESTree,
} from '@prodready/eslint-rule-kit';

import { createRule } from '../create-rule.js';

export type Options = [{ allow: string[] }];
export type MessageIds = 'missingTimeout' | 'addAbortSignalTimeout' | 'addTimeoutOption';

const ABORT_SIGNAL = 'signal: AbortSignal.timeout(10_000)';
const LIBRARY_NAMES = /fetch|axios|got|ky|http|superagent|undici/;
// Build and maintenance scripts are not serving traffic.
const SCRIPT_FILE = /(?:^|[\\/])scripts?[\\/]/;
// Modules that only run in a browser, where a hung request does not tie up a server.
const BROWSER_PACKAGES = new Set([
  'react', 'react-dom', 'react-dom/client', 'next/navigation', 'next/router', 'zustand', 'swr', '@tanstack/react-query',
  'jotai', 'vue', 'pinia', 'svelte', 'svelte/store', 'solid-js',
]);
const BROWSER_GLOBALS = new Set(['window', 'document', 'localStorage', 'sessionStorage', 'navigator']);
const AXIOS_BODY_METHODS = new Set(['post', 'put', 'patch', 'postForm', 'putForm', 'patchForm']);

export default createRule<Options, MessageIds>({
  name: 'require-request-timeout',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a timeout on outgoing HTTP requests',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allow: { ...allowOptionSchema, description: 'Callees, as written (`fetch`, `api.get`), never reported.' },
        },
      },
    ],
    defaultOptions: [{ allow: [] }],
    messages: {
      missingTimeout:
        'This {{library}} request has no timeout, so a slow or hung upstream holds the request, its socket and every caller awaiting it until the runtime gives up, minutes later or never. Set a timeout or an abort signal.',
      addAbortSignalTimeout: 'Pass `signal: AbortSignal.timeout(10_000)` (10 s; tune it to the upstream).',
      addTimeoutOption: 'Pass `{{option}}` (10 s; tune it to the upstream).',
    },
  },
  create(context, [{ allow }]) {
    if (
      isInTestFile(context) ||
      SCRIPT_FILE.test(getRelativeFilename(context)) ||
      !LIBRARY_NAMES.test(context.sourceCode.text) ||
      isBrowserModule(context)
    ) {
      return {};
    }
    const allowed = new Set(allow);

    return {
      CallExpression(node): void {
        const request = getHttpRequest(context, node);
        if (request?.hasTimeout !== false || (isRelativeUrl(request.url) && isModuleCall(context, node))) return;
        if (isModuleFileUrl(context, request.url)) return;
        if (allowed.has(context.sourceCode.getText(unwrapExpression(node.callee))) || isRacedAgainstTimeout(context, node)) {
          return;
        }
        context.report({
          node: node.callee,
          messageId: 'missingTimeout',
          data: { library: request.library },
          suggest: getSuggestions(context, node, request),
        });
      },
    };
  },
});

type Suggestion = TSESLint.SuggestionReportDescriptor<MessageIds>;

function getSuggestions(
  context: Readonly<TSESLint.RuleContext<MessageIds, Options>>,
  call: TSESTree.CallExpression,
  request: HttpRequest,
): Suggestion[] {
  const property =
    request.library === 'axios'
      ? 'timeout: 10_000'
      : request.library === 'got'
        ? 'timeout: { request: 10_000 }'
        : request.library === 'fetch' || request.library === 'node-fetch' || request.library === 'undici'
          ? ABORT_SIGNAL
          : undefined;
  if (!property) return [];
  const describe = (): Pick<Suggestion, 'messageId' | 'data'> =>
    property === ABORT_SIGNAL ? { messageId: 'addAbortSignalTimeout' } : { messageId: 'addTimeoutOption', data: { option: property } };

  const options = request.options && unwrapExpression(request.options);
  if (options?.type === AST_NODE_TYPES.ObjectExpression && options.parent && isArgumentOf(options, call)) {
    const last = options.properties.at(-1);
    return [
      {
        ...describe(),
        fix: (fixer) =>
          last ? fixer.insertTextAfter(last, `, ${property}`) : fixer.replaceText(options, `{ ${property} }`),
      },
    ];
  }
  if (request.options) return [];
  // No options argument: add one right after the last argument that must precede it.
  const method =
    call.callee.type === AST_NODE_TYPES.MemberExpression && call.callee.property.type === AST_NODE_TYPES.Identifier
      ? call.callee.property.name
      : undefined;
  const needed = request.library === 'axios' && method && AXIOS_BODY_METHODS.has(method) ? 2 : 1;
  if (call.arguments.length !== needed || call.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) {
    return [];
  }
  const previous = call.arguments[needed - 1] as TSESTree.Node;
  return [{ ...describe(), fix: (fixer) => fixer.insertTextAfter(previous, `, { ${property} }`) }];
}

function isArgumentOf(node: TSESTree.Node, call: TSESTree.CallExpression): boolean {
  return call.arguments.some((argument) => unwrapExpression(argument) === node);
}

/** `fetch('/api/users')` runs in a browser: a relative URL cannot be fetched from a server. */
function isRelativeUrl(url: TSESTree.Node | undefined): boolean {
  const node = url && unwrapExpression(url);
  if (node?.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return node.value.startsWith('/');
  if (node?.type === AST_NODE_TYPES.TemplateLiteral) return node.quasis[0]?.value.cooked?.startsWith('/') === true;
  return false;
}

/**
 * `fetch(new URL('./font.ttf', import.meta.url))`: a file bundled with the module (Next.js OG images,
 * Vite assets), read from disk or the bundle, not a network request.
 */
function isModuleFileUrl(context: Readonly<TSESLint.RuleContext<MessageIds, Options>>, url: TSESTree.Node | undefined): boolean {
  const node = url && unwrapExpression(url);
  if (node?.type !== AST_NODE_TYPES.NewExpression) return false;
  const base = node.arguments[1] && unwrapExpression(node.arguments[1]);
  const constructor = getOrigin(context, node.callee);
  return (
    constructor?.source === 'global' &&
    constructor.path.join('.') === 'URL' &&
    base?.type === AST_NODE_TYPES.MemberExpression &&
    base.object.type === AST_NODE_TYPES.MetaProperty &&
    base.property.type === AST_NODE_TYPES.Identifier &&
    base.property.name === 'url'
  );
}

/**
 * `Promise.race([fetch(url), timeout])` or `withTimeout(fetch(url), ms)`, directly or through a
 * `const`: the caller stops waiting even though the request has no timeout of its own.
 */
function isRacedAgainstTimeout(context: Readonly<TSESLint.RuleContext<MessageIds, Options>>, call: TSESTree.CallExpression): boolean {
  const uses: TSESTree.Node[] = [call];
  const declarator = getHolder(call).parent;
  if (declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.id.type === AST_NODE_TYPES.Identifier) {
    const variable = context.sourceCode.getDeclaredVariables(declarator)[0];
    for (const reference of variable?.references ?? []) if (reference.isRead()) uses.push(reference.identifier);
  }
  return uses.some((use) => {
    let node = getHolder(use);
    if (node.parent?.type === AST_NODE_TYPES.ArrayExpression) node = node.parent;
    const parent = node.parent;
    if (parent?.type !== AST_NODE_TYPES.CallExpression || !parent.arguments.includes(node as TSESTree.Expression)) return false;
    const origin = getOrigin(context, parent.callee);
    if (origin?.source === 'global' && origin.path.join('.') === 'Promise.race') return true;
    const callee = unwrapExpression(parent.callee);
    const name = callee.type === AST_NODE_TYPES.MemberExpression ? callee.property : callee;
    return name.type === AST_NODE_TYPES.Identifier && /timeout/i.test(name.name);
  });
}

/** The outermost expression that still denotes `node`'s value (`await`, casts). */
function getHolder(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.parent &&
    (current.parent.type === AST_NODE_TYPES.AwaitExpression ||
      current.parent.type === AST_NODE_TYPES.TSAsExpression ||
      current.parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      current.parent.type === AST_NODE_TYPES.ChainExpression)
  ) {
    current = current.parent;
  }
  return current;
}

/** `fetch(…)`, `axios.get(…)`: the package itself, not an instance with a base URL. */
function isModuleCall(context: Readonly<TSESLint.RuleContext<MessageIds, Options>>, call: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(call.callee);
  const target = callee.type === AST_NODE_TYPES.MemberExpression ? callee.object : callee;
  const origin = getOrigin(context, target);
  return origin !== undefined && origin.path.length <= (origin.source === 'global' ? 1 : 0);
}

/**
 * Browser code: a `'use client'` module, one importing a UI or client-state library, or one
 * that reads `window`, `document`, `localStorage` or `navigator`.
 */
function isBrowserModule(context: Readonly<TSESLint.RuleContext<MessageIds, Options>>): boolean {
  for (const statement of context.sourceCode.ast.body) {
    if (statement.type === AST_NODE_TYPES.ExpressionStatement && statement.directive === 'use client') return true;
    if (statement.type === AST_NODE_TYPES.ImportDeclaration && BROWSER_PACKAGES.has(statement.source.value)) return true;
  }
  const globalScope = context.sourceCode.scopeManager?.globalScope;
  return globalScope?.through.some((reference) => BROWSER_GLOBALS.has(reference.identifier.name)) === true;
}
