import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import type { BaselineSummary, Finding } from '../report/index.js';
import type { Violation } from './cruise.js';
import { UsageError } from './errors.js';
import { getFirstLine } from './lint.js';

/** ESLint's bulk-suppressions file: `eslint` itself (≥ 9.24) honours it too, so CI and editors agree with `check`. */
export const LINT_BASELINE_FILE = 'eslint-suppressions.json';
/** dependency-cruiser's known-violations file: `depcruise --ignore-known` reads the same one. */
export const GRAPH_BASELINE_FILE = '.dependency-cruiser-known-violations.json';
/** Project-level findings (no tests, a committed `.env`, …): prodready's own small file. */
export const PROJECT_BASELINE_FILE = '.prodready/baseline.json';

/** ESLint's suppressions format: error counts per file (relative, POSIX) and rule. */
export type Suppressions = Record<string, Record<string, { count: number }>>;

interface ProjectBaseline {
  version: 1;
  findings: Array<{ ruleId: string; file: string }>;
}

/** The findings of one check, per tool, as the baseline needs them. */
export interface BaselineInput {
  lint: readonly Finding[];
  /** Graph findings, index-aligned with `violations`. */
  graph: readonly Finding[];
  violations: readonly Violation[];
  project: readonly Finding[];
  /** Files ESLint linted in this run (relative, POSIX): a recorded file outside them is not "fixed". */
  lintedFiles: ReadonlySet<string>;
  /** Whether dependency-cruiser ran: when it did not, recorded graph violations are not "fixed". */
  graphChecked: boolean;
}

export interface BaselineFiles {
  /** Files written, relative to the project, with how many findings each records. */
  written: Array<{ file: string; count: number }>;
}

/** Whether the project has any baseline file. */
export function hasBaseline(cwd: string): boolean {
  return [LINT_BASELINE_FILE, GRAPH_BASELINE_FILE, PROJECT_BASELINE_FILE].some((file) => existsSync(join(cwd, file)));
}

/**
 * `prodready baseline`: record every current finding so only new ones fail. Lint errors go to
 * ESLint's `eslint-suppressions.json` (warnings never fail and ESLint does not record them), graph
 * violations to dependency-cruiser's known-violations file, project findings to `.prodready/baseline.json`.
 */
export function writeBaseline(cwd: string, input: BaselineInput): BaselineFiles {
  const suppressions = getSuppressions(input.lint);
  const project: ProjectBaseline = { version: 1, findings: input.project.map(({ ruleId, file }) => ({ ruleId, file })) };
  const written = [
    { file: LINT_BASELINE_FILE, count: countSuppressions(suppressions), content: stringifySorted(suppressions) },
    { file: GRAPH_BASELINE_FILE, count: input.violations.length, content: `${JSON.stringify(input.violations, undefined, 2)}\n` },
    { file: PROJECT_BASELINE_FILE, count: project.findings.length, content: `${JSON.stringify(project, undefined, 2)}\n` },
  ];
  for (const { file, content } of written) {
    mkdirSync(dirname(join(cwd, file)), { recursive: true });
    writeFileSync(join(cwd, file), content);
  }
  return { written: written.map(({ file, count }) => ({ file, count })) };
}

/**
 * Mark each finding `known` (recorded in the baseline) or `new`, and count what was fixed. Lint
 * follows ESLint's own rule: while a file has no more errors of a rule than recorded, they are all
 * known; one more and they are all new (ESLint cannot tell which one is the new one either).
 */
