import type { TSESTree } from '@typescript-eslint/utils';

// Comments read by tools rather than people: linters, type checkers, coverage, formatters, bundlers.
const DIRECTIVE =
  /^\s*(?:eslint(?:-disable|-enable|-env)?(?:-next-line|-line)?\b|global\s|globals\s|exported\s|@ts-(?:ignore|expect-error|nocheck|check)\b|istanbul\s|c8\s|v8\s|node:coverage\b|prettier-ignore\b|biome-ignore\b|deno-lint-ignore|jshint\s|jscs:|tslint:|@jsx\s|@jsxImportSource\s|@jsxRuntime\s|#(?:end)?region\b|webpack[A-Z]\w*:|@vite-ignore\b|@refresh\s|@__PURE__|#__PURE__|@preserve\b|@license\b|!\s|<reference\s|<amd-module\s|@flow\b|@format\b|@noflow\b|@generated\b|sourceMappingURL=)/;

/**
 * `true` for a comment addressed to a tool: ESLint and TypeScript directives, coverage
 * hints, formatter and bundler markers, triple-slash references, `/*! … *\/` banners.
 */
export function isDirectiveComment(comment: TSESTree.Comment): boolean {
  return DIRECTIVE.test(comment.value) || (comment.type === 'Line' && comment.value.startsWith('/ <'));
}
