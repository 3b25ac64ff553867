// Our own plugins' recommended configs, loaded from the workspace builds, for linting this repo.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

import { ROOT } from './workspace.mjs';

const require = createRequire(import.meta.url);

/** Each built `@prodready/eslint-plugin-*`'s `recommended`, limited to `files`. */
export function ownPluginConfigs(files) {
  const configs = [];
  for (const dir of readdirSync(join(ROOT, 'packages')).filter((name) => name.startsWith('eslint-plugin-'))) {
    let plugin;
    try {
      plugin = require(join(ROOT, 'packages', dir));
    } catch (error) {
      // A plugin that is not built yet (first `npm install`) is skipped; turbo builds before lint.
      if (error?.code === 'MODULE_NOT_FOUND' || error?.code === 'ERR_MODULE_NOT_FOUND') continue;
      throw error;
    }
    const recommended = (plugin.default ?? plugin).configs.recommended;
    configs.push({ ...recommended, name: `prodready/repo/own/${dir}`, files });
  }
  return configs;
}
