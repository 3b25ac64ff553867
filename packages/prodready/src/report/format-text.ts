import { type Finding, type GapSummary, getActionableFindings, type Report } from './model.js';

export interface TextOptions {
  /** Print every finding above the scorecard (default), or only the scorecard. */
  showFindings?: boolean;
}

/** The default output: findings grouped by file, then the seven-gap scorecard. Plain text, no colours. */
export function formatText(report: Report, { showFindings = true }: TextOptions = {}): string {
  const lines: string[] = [];
  const actionable = getActionableFindings(report);
  if (showFindings && actionable.length > 0) {
    let file: string | undefined;
    for (const finding of actionable) {
      if (finding.file !== file) {
        if (file !== undefined) lines.push('');
        file = finding.file;
        lines.push(file || '(project)');
      }
      lines.push(`  ${formatPosition(finding)}  ${finding.severity.padEnd(7)}  ${finding.message}  ${finding.ruleId}`);
    }
    lines.push('');
  }

  lines.push(`prodready ${report.tool.version} scorecard — ${report.filesLinted} files linted`, '');
  lines.push('  gap                   grade  errors  warnings  top rules');
  for (const gap of report.gaps) lines.push(formatGapLine(gap));
  if (report.other.errors + report.other.warnings > 0) {
    lines.push(
      `  ${'other (not scored)'.padEnd(20)}  ${'-'.padStart(5)}  ${String(report.other.errors).padStart(6)}  ${String(report.other.warnings).padStart(8)}`,
    );
  }

  if (report.topFiles.length > 0 || report.notes.length > 0 || report.baseline) lines.push('');
  if (report.topFiles.length > 0) {
    lines.push(`  Top files: ${report.topFiles.map(({ name, count }) => `${name} (${count})`).join(', ')}`);
  }
  for (const note of report.notes) lines.push(`  Note: ${note}`);
  if (report.baseline) {
    const { known, fixed } = report.baseline;
    lines.push(`  Baseline: ${known} known ${plural(known, 'finding')} not failing, ${report.baseline.new} new, ${fixed} fixed.`);
    if (fixed > 0) lines.push('  Run `prodready baseline` to record the fixes, so they cannot come back unnoticed.');
  }

  const errors = actionable.filter((finding) => finding.severity === 'error').length;
  const warnings = actionable.length - errors;
  lines.push('', `${errors} ${plural(errors, 'error')}, ${warnings} ${plural(warnings, 'warning')}.`);
  return `${lines.join('\n')}\n`;
}

function formatGapLine(gap: GapSummary): string {
  const name = `${gap.id} ${gap.title}`.padEnd(20);
  if (!gap.checked) return `  ${name}  ${'-'.padStart(5)}  not checked`;
  const rules = gap.topRules.map(({ name: rule, count }) => `${rule} (${count})`).join(', ');
  return `  ${name}  ${gap.grade!.padStart(5)}  ${String(gap.errors).padStart(6)}  ${String(gap.warnings).padStart(8)}  ${rules}`.trimEnd();
}

function formatPosition(finding: Finding): string {
  return finding.line === undefined ? '-'.padEnd(7) : `${finding.line}:${finding.column ?? 0}`.padEnd(7);
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}