export function applyBaseline(cwd: string, input: BaselineInput): { findings: Finding[]; summary: BaselineSummary } {
  const suppressions = readJson<Suppressions>(cwd, LINT_BASELINE_FILE) ?? {};
  const knownViolations = readJson<Violation[]>(cwd, GRAPH_BASELINE_FILE) ?? [];
  const knownProject = readJson<ProjectBaseline>(cwd, PROJECT_BASELINE_FILE)?.findings ?? [];
  const fixedFindings: BaselineSummary['fixedFindings'] = [];

  const current = getSuppressions(input.lint);
  const lint = input.lint.map((finding): Finding => {
    if (!isSuppressible(finding)) return finding;
    const recorded = suppressions[finding.file]?.[finding.ruleId]?.count ?? 0;
    const count = current[finding.file]![finding.ruleId]!.count;
    return { ...finding, baseline: count <= recorded ? 'known' : 'new' };
  });
  for (const [file, rules] of Object.entries(suppressions)) {
    if (!input.lintedFiles.has(file) && existsSync(join(cwd, file))) continue;
    for (const [ruleId, { count: recorded }] of Object.entries(rules)) {
      const count = current[file]?.[ruleId]?.count ?? 0;
      if (count < recorded) fixedFindings.push({ file, ruleId, count: recorded - count });
    }
  }

  const graphComparison = compareGraphBaseline(knownViolations, input.violations);
  const graph = input.graph.map((finding, index): Finding => ({ ...finding, baseline: graphComparison.known[index] ? 'known' : 'new' }));
  if (input.graphChecked) for (const violation of graphComparison.fixed) fixedFindings.push({ file: violation.from, ruleId: violation.rule.name, count: 1 });

  const remaining = [...knownProject];
  const project = input.project.map((finding): Finding => {
    const index = remaining.findIndex((known) => known.ruleId === finding.ruleId && known.file === finding.file);
    if (index !== -1) remaining.splice(index, 1);
    return { ...finding, baseline: index === -1 ? 'new' : 'known' };
  });
  for (const { file, ruleId } of remaining) fixedFindings.push({ file, ruleId, count: 1 });

  const findings = [...lint, ...graph, ...project];
  return {
    findings,
    summary: {
      known: findings.filter((finding) => finding.baseline === 'known').length,
      new: findings.filter((finding) => finding.baseline === 'new').length,
      fixed: fixedFindings.reduce((sum, { count }) => sum + count, 0),
      fixedFindings,
    },
  };
}

/**
 * Which current violations the known-violations list records (by rule, from, to and cycle, each
 * known entry used once) and which known ones are gone. The one seam for the presets'
 * `compareBaseline` when it lands.
 */
export function compareGraphBaseline(
  known: readonly Violation[],
  current: readonly Violation[],
): { known: boolean[]; fixed: Violation[] } {
  const pool = new Map<string, Violation[]>();
  for (const violation of known) {
    const key = getViolationKey(violation);
    pool.set(key, [...(pool.get(key) ?? []), violation]);
  }
  const matched = current.map((violation) => {
    const candidates = pool.get(getViolationKey(violation));
    return candidates !== undefined && candidates.shift() !== undefined;
  });
  return { known: matched, fixed: [...pool.values()].flat() };
}

function getViolationKey(violation: Violation): string {
  return [violation.rule.name, violation.from, violation.to, ...(violation.cycle ?? []).map((step) => step.name)].join('\u0000');
}

/** ESLint counts errors with a rule id; parse errors (no rule) can never be suppressed. */
function isSuppressible(finding: Finding): boolean {
  return finding.tool === 'eslint' && finding.severity === 'error' && finding.ruleId !== 'parse-error' && finding.ruleId !== 'eslint';
}

function getSuppressions(findings: readonly Finding[]): Suppressions {
  const suppressions: Suppressions = {};
  for (const finding of findings) {
    if (!isSuppressible(finding)) continue;
    const rules = (suppressions[finding.file] ??= {});
    (rules[finding.ruleId] ??= { count: 0 }).count += 1;
  }
  return suppressions;
}

function countSuppressions(suppressions: Suppressions): number {
  return Object.values(suppressions).reduce((sum, rules) => sum + Object.values(rules).reduce((inner, { count }) => inner + count, 0), 0);
}

/** Keys sorted at every level, two-space indent: the layout ESLint writes, so the file diffs cleanly either way. */
function stringifySorted(suppressions: Suppressions): string {
  const sorted = Object.fromEntries(
    Object.keys(suppressions)
      .sort()
      .map((file) => [file, Object.fromEntries(Object.keys(suppressions[file]!).sort().map((rule) => [rule, suppressions[file]![rule]!]))]),
  );
  return JSON.stringify(sorted, undefined, 2);
}

function readJson<T>(cwd: string, file: string): T | undefined {
  let text: string;
  try {
    text = readFileSync(join(cwd, file), 'utf8');
  } catch {
    return undefined;
  }
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new UsageError(`${file} is not valid JSON (${getFirstLine(error)}); rerun \`prodready baseline\` to rewrite it.`);
  }
}
