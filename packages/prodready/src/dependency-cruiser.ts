import architecture from '@prodready/dependency-cruiser-preset-architecture';
import coherence from '@prodready/dependency-cruiser-preset-coherence';
import type { IConfiguration } from 'dependency-cruiser';

/**
 * Both dependency-cruiser presets in one: architecture (gap 1) and coherence (gap 7).
 *
 * ```js
 * // .dependency-cruiser.cjs
 * module.exports = { extends: 'prodready/dependency-cruiser' };
 * ```
 */
const preset: IConfiguration = {
  forbidden: [...(architecture.forbidden ?? []), ...(coherence.forbidden ?? [])],
  options: { ...architecture.options, ...coherence.options },
};

export default preset;

/** Which gap a preset rule scores in, by rule name. */
export const gapByRuleName: ReadonlyMap<string, 'architecture' | 'coherence'> = new Map([
  ...(architecture.forbidden ?? []).map((rule) => [rule.name ?? '', 'architecture'] as const),
  ...(coherence.forbidden ?? []).map((rule) => [rule.name ?? '', 'coherence'] as const),
]);

// Rules the presets' generators write for a project (`compileArchitecture`, `compileWorkspaces`,
// `createCoherencePreset`) have names built from the project's layers and folders.
const GENERATED: ReadonlyArray<readonly [RegExp, 'architecture' | 'coherence']> = [
  [/^(?:layer|feature|workspace)-/, 'architecture'],
  [/^(?:one-|gateway-|no-db-driver-outside-data-layer$|convention-by-analogy$|untested-module$)/, 'coherence'],
];

/** The gap a dependency-cruiser rule scores in: a static preset rule by name, a generated one by its name's shape. */
export function getGraphRuleGap(name: string): 'architecture' | 'coherence' | undefined {
  return gapByRuleName.get(name) ?? GENERATED.find(([pattern]) => pattern.test(name))?.[1];
}
