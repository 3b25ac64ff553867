import maintainabilityPlugin from '@prodready/eslint-plugin-maintainability';
import observabilityPlugin from '@prodready/eslint-plugin-observability';
import performancePlugin from '@prodready/eslint-plugin-performance';
import securityPlugin from '@prodready/eslint-plugin-security';
import testingPlugin from '@prodready/eslint-plugin-testing';

/**
 * The five prodready plugins, by identity: registering one of these next to `prodready()`
 * never trips ESLint's "Cannot redefine plugin".
 */
export const plugins: {
  security: typeof securityPlugin;
  testing: typeof testingPlugin;
  performance: typeof performancePlugin;
  maintainability: typeof maintainabilityPlugin;
  observability: typeof observabilityPlugin;
} = {
  security: securityPlugin,
  testing: testingPlugin,
  performance: performancePlugin,
  maintainability: maintainabilityPlugin,
  observability: observabilityPlugin,
};

/** A plugin area, e.g. `security`; its rules are `@prodready/<area>/<rule>`. */
export type Area = keyof typeof plugins;

/** The areas in the order their config items appear. */
export const AREAS: readonly Area[] = ['security', 'testing', 'performance', 'maintainability', 'observability'];

/** What the factory reads from a rule. */
export interface RuleShape {
  meta: { type?: string; docs?: { requiresTypeChecking?: boolean } };
}

/** The area's rules by short name (`no-secret-fallback`), or `undefined` for a name it lacks. */
export function getRule(area: Area, name: string): RuleShape | undefined {
  const rules: Record<string, RuleShape | undefined> = plugins[area].rules;
  return Object.hasOwn(rules, name) ? rules[name] : undefined;
}
