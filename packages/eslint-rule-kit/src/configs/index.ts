export {
  type AnyRule,
  type DerivedConfig,
  type DerivedConfigName,
  type DerivedConfigs,
  deriveConfigs,
  type ProdreadyPluginShape,
} from './derive-configs.js';
export { definePlugin, type ProdreadyPlugin } from './define-plugin.js';
