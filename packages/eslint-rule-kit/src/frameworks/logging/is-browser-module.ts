import { AST_NODE_TYPES, type TSESLint } from '@typescript-eslint/utils';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

const BROWSER_PACKAGES = new Set([
  'react', 'react-dom', 'react-dom/client', 'next/navigation', 'next/router', 'zustand', 'swr', '@tanstack/react-query',
  'jotai', 'vue', 'pinia', 'svelte', 'svelte/store', 'solid-js',
]);
const BROWSER_GLOBALS = new Set(['window', 'document', 'localStorage', 'sessionStorage', 'navigator']);
const cache = new WeakMap<TSESLint.SourceCode, boolean>();

/**
 * `true` for code that runs in a browser, whose console output never reaches server logs:
 * a `'use client'` module, one importing a UI or client-state library (React, Vue, Svelte,
 * SWR, Zustand…), or one that reads `window`, `document`, `localStorage` or `navigator`.
 */
export function isBrowserModule(context: AnyContext): boolean {
  const { sourceCode } = context;
  const cached = cache.get(sourceCode);
  if (cached !== undefined) return cached;
  const result = isBrowserModuleUncached(context);
  cache.set(sourceCode, result);
  return result;
}

function isBrowserModuleUncached(context: AnyContext): boolean {
  const { sourceCode } = context;
  for (const statement of sourceCode.ast.body) {
    if (statement.type === AST_NODE_TYPES.ExpressionStatement && statement.directive === 'use client') return true;
    if (statement.type === AST_NODE_TYPES.ImportDeclaration && BROWSER_PACKAGES.has(statement.source.value)) return true;
  }
  const globalScope = sourceCode.scopeManager?.globalScope;
  return globalScope?.through.some((reference) => BROWSER_GLOBALS.has(reference.identifier.name)) === true;
}
