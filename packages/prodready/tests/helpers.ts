import { cpSync, mkdtempSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { Linter } from 'eslint';

/** A fixture project folder (with its own package.json) under tests/fixtures. */
export function getFixture(name: string): string {
  return fileURLToPath(new URL(`fixtures/${name}`, import.meta.url));
}

/** The config item called `name`; throws when there is none, so a test names what is missing. */
export function getItem(configs: Linter.Config[], name: string): Linter.Config {
  const item = configs.find((config) => config.name === name);
  if (item === undefined)
    throw new Error(`no config item named ${name}: ${configs.map((config) => config.name).join(', ')}`);
  return item;
}

/**
 * A copy of a fixture project in the OS temp folder. Linting needs it: rules skip files whose
 * absolute path has a `tests/` or `fixtures/` segment, which every file under tests/fixtures has.
 */
export function copyFixture(name: string): string {
  const dir = mkdtempSync(join(realpathSync(tmpdir()), `prodready-${name}-`));
  cpSync(getFixture(name), dir, { recursive: true });
  return dir;
}
