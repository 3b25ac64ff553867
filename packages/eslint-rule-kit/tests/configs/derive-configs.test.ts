import { describe, expect, it } from 'vitest';

import { type AnyRule, deriveConfigs, type ProdreadyPluginShape } from '../../src/configs/derive-configs.js';
import type { RecommendedLevel } from '../../src/create-rule.js';

function makeRule(recommended: RecommendedLevel, options: { typed?: boolean; deprecated?: boolean } = {}): AnyRule {
  return {
    meta: {
      type: 'problem',
      docs: { description: 'Disallow things', recommended, requiresTypeChecking: options.typed },
      deprecated: options.deprecated,
      schema: [],
      messages: {},
    },
    defaultOptions: [],
    create: () => ({}),
  } as AnyRule;
}

function makePlugin(rules: Record<string, AnyRule>): ProdreadyPluginShape {
  return { meta: { name: '@prodready/eslint-plugin-demo', version: '1.0.0', namespace: '@prodready/demo' }, rules };
}

describe('deriveConfigs', () => {
  const plugin = makePlugin({
    'safe-untyped': makeRule('recommended'),
    'safe-typed': makeRule('recommended', { typed: true }),
    'noisy-untyped': makeRule('strict'),
    'noisy-typed': makeRule('strict', { typed: true }),
    'opt-in': makeRule(false),
    retired: makeRule(false, { deprecated: true }),
  });
  const configs = deriveConfigs(plugin);

  it('computes each config from rule metadata', () => {
    expect(configs.recommended.rules).toEqual({ '@prodready/demo/safe-untyped': 'error' });
    expect(configs['recommended-type-checked'].rules).toEqual({
      '@prodready/demo/safe-typed': 'error',
      '@prodready/demo/safe-untyped': 'error',
    });
    expect(configs.strict.rules).toEqual({
      '@prodready/demo/noisy-untyped': 'error',
      '@prodready/demo/safe-untyped': 'error',
    });
    expect(Object.keys(configs['strict-type-checked'].rules)).toEqual([
      '@prodready/demo/noisy-typed',
      '@prodready/demo/noisy-untyped',
      '@prodready/demo/safe-typed',
      '@prodready/demo/safe-untyped',
    ]);
    expect(Object.keys(configs.all.rules)).toHaveLength(5);
    expect(configs.all.rules).not.toHaveProperty('@prodready/demo/retired');
    expect(configs['disable-type-checked'].rules).toEqual({
      '@prodready/demo/noisy-typed': 'off',
      '@prodready/demo/safe-typed': 'off',
    });
  });

  it('names each config and registers the same plugin object', () => {
    for (const [name, config] of Object.entries(configs)) {
      expect(config.name).toBe(`@prodready/demo/${name}`);
      expect(config.plugins['@prodready/demo']).toBe(plugin);
    }
  });

  it('refuses a deprecated rule that is still recommended', () => {
    const broken = makePlugin({ old: makeRule('recommended', { deprecated: true }) });
    expect(() => deriveConfigs(broken)).toThrow('@prodready/demo/old: a deprecated rule cannot be in a preset');
  });
});
