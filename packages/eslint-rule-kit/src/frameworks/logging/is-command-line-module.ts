import type { TSESLint } from '@typescript-eslint/utils';

import { getRelativeFilename } from '../is-test-file.js';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

const COMMAND_LINE_FOLDERS = new Set(['bin', 'cli', 'scripts']);
const cache = new WeakMap<TSESLint.SourceCode, boolean>();

/**
 * `true` for a command-line program, whose `console` output is its interface to the person running
 * it rather than a server log: a file with a `#!` line, a `cli.*` file, or one under a `bin/`,
 * `cli/` or `scripts/` folder of the project.
 */
export function isCommandLineModule(context: AnyContext): boolean {
  const { sourceCode } = context;
  const cached = cache.get(sourceCode);
  if (cached !== undefined) return cached;
  const segments = getRelativeFilename(context).split('/');
  const basename = segments.pop() ?? '';
  const result =
    sourceCode.text.startsWith('#!') ||
    /^cli\.[cm]?[jt]s$/.test(basename) ||
    segments.some((segment) => COMMAND_LINE_FOLDERS.has(segment));
  cache.set(sourceCode, result);
  return result;
}
