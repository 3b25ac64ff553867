import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

import { collectProjectFacts, DEFAULT_FACTS_FILE, type ProjectFacts } from '@prodready/eslint-rule-kit';
import tseslint from 'typescript-eslint';

import { listSourceFiles } from './files.js';

export interface FactsOptions {
  /** The project root; module keys in the facts are relative to it. */
  cwd: string;
  /** Where to write, relative to `cwd` or absolute. Default: `.prodready/facts.json`. */
  outFile?: string;
}

export interface FactsResult {
  /** Absolute path of the facts file written. */
  file: string;
  facts: ProjectFacts;
  files: number;
}

/**
 * The project-facts pre-pass: summarise every source file's exports (by origin) so rules can
 * follow `import { prisma } from '@/lib/db'` into `@prisma/client` without cross-file reads.
 */
export function writeFacts({ cwd, outFile = DEFAULT_FACTS_FILE }: FactsOptions): FactsResult {
  const files = listSourceFiles(cwd, ['.']);
  const facts = collectProjectFacts({ root: cwd, files, parser: tseslint.parser as never });
  const file = resolve(cwd, outFile);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(facts)}\n`);
  return { file, facts, files: files.length };
}
