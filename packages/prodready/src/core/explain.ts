import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import { DOCS_BASE_URL } from '@prodready/eslint-rule-kit';

import preset, { getGraphRuleGap } from '../dependency-cruiser.js';
import { AREAS, type Area, plugins } from '../plugins.js';
import { GAPS, type GapKey, type RuleDocs } from '../report/index.js';
import { UsageError } from './errors.js';
import { AREA_GAPS } from './lint.js';
import { PROJECT_RULES } from './project-checks.js';
import { getClosest } from './suggest.js';

/** One rule of any of prodready's tools, as `explain` and the rule-describing formats see it. */
export interface RuleInfo {
  id: string;
  gap: GapKey | undefined;
  tool: 'eslint' | 'dependency-cruiser' | 'project';
  description: string;
  helpUri: string;
  /** `recommended`, `strict` or `off` (opt-in) for ESLint rules. */
  level?: string;
  /** The rule's messages, for rules without a doc file. */
  messages: string[];
  /** Markdown body of the rule's doc (why and examples), when the doc file ships with the plugin. */
  doc?: string;
  /** What to do about it, for project checks. */
  fix?: string;
}

const GAP_TEXT: Record<GapKey, { what: string; fix: string }> = {
  architecture: {
    what: 'Circular imports, imports of test code or dev dependencies from production code, and unresolvable or deprecated imports: the module graph decides what loads, in which order, and what ships.',
    fix: 'Break cycles by moving shared code into a third module or passing dependencies in; keep tests and dev tools out of the runtime graph. Run `prodready init` for an architecture manifest proposal.',
  },
  security: {
    what: 'Injection (SQL, commands), mass assignment, open redirects, secret fallbacks, committed `.env` files and keys in config files: what an attacker tries first on a generated API.',
    fix: 'Validate and allow-list request input before it reaches a query, a shell or a model; read secrets from the environment and fail at boot when they are missing.',
  },
  testing: {
    what: 'No tests, no test script, and tests that cannot fail (no assertions, focused or skipped tests, mocks that assert themselves).',
    fix: 'Add a runner and a `test` script, then cover the request handlers that touch money, auth or data, including their rejections.',
  },
  scalability: {
    what: 'Unbounded queries, N+1 loops, clients created per request, blocking calls and unbounded concurrency: code that works with ten rows and falls over with ten thousand.',
    fix: 'Paginate and limit queries, batch lookups, create clients once per process, and bound concurrency.',
  },
  maintainability: {
    what: 'Oversized and overly complex modules, duplicated logic and missing lockfiles: the code the next change (human or AI) gets wrong.',
    fix: 'Split large handlers by responsibility, extract what is repeated, and commit the lockfile.',
  },
  observability: {
    what: 'Swallowed errors, console logging in server code, and errors rethrown without their cause: failures nobody sees until a user reports them.',
    fix: 'Log with a structured logger, keep the `cause` when rethrowing, and never leave a `catch` that hides the error.',
  },
  coherence: {
    what: 'Several libraries for the same job (two HTTP clients, two validators, two ORMs) and imports that bypass the project’s own modules.',
    fix: 'Pick one library per job and route every use through the project’s wrapper module.',
  },
};

const GRAPH_DOCS_URL = `${DOCS_BASE_URL}/dependency-cruiser-preset-architecture/README.md#rules`;
const PROJECT_DOCS_URL = 'https://github.com/prodready/prodready/blob/main/docs/cli.md#project-checks';
const require = createRequire(import.meta.url);

let cache: RuleInfo[] | undefined;

/** Every rule of the five plugins, both presets and the project checks. */
export function listRules(): RuleInfo[] {
  cache ??= [...listEslintRules(), ...listGraphRules(), ...listProjectRules()];
  return cache;
}

/**
 * Descriptions and help links by rule id, for SARIF and HTML: prodready's rules, plus ESLint core
 * rules among `ruleIds` (the project's own config may report them), linked to eslint.org.
 */
export function getRuleDocs(ruleIds: Iterable<string> = []): RuleDocs {
  const docs = new Map(listRules().map((rule) => [rule.id, { description: rule.description, helpUri: rule.helpUri }]));
  for (const id of ruleIds) {
    if (!docs.has(id) && /^[a-z-]+$/.test(id)) docs.set(id, { description: `ESLint core rule \`${id}\``, helpUri: `https://eslint.org/docs/latest/rules/${id}` });
  }
  return docs;
}

/**
 * `prodready explain <topic>`: a rule (`no-secret-fallback`, `security/no-secret-fallback`, the
 * full id, a graph rule, a project check) or a gap (`security`, `2`, `performance`): what it
 * catches, why it matters, how to fix it. A typo gets a "did you mean".
 */
export function explain(topic: string): string {
  const gap = findGap(topic);
  if (gap) return explainGap(gap);
  const rule = findRule(topic);
  if (rule) return explainRule(rule);
  const names = [...GAPS.map((known) => known.key), ...listRules().flatMap((known) => [known.id, getShortName(known.id)])];
  const closest = getClosest(topic, names);
  throw new UsageError(
    `No rule or gap called \`${topic}\`.${closest ? ` Did you mean \`${closest}\`?` : ''} Run \`prodready explain --list\` for all of them.`,
  );
}

/** `prodready explain --list`: the gaps and every rule under its gap. */
export function listTopics(): string {
  const lines: string[] = [];
  for (const gap of GAPS) {
    lines.push(`${gap.id}. ${gap.title} (${gap.key})`);
    for (const rule of listRules().filter((known) => known.gap === gap.key)) lines.push(`   ${rule.id}`);
  }
  return `${lines.join('\n')}\n`;
}

