import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root; `PRODREADY_ROOT` points the generators at another tree (their tests use a scratch copy). */
export const ROOT = process.env.PRODREADY_ROOT ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** `packages/eslint-plugin-<area>` folders, relative to the root. */
export function listPluginDirs() {
  return readdirSync(join(ROOT, 'packages'))
    .filter((name) => name.startsWith('eslint-plugin-') && existsSync(join(ROOT, 'packages', name, 'src', 'rules')))
    .sort()
    .map((name) => join('packages', name));
}
