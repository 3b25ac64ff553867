import { cpSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { collectProjectFacts } from '@prodready/eslint-rule-kit';
import { parser } from 'typescript-eslint';

/**
 * The `drift-app` fixture copied to a temp dir (outside `tests/`, so its files are not test files),
 * with a facts file from the real pre-pass. Cross-file rule tests lint files inside `root`.
 */
export function createFixtureProject(): { root: string; settings: { prodready: { factsFile: string } } } {
  const root = mkdtempSync(join(tmpdir(), 'prodready-drift-'));
  cpSync(fileURLToPath(new URL('fixtures/drift-app', import.meta.url)), root, { recursive: true });
  const facts = collectProjectFacts({ root, files: listFiles(join(root, 'src')), parser: parser as never });
  const factsFile = join(root, 'facts.json');
  writeFileSync(factsFile, JSON.stringify(facts));
  return { root, settings: { prodready: { factsFile } } };
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}