function findGap(topic: string): (typeof GAPS)[number] | undefined {
  const key = topic.toLowerCase();
  const byArea = (AREAS as readonly string[]).includes(key) ? AREA_GAPS[key as Area] : undefined;
  return GAPS.find((gap) => gap.key === key || String(gap.id) === key || gap.title.toLowerCase() === key || gap.key === byArea || (key === 'tests' && gap.key === 'testing'));
}

function findRule(topic: string): RuleInfo | undefined {
  const rules = listRules();
  const normalized = topic.replace(/^@prodready\//, '');
  return (
    rules.find((rule) => rule.id === topic) ??
    rules.find((rule) => rule.id.replace(/^@prodready\//, '') === normalized) ??
    rules.find((rule) => getShortName(rule.id) === topic)
  );
}

function explainGap(gap: (typeof GAPS)[number]): string {
  const text = GAP_TEXT[gap.key];
  const rules = listRules().filter((rule) => rule.gap === gap.key);
  return [
    `Gap ${gap.id}: ${gap.title}`,
    '',
    wrap(text.what),
    '',
    'How to fix',
    wrap(text.fix),
    '',
    `Rules (${rules.length})`,
    ...rules.map((rule) => `  ${rule.id.padEnd(54)} ${rule.description}`),
    '',
    'Run `prodready explain <rule>` for one of them.',
    '',
  ].join('\n');
}

function explainRule(rule: RuleInfo): string {
  const gap = GAPS.find((known) => known.key === rule.gap);
  const facts = [gap ? `gap ${gap.id} ${gap.title}` : undefined, rule.level ? `in ${rule.level}` : undefined, rule.tool].filter(Boolean).join(' · ');
  const lines = [`${rule.id}  (${facts})`, '', wrap(`${rule.description}.`)];
  if (rule.doc) {
    lines.push('', rule.doc.trim());
  } else {
    if (rule.messages.length > 0) lines.push('', 'What it reports', ...rule.messages.map((message) => wrap(message, '  ')));
    if (rule.fix) lines.push('', 'How to fix', wrap(rule.fix));
  }
  lines.push('', `Docs: ${rule.helpUri}`, '');
  return lines.join('\n');
}

function listEslintRules(): RuleInfo[] {
  return AREAS.flatMap((area) => {
    const rules = plugins[area].rules as Record<string, EslintRule>;
    const folder = getPackageFolder(`@prodready/eslint-plugin-${area}`);
    return Object.entries(rules).map(([name, rule]): RuleInfo => {
      const doc = folder ? readDocBody(join(folder, 'docs', 'rules', `${name}.md`)) : undefined;
      return {
        id: `@prodready/${area}/${name}`,
        gap: AREA_GAPS[area],
        tool: 'eslint',
        description: rule.meta.docs?.description ?? name,
        helpUri: rule.meta.docs?.url ?? `${DOCS_BASE_URL}/eslint-plugin-${area}/docs/rules/${name}.md`,
        level: rule.meta.docs?.recommended === false ? 'no config (opt-in)' : (rule.meta.docs?.recommended ?? undefined),
        messages: Object.values(rule.meta.messages ?? {}),
        ...(doc ? { doc } : {}),
      };
    });
  });
}

interface EslintRule {
  meta: { docs?: { description?: string; url?: string; recommended?: string | false }; messages?: Record<string, string> };
}

function listGraphRules(): RuleInfo[] {
  return (preset.forbidden ?? []).map((rule): RuleInfo => {
    const comment = rule.comment ?? rule.name ?? '';
    return {
      id: rule.name ?? '',
      gap: getGraphRuleGap(rule.name ?? ''),
      tool: 'dependency-cruiser',
      description: getFirstSentence(comment),
      helpUri: GRAPH_DOCS_URL,
      messages: [],
      doc: `Why\n${wrap(comment)}`,
    };
  });
}

function listProjectRules(): RuleInfo[] {
  return Object.entries(PROJECT_RULES).map(([id, rule]): RuleInfo => ({
    id,
    gap: rule.gap,
    tool: 'project',
    description: rule.description,
    helpUri: PROJECT_DOCS_URL,
    messages: [rule.why],
    fix: rule.fix,
  }));
}

/** The folder of an installed package, or `undefined` when it cannot be found. */
function getPackageFolder(name: string): string | undefined {
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    return undefined;
  }
}

/** A rule doc without its generated header and without the options reference: the why and the examples. */
function readDocBody(file: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const marker = '<!-- end auto-generated rule header -->';
  const body = text.includes(marker) ? text.slice(text.indexOf(marker) + marker.length) : text.replace(/^#.*\n/, '');
  const end = body.search(/^## (?:Options|When Not To Use It|Further Reading)/m);
  return (end === -1 ? body : body.slice(0, end)).trim() || undefined;
}

function getShortName(id: string): string {
  return id.slice(id.lastIndexOf('/') + 1);
}

function getFirstSentence(text: string): string {
  const match = /^(.+?[.:])(?:\s|$)/.exec(text);
  return (match?.[1] ?? text).replace(/[.:]$/, '');
}

/** Plain text wrapped at 100 columns. */
function wrap(text: string, indent = ''): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > 100 - indent.length) {
      lines.push(indent + line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(indent + line);
  return lines.join('\n');
}
