import type { Linter } from 'eslint';

import { AREAS, type Area, getRule, plugins, type RuleShape } from './plugins.js';

/** One rule's setting in `overrides`: a severity, or `[severity, ...options]`. */
export type RuleEntry = Linter.RuleEntry;

/** A rule the area's plugin really exports, with the facts the factory needs. */
export interface RuleFacts {
  id: string;
  typed: boolean;
}

/**
 * Check every key of `overrides` against the area's plugin and return the facts of each rule.
 * An unknown id throws an error naming the closest real ids, so a typo fails loudly at config
 * load instead of silently linting nothing.
 */
export function checkOverrides(
  area: Area,
  overrides: Record<string, RuleEntry | undefined>,
  typeChecked: boolean,
): Map<string, RuleFacts> {
  const checked = new Map<string, RuleFacts>();
  for (const [id, entry] of Object.entries(overrides)) {
    const rule = getRuleById(area, id);
    if (rule === undefined) throw new Error(describeUnknownRule(area, id));
    const typed = rule.meta.docs?.requiresTypeChecking === true;
    if (typed && !typeChecked && !isOff(entry)) {
      throw new Error(
        `prodready: \`${id}\` needs type information, so it only runs with typed linting. ` +
          'Pass `typeChecked: true` to prodready() (see the getting-started guide, "Typed linting").',
      );
    }
    checked.set(id, { id, typed });
  }
  return checked;
}

/** `true` when the entry turns the rule off. */
export function isOff(entry: RuleEntry | undefined): boolean {
  const severity = Array.isArray(entry) ? entry[0] : entry;
  return severity === 'off' || severity === 0;
}

function getRuleById(area: Area, id: string): RuleShape | undefined {
  const prefix = `${plugins[area].meta.namespace}/`;
  return id.startsWith(prefix) ? getRule(area, id.slice(prefix.length)) : undefined;
}

function describeUnknownRule(area: Area, id: string): string {
  const ids = getRuleIds(area);
  const lines = [
    `prodready: \`${area}.overrides\` names \`${id}\`, which is not a rule of ${plugins[area].meta.name}.`,
  ];

  const elsewhere = AREAS.find((other) => other !== area && getRuleIds(other).includes(id));
  if (elsewhere !== undefined) {
    lines.push(`It belongs to the ${elsewhere} plugin: move it to \`${elsewhere}.overrides\`.`);
    return lines.join('\n');
  }

  const shortName = id.slice(id.lastIndexOf('/') + 1);
  const sameName = ids.find((candidate) => candidate.endsWith(`/${shortName}`));
  const suggestions = sameName === undefined ? getCloseMatches(id, ids) : [sameName];
  if (suggestions.length > 0) {
    lines.push(`Did you mean ${suggestions.map((suggestion) => `\`${suggestion}\``).join(' or ')}?`);
  } else if (ids.length === 0) {
    lines.push('That plugin has no rules yet.');
  } else {
    lines.push(`Its rules are: ${ids.map((candidate) => `\`${candidate}\``).join(', ')}.`);
  }
  return lines.join('\n');
}

function getRuleIds(area: Area): string[] {
  const namespace = plugins[area].meta.namespace;
  return Object.keys(plugins[area].rules)
    .sort()
    .map((name) => `${namespace}/${name}`);
}

/** Up to three ids within an edit distance of a third of the (shorter) rule name. */
function getCloseMatches(id: string, ids: string[]): string[] {
  const name = id.slice(id.lastIndexOf('/') + 1);
  return ids
    .map((candidate) => {
      const candidateName = candidate.slice(candidate.lastIndexOf('/') + 1);
      return {
        candidate,
        distance: getEditDistance(name, candidateName),
        limit: Math.max(2, Math.floor(Math.min(name.length, candidateName.length) / 3)),
      };
    })
    .filter(({ distance, limit }) => distance <= limit)
    .sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate))
    .slice(0, 3)
    .map(({ candidate }) => candidate);
}

function getEditDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
