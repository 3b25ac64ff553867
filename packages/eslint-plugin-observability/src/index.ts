import { createRequire } from 'node:module';

import type { DerivedConfigs, ProdreadyPluginShape } from '@prodready/eslint-rule-kit';

import { createConfigs } from './configs.js';
import { rules } from './rules/index.js';

const { name, version } = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

const plugin = {
  meta: { name, version, namespace: '@prodready/observability' },
  rules,
  configs: {} as DerivedConfigs,
} satisfies ProdreadyPluginShape;

plugin.configs = createConfigs(plugin);

export default plugin;
