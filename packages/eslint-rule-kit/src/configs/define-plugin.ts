import { type AnyRule, deriveConfigs, type DerivedConfigs } from './derive-configs.js';

/** A prodready plugin: meta, rules, and the configs derived from them, registering this same object. */
export interface ProdreadyPlugin<Rules extends Record<string, AnyRule> = Record<string, AnyRule>> {
  meta: { name: string; version: string; namespace: string };
  rules: Rules;
  configs: DerivedConfigs;
}

/**
 * Build a plugin object and attach its derived configs to it (STYLE §7: create the plugin,
 * then `plugin.configs = deriveConfigs(plugin)`, never a spread copy).
 */
export function definePlugin<Rules extends Record<string, AnyRule>>(options: {
  packageJson: { name: string; version: string };
  namespace: string;
  rules: Rules;
}): ProdreadyPlugin<Rules> {
  const plugin: ProdreadyPlugin<Rules> = {
    meta: { name: options.packageJson.name, version: options.packageJson.version, namespace: options.namespace },
    rules: options.rules,
    configs: {} as DerivedConfigs,
  };
  plugin.configs = deriveConfigs(plugin);
  return plugin;
}
