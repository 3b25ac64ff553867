import { isAbsolute, relative } from 'node:path';

import type { TSESLint } from '@typescript-eslint/utils';

const TEST_FILE = /(?:^|[\\/])(?:__tests__|__mocks__|tests?|spec|e2e|fixtures?)[\\/]|\.(?:test|spec|e2e|cy)\.[cm]?[jt]sx?$/;

/**
 * `true` for test, spec, mock and fixture files by the conventions of vitest, jest, node:test and mocha.
 * Give it a path relative to the project; an absolute path's parent folders would count
 * (a checkout under `~/tests/` is not all tests) — rules use `isInTestFile(context)`.
 */
export function isTestFile(filename: string): boolean {
  return TEST_FILE.test(filename);
}

/**
 * The linted file's path relative to ESLint's cwd, with `/` separators; the absolute path
 * when the file lies outside the cwd. Path conventions (`scripts/`, `config/`) are judged on this.
 */
export function getRelativeFilename(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): string {
  const filename = context.filename;
  if (!isAbsolute(filename)) return filename.replaceAll('\\', '/');
  const fromCwd = relative(context.cwd, filename);
  return (fromCwd.startsWith('..') || isAbsolute(fromCwd) ? filename : fromCwd).replaceAll('\\', '/');
}

/** `isTestFile` for the file being linted, judged by its path relative to ESLint's cwd. */
export function isInTestFile(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): boolean {
  return isTestFile(getRelativeFilename(context));
}
