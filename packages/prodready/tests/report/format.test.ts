import { describe, expect, it } from 'vitest';

import { buildReport, type Finding, formatJson, formatText, getGrade, hasErrors } from '../../src/report/index.js';

const findings: Finding[] = [
  { tool: 'eslint', gap: 'security', ruleId: '@prodready/security/no-secret-fallback', severity: 'error', file: 'src/config.ts', line: 3, column: 40, message: '`JWT_SECRET` falls back to a hard-coded value.' },
  { tool: 'eslint', gap: 'scalability', ruleId: '@prodready/performance/no-unbounded-query', severity: 'error', file: 'src/routes/users.ts', line: 20, column: 35, message: '`findMany` returns every matching row with no limit.' },
  { tool: 'eslint', gap: 'scalability', ruleId: '@prodready/performance/no-unbounded-query', severity: 'error', file: 'src/routes/users.ts', line: 9, column: 12, message: '`findMany` returns every matching row with no limit.' },
  { tool: 'eslint', gap: 'observability', ruleId: '@prodready/observability/no-swallowed-error', severity: 'warning', file: 'src/routes/users.ts', line: 35, column: 5, message: 'This `catch` discards the error.' },
  { tool: 'dependency-cruiser', gap: 'architecture', ruleId: 'no-circular-runtime', severity: 'error', file: 'src/a.ts', message: 'Circular dependency: src/a.ts → src/b.ts → src/a.ts.' },
  { tool: 'project', gap: 'testing', ruleId: 'prodready/no-test-script', severity: 'error', file: 'package.json', message: 'package.json has no `test` script.' },
  { tool: 'eslint', gap: undefined, ruleId: 'no-console', severity: 'warning', file: 'src/server.ts', line: 1, column: 1, message: 'Unexpected console statement.' },
];

const report = buildReport({ toolVersion: '1.2.3', filesLinted: 12, findings, notes: ['A note for the reader.'] });

describe('report', () => {
  it('renders the text scorecard', async () => {
    await expect(formatText(report)).toMatchFileSnapshot('../__snapshots__/report/scorecard.txt');
  });

  it('renders only the scorecard when quiet', async () => {
    await expect(formatText(report, { showFindings: false })).toMatchFileSnapshot('../__snapshots__/report/scorecard-quiet.txt');
  });

  it('renders versioned JSON', async () => {
    await expect(formatJson(report)).toMatchFileSnapshot('../__snapshots__/report/report.json');
    expect(JSON.parse(formatJson(report))).toMatchObject({ version: 1, tool: { name: 'prodready', version: '1.2.3' } });
  });

  it('marks gaps whose tool did not run', async () => {
    const skipped = buildReport({ toolVersion: '1.2.3', filesLinted: 0, findings: [], skippedGaps: ['architecture', 'coherence'] });
    expect(skipped.gaps.filter((gap) => !gap.checked).map((gap) => gap.key)).toEqual(['architecture', 'coherence']);
    expect(skipped.gaps[0]!.grade).toBeUndefined();
    await expect(formatText(skipped)).toMatchFileSnapshot('../__snapshots__/report/scorecard-skipped.txt');
  });

  it('fails only on errors', () => {
    expect(hasErrors(report)).toBe(true);
    expect(hasErrors(buildReport({ toolVersion: '1', filesLinted: 1, findings: [findings[3]!] }))).toBe(false);
  });

  it('grades by weighted findings', () => {
    expect([getGrade(0, 0), getGrade(0, 4), getGrade(1, 0), getGrade(3, 0), getGrade(8, 0), getGrade(9, 0)]).toEqual([
      'A',
      'B',
      'C',
      'C',
      'D',
      'F',
    ]);
  });
});
