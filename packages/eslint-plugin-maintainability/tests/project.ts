import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The `drift-app` fixture copied to a temp dir (outside `tests/`, so its files are not test files).
 * No pre-pass file: cross-file rules get their facts the way a plain `eslint .` run does, collected
 * automatically, with the per-file cache in the temp dir.
 */
export function createFixtureProject(): { root: string; settings: { prodready: { cacheDir: string } } } {
  const root = mkdtempSync(join(tmpdir(), 'prodready-drift-'));
  cpSync(fileURLToPath(new URL('fixtures/drift-app', import.meta.url)), root, { recursive: true });
  return { root, settings: { prodready: { cacheDir: join(root, '.cache') } } };
}
