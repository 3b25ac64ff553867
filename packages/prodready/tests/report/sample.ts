import { buildReport, type Finding, type ModuleGraph } from '../../src/report/index.js';

/** Findings of every tool, severity and gap (and one outside the gaps), for the format tests. */
export const findings: Finding[] = [
  { tool: 'eslint', gap: 'security', ruleId: '@prodready/security/no-secret-fallback', severity: 'error', file: 'src/config.ts', line: 3, column: 40, endLine: 3, endColumn: 52, message: '`JWT_SECRET` falls back to a hard-coded value.' },
  { tool: 'eslint', gap: 'scalability', ruleId: '@prodready/performance/no-unbounded-query', severity: 'error', file: 'src/routes/users.ts', line: 9, column: 12, endLine: 9, endColumn: 20, message: '`findMany` returns every matching row with no limit.' },
  { tool: 'eslint', gap: 'observability', ruleId: '@prodready/observability/no-swallowed-error', severity: 'warning', file: 'src/routes/users.ts', line: 35, column: 5, message: 'This `catch` discards the error, <script>alert(1)</script> | and a pipe.' },
  { tool: 'dependency-cruiser', gap: 'architecture', ruleId: 'no-circular-runtime', severity: 'error', file: 'src/a.ts', message: 'Circular dependency: src/a.ts → src/b.ts → src/a.ts.' },
  { tool: 'project', gap: 'testing', ruleId: 'prodready/no-test-files', severity: 'error', file: '', message: 'No test files found: nothing checks this code before it ships.' },
  { tool: 'eslint', gap: undefined, ruleId: 'no-console', severity: 'warning', file: 'src/my file,v2.ts', line: 1, column: 1, message: 'Unexpected console statement: 100%\nsure.' },
];

export const report = buildReport({ toolVersion: '1.2.3', filesLinted: 12, findings, notes: ['A note for the reader.'] });

/** The same findings after a baseline: two known, the rest new, one fixed. */
export const baselineReport = buildReport({
  toolVersion: '1.2.3',
  filesLinted: 12,
  findings: findings.map((finding, index): Finding => ({ ...finding, baseline: index < 2 ? 'known' : 'new' })),
  baseline: { known: 2, new: 4, fixed: 1, fixedFindings: [{ file: 'src/old.ts', ruleId: '@prodready/security/no-sql-injection', count: 1 }] },
});

/** a → b → a and c → d → e → c are knots; f imports a; g stands alone. */
export const graph: ModuleGraph = {
  modules: ['src/a.ts', 'src/b.ts', 'src/c.ts', 'src/d.ts', 'src/e.ts', 'src/f.ts', 'src/g.ts'],
  edges: [
    [0, 1],
    [1, 0],
    [2, 3],
    [3, 4],
    [4, 2],
    [5, 0],
  ],
};
