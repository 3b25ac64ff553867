/** The seven production gaps the scorecard is organised by. */
export const GAPS = [
  { id: 1, key: 'architecture', title: 'Architecture' },
  { id: 2, key: 'security', title: 'Security' },
  { id: 3, key: 'testing', title: 'Missing tests' },
  { id: 4, key: 'scalability', title: 'Scalability' },
  { id: 5, key: 'maintainability', title: 'Maintainability' },
  { id: 6, key: 'observability', title: 'Observability' },
  { id: 7, key: 'coherence', title: 'Coherence' },
] as const;

export type GapKey = (typeof GAPS)[number]['key'];
export type Severity = 'error' | 'warning';
export type Tool = 'eslint' | 'dependency-cruiser' | 'project';
export type Grade = 'A' | 'B' | 'C' | 'D' | 'F';

/** One problem found by any of the tools; `gap` is `undefined` for rules outside prodready (not scored). */
export interface Finding {
  tool: Tool;
  gap: GapKey | undefined;
  ruleId: string;
  severity: Severity;
  /** Path relative to the checked folder, POSIX separators. */
  file: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  message: string;
  /** Set when a baseline was applied: `known` findings are recorded in it and do not fail the run. */
  baseline?: 'new' | 'known';
}

/** What a baseline comparison found; present on the report only when a baseline file exists. */
export interface BaselineSummary {
  /** Findings recorded in the baseline that are still there (reported, never failing). */
  known: number;
  /** Findings not in the baseline. */
  new: number;
  /** Recorded findings that are gone: rerun `prodready baseline` to tighten it. */
  fixed: number;
  /** The fixed findings by file and rule. */
  fixedFindings: Array<{ file: string; ruleId: string; count: number }>;
}

export interface RankedCount {
  name: string;
  count: number;
}

export interface GapSummary {
  id: number;
  key: GapKey;
  title: string;
  /** `false` when the tool behind this gap did not run (for example, dependency-cruiser is not installed). */
  checked: boolean;
  errors: number;
  warnings: number;
  /** `undefined` when the gap was not checked. */
  grade: Grade | undefined;
  topRules: RankedCount[];
  topFiles: RankedCount[];
}

/** The versioned result model every output format is rendered from. */
export interface Report {
  /** Schema version of this JSON shape; bumped on breaking changes. */
  version: 1;
  tool: { name: 'prodready'; version: string };
  filesLinted: number;
  gaps: GapSummary[];
  /** Files with the most scored findings (project-level findings excluded). */
  topFiles: RankedCount[];
  /** Findings of rules that belong to no gap (the project's own ESLint rules, parse errors). */
  other: { errors: number; warnings: number };
  notes: string[];
  /** Present when the project has a baseline (`prodready baseline`). */
  baseline?: BaselineSummary;
  findings: Finding[];
}

export interface ReportInput {
  toolVersion: string;
  filesLinted: number;
  findings: readonly Finding[];
  /** Gaps whose tool did not run. */
  skippedGaps?: readonly GapKey[];
  notes?: readonly string[];
  baseline?: BaselineSummary;
}

const TOP = 3;

/**
 * Grade a gap from its findings: an error weighs five warnings. `A` is clean, `B` has only a
 * few warnings, `F` means production will feel it.
 */
export function getGrade(errors: number, warnings: number): Grade {
  const penalty = errors * 5 + warnings;
  if (penalty === 0) return 'A';
  if (penalty <= 4) return 'B';
  if (penalty <= 15) return 'C';
  if (penalty <= 40) return 'D';
  return 'F';
}

/** Build the report: findings sorted by file and position, a summary per gap. */
export function buildReport({ toolVersion, filesLinted, findings, skippedGaps = [], notes = [], baseline }: ReportInput): Report {
  const sorted = [...findings].sort(compareFindings);
  const gaps = GAPS.map((gap): GapSummary => {
    const own = sorted.filter((finding) => finding.gap === gap.key);
    const checked = !skippedGaps.includes(gap.key);
    const errors = own.filter((finding) => finding.severity === 'error').length;
    const warnings = own.length - errors;
    return {
      id: gap.id,
      key: gap.key,
      title: gap.title,
      checked,
      errors,
      warnings,
      grade: checked ? getGrade(errors, warnings) : undefined,
      topRules: rank(own.map((finding) => finding.ruleId)),
      topFiles: rank(own.map((finding) => finding.file)),
    };
  });
  const other = sorted.filter((finding) => finding.gap === undefined);
  const otherErrors = other.filter((finding) => finding.severity === 'error').length;
  return {
    version: 1,
    tool: { name: 'prodready', version: toolVersion },
    filesLinted,
    gaps,
    topFiles: rank(sorted.filter((finding) => finding.gap !== undefined && finding.tool !== 'project').map((finding) => finding.file)),
    other: { errors: otherErrors, warnings: other.length - otherErrors },
    notes: [...notes],
    ...(baseline ? { baseline } : {}),
    findings: sorted,
  };
}

/** Whether the report should fail the run: any finding of severity `error` that the baseline does not know. */
export function hasErrors(report: Report): boolean {
  return report.findings.some(isFailing);
}

/** A finding that fails the run: an error not recorded in the baseline. */
export function isFailing(finding: Finding): boolean {
  return finding.severity === 'error' && finding.baseline !== 'known';
}

/** The findings a reader acts on: everything but what the baseline already records. */
export function getActionableFindings(report: Report): Finding[] {
  return report.findings.filter((finding) => finding.baseline !== 'known');
}

function rank(names: readonly string[]): RankedCount[] {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts]
    .map(([name, count]) => ({ name, count }))
    .sort((left, right) => right.count - left.count || left.name.localeCompare(right.name))
    .slice(0, TOP);
}

function compareFindings(left: Finding, right: Finding): number {
  return (
    left.file.localeCompare(right.file) ||
    (left.line ?? 0) - (right.line ?? 0) ||
    (left.column ?? 0) - (right.column ?? 0) ||
    left.ruleId.localeCompare(right.ruleId)
  );
}
