import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Settings pointing at a project facts file that declares `dependencies` (what the `prodready facts` pre-pass writes). */
export function createFactsSettings(dependencies: readonly string[]): { prodready: { factsFile: string } } {
  const root = mkdtempSync(join(tmpdir(), 'prodready-observability-'));
  const factsFile = join(root, 'facts.json');
  writeFileSync(factsFile, JSON.stringify({ version: 1, root, aliases: [], dependencies: [...dependencies].sort(), modules: {} }));
  return { prodready: { factsFile } };
}
