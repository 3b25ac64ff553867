import { getActionableFindings, type Report } from './model.js';

/**
 * `--format github`: one workflow command per finding (`::error file=…,line=…::message`), which
 * GitHub Actions shows as annotations on the pull request diff, then a one-line summary. Findings
 * the baseline records are left out: they would annotate code the pull request did not touch.
 */
export function formatGithub(report: Report): string {
  const lines = getActionableFindings(report).map((finding) => {
    const properties = [
      `file=${escapeProperty(finding.file || 'package.json')}`,
      ...(finding.line === undefined ? [] : [`line=${finding.line}`]),
      ...(finding.column === undefined ? [] : [`col=${finding.column}`]),
      ...(finding.endLine === undefined ? [] : [`endLine=${finding.endLine}`]),
      ...(finding.endColumn === undefined ? [] : [`endColumn=${finding.endColumn}`]),
      `title=${escapeProperty(finding.ruleId)}`,
    ];
    return `::${finding.severity === 'error' ? 'error' : 'warning'} ${properties.join(',')}::${escapeData(finding.message)}`;
  });
  const actionable = getActionableFindings(report);
  const errors = actionable.filter((finding) => finding.severity === 'error').length;
  const grades = report.gaps.map((gap) => `${gap.title} ${gap.grade ?? '-'}`).join(', ');
  lines.push(`::notice title=prodready::${escapeData(`${errors} errors, ${actionable.length - errors} warnings. ${grades}.`)}`);
  return `${lines.join('\n')}\n`;
}

/** Workflow command data: `%`, CR and LF percent-encoded (actions/toolkit's escapeData). */
function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** Workflow command properties additionally encode `:` and `,` (actions/toolkit's escapeProperty). */
function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}
