import type { TSESLint } from '@typescript-eslint/utils';

import type { ProdreadyDocs } from '../create-rule.js';

/** The shape of rule our plugins export (any options, any message ids). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rules differ in options and messages
export type AnyRule = TSESLint.RuleModule<string, any, ProdreadyDocs>;

/** A prodready plugin before its configs are attached. */
export interface ProdreadyPluginShape {
  meta: { name: string; version: string; namespace: string };
  rules: Record<string, AnyRule>;
  configs?: Record<string, unknown>;
}

export type DerivedConfigName =
  | 'recommended'
  | 'recommended-type-checked'
  | 'strict'
  | 'strict-type-checked'
  | 'all'
  | 'disable-type-checked';

/** One named flat-config object that registers the plugin it came from. */
export interface DerivedConfig {
  name: string;
  plugins: Record<string, ProdreadyPluginShape>;
  rules: Record<string, 'error' | 'off'>;
}

export type DerivedConfigs = Record<DerivedConfigName, DerivedConfig>;

interface RuleFacts {
  id: string;
  recommended: ProdreadyDocs['recommended'];
  typed: boolean;
  deprecated: boolean;
}

/**
 * Compute the plugin's configs from rule metadata alone. Every config registers
 * `plugin` itself (never a copy), so mixing configs never trips ESLint's
 * "Cannot redefine plugin" check. Call as `plugin.configs = deriveConfigs(plugin)`.
 */
export function deriveConfigs(plugin: ProdreadyPluginShape): DerivedConfigs {
  const namespace = plugin.meta.namespace;
  const facts = Object.entries(plugin.rules)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, rule]) => getRuleFacts(namespace, name, rule));

  const pick = (filter: (fact: RuleFacts) => boolean, severity: 'error' | 'off' = 'error'): DerivedConfig['rules'] =>
    Object.fromEntries(facts.filter(filter).map((fact) => [fact.id, severity]));

  const isRecommended = (fact: RuleFacts): boolean => !fact.deprecated && fact.recommended === 'recommended';
  const isStrict = (fact: RuleFacts): boolean =>
    !fact.deprecated && (fact.recommended === 'recommended' || fact.recommended === 'strict');

  const make = (name: DerivedConfigName, rules: DerivedConfig['rules']): DerivedConfig => ({
    name: `${namespace}/${name}`,
    plugins: { [namespace]: plugin },
    rules,
  });

  return {
    recommended: make('recommended', pick((fact) => isRecommended(fact) && !fact.typed)),
    'recommended-type-checked': make('recommended-type-checked', pick(isRecommended)),
    strict: make('strict', pick((fact) => isStrict(fact) && !fact.typed)),
    'strict-type-checked': make('strict-type-checked', pick(isStrict)),
    all: make('all', pick((fact) => !fact.deprecated)),
    'disable-type-checked': make('disable-type-checked', pick((fact) => fact.typed, 'off')),
  };
}

function getRuleFacts(namespace: string, name: string, rule: AnyRule): RuleFacts {
  const docs = rule.meta.docs;
  if (!docs) {
    throw new Error(`${namespace}/${name}: rule has no meta.docs`);
  }
  const deprecated = Boolean(rule.meta.deprecated);
  if (deprecated && docs.recommended !== false) {
    throw new Error(`${namespace}/${name}: a deprecated rule cannot be in a preset (docs.recommended must be false)`);
  }
  return {
    id: `${namespace}/${name}`,
    recommended: docs.recommended,
    typed: docs.requiresTypeChecking === true,
    deprecated,
  };
}
