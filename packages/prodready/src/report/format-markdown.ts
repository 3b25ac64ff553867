import { getActionableFindings, type Finding, type Report } from './model.js';

export interface MarkdownOptions {
  /** Findings listed before the rest is summarised (a PR comment has a size limit). Default: 50. */
  maxFindings?: number;
}

const GRADE_ICONS = { A: '🟢', B: '🟢', C: '🟡', D: '🟠', F: '🔴' } as const;

/**
 * `--format markdown`: a pull-request comment — the scorecard as a table, then the findings to act
 * on (errors first) in a collapsed list. Baseline-known findings are counted, never listed.
 */
export function formatMarkdown(report: Report, { maxFindings = 50 }: MarkdownOptions = {}): string {
  const actionable = getActionableFindings(report);
  const errors = actionable.filter((finding) => finding.severity === 'error').length;
  const lines = [
    `## prodready scorecard`,
    '',
    `${errors} ${plural(errors, 'error')}, ${actionable.length - errors} ${plural(actionable.length - errors, 'warning')} in ${report.filesLinted} files.`,
    '',
    '| Gap | Grade | Errors | Warnings | Top rules |',
    '| --- | :---: | ---: | ---: | --- |',
  ];
  for (const gap of report.gaps) {
    const grade = gap.grade ? `${GRADE_ICONS[gap.grade]} ${gap.grade}` : 'not checked';
    const rules = gap.topRules.map(({ name, count }) => `${code(name)} (${count})`).join(', ');
    lines.push(`| ${gap.id}. ${gap.title} | ${grade} | ${gap.errors} | ${gap.warnings} | ${rules} |`);
  }
  if (report.baseline) {
    const { known, fixed } = report.baseline;
    lines.push('', `Baseline: ${known} known ${plural(known, 'finding')} not failing, ${report.baseline.new} new, ${fixed} fixed.`);
  }
  for (const note of report.notes) lines.push('', `> ${escapeText(note)}`);

  if (actionable.length > 0) {
    const shown = [...actionable].sort(compareSeverity).slice(0, maxFindings);
    lines.push('', `<details><summary>${actionable.length} ${plural(actionable.length, 'finding')}</summary>`, '');
    lines.push('| | Where | Problem | Rule |', '| --- | --- | --- | --- |');
    for (const finding of shown) lines.push(formatRow(finding));
    if (shown.length < actionable.length) lines.push('', `…and ${actionable.length - shown.length} more; run \`prodready check\` for all of them.`);
    lines.push('', '</details>');
  }
  return `${lines.join('\n')}\n`;
}

function formatRow(finding: Finding): string {
  const icon = finding.severity === 'error' ? '❌' : '⚠️';
  const where = finding.file ? `${finding.file}${finding.line === undefined ? '' : `:${finding.line}`}` : '(project)';
  return `| ${icon} | ${code(where)} | ${escapeText(finding.message)} | ${code(finding.ruleId)} |`;
}

function compareSeverity(left: Finding, right: Finding): number {
  return Number(left.severity !== 'error') - Number(right.severity !== 'error');
}

/** Text inside a table cell: pipes escaped, newlines folded, HTML-like text neutralised. */
function escapeText(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll(/\r?\n/g, ' ').replaceAll('<', '&lt;');
}

function code(text: string): string {
  return `\`${text.replaceAll('`', "'").replaceAll('|', '\\|')}\``;
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}
