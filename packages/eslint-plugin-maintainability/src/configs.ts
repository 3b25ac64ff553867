import { deriveConfigs, type DerivedConfigs, type ProdreadyPluginShape } from '@prodready/eslint-rule-kit';

/** Configs computed from rule metadata; see STYLE.md §7. */
export function createConfigs(plugin: ProdreadyPluginShape): DerivedConfigs {
  return deriveConfigs(plugin);
}
