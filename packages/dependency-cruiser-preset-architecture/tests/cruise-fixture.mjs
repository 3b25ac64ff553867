// Runs dependency-cruiser's own API on a fixture folder and returns its violations in a form
// tests can compare exactly.
import { fileURLToPath } from 'node:url';

import { cruise } from 'dependency-cruiser';

const HOISTED = /^(?:\.\.\/)+node_modules\//;

/** Absolute path of `tests/fixtures/<name>`. */
export const fixturePath = (name) => fileURLToPath(new URL(`fixtures/${name}`, import.meta.url));

/**
 * Cruises `files` (default: every module) of fixture `name` with `preset`'s options and only `rules` as the rule set.
 * @returns {Promise<Array<{ rule: string, severity: string, from: string, to: string }>>} sorted
 */
export async function cruiseFixture(name, preset, rules = preset.forbidden, files = ['.']) {
  const { output } = await cruise(files, {
    ...preset.options,
    baseDir: fixturePath(name),
    validate: true,
    ruleSet: { forbidden: rules },
  });
  return output.summary.violations
    // Packages resolve to the monorepo's hoisted node_modules; keep the part that names the package.
    .map(({ rule, from, to }) => ({ rule: rule.name, severity: rule.severity, from, to: to.replace(HOISTED, 'node_modules/') }))
    .sort((left, right) => `${left.rule} ${left.from} ${left.to}`.localeCompare(`${right.rule} ${right.from} ${right.to}`));
}
