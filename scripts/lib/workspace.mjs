import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** `packages/eslint-plugin-<area>` folders, relative to the root. */
export function listPluginDirs() {
  return readdirSync(join(ROOT, 'packages'))
    .filter((name) => name.startsWith('eslint-plugin-') && existsSync(join(ROOT, 'packages', name, 'src', 'rules')))
    .sort()
    .map((name) => join('packages', name));
}
