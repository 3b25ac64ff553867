import { readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';

import type { TSESLint } from '@typescript-eslint/utils';

import { findProjectRoot } from '../../facts/auto-facts.js';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** What a runner resets after every test by configuration. */
export type RunnerRestore = 'mocks' | 'envs' | 'globals';

const CONFIG_FILES = [
  ...['vitest.config', 'vite.config', 'vitest.workspace', 'jest.config'].flatMap((base) =>
    ['ts', 'mts', 'cts', 'js', 'mjs', 'cjs', 'json'].map((ext) => `${base}.${ext}`),
  ),
  'package.json',
];
// `restoreMocks: true` (vitest, jest; JSON or code), `unstubEnvs: true`, `unstubGlobals: true` (vitest).
const SETTINGS: readonly (readonly [RunnerRestore, RegExp])[] = [
  ['mocks', /["']?\brestoreMocks["']?\s*:\s*true\b/],
  ['envs', /["']?\bunstubEnvs["']?\s*:\s*true\b/],
  ['globals', /["']?\bunstubGlobals["']?\s*:\s*true\b/],
];
const cache = new Map<string, readonly RunnerRestore[]>();

/**
 * What the test runner of the linted file's project restores after every test, read from the text of
 * `vitest.config.*`, `vite.config.*`, `vitest.workspace.*`, `jest.config.*` and `package.json` (`jest` key) in
 * the project root (see `findProjectRoot`): `mocks` for `restoreMocks: true`, `envs` for `unstubEnvs: true`,
 * `globals` for `unstubGlobals: true`. A cheap text read, cached per root; settings computed at run time are
 * not seen, so the answer can only miss a restore, never invent one. `[]` when there is no root.
 */
export function getRunnerRestores(context: AnyContext): readonly RunnerRestore[] {
  const filename = isAbsolute(context.filename) ? context.filename : resolve(context.cwd, context.filename);
  const root = findProjectRoot(filename, context.cwd);
  return root === undefined ? [] : readRunnerRestores(root);
}

/** `getRunnerRestores` for a project folder. */
export function readRunnerRestores(root: string): readonly RunnerRestore[] {
  const cached = cache.get(root);
  if (cached) return cached;
  const found = new Set<RunnerRestore>();
  for (const file of CONFIG_FILES) {
    let text: string;
    try {
      text = readFileSync(join(root, file), 'utf8');
    } catch {
      continue;
    }
    if (file === 'package.json') text = getJestSection(text);
    for (const [restore, pattern] of SETTINGS) if (pattern.test(text)) found.add(restore);
  }
  const result = [...found].sort();
  cache.set(root, result);
  return result;
}

function getJestSection(text: string): string {
  try {
    const jest = (JSON.parse(text) as { jest?: unknown }).jest;
    return jest === undefined ? '' : JSON.stringify(jest);
  } catch {
    return '';
  }
}
