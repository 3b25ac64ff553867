import { describe, expect, it } from 'vitest';

import {
  foldGraph,
  formatGithub,
  formatHtml,
  formatJson,
  formatMarkdown,
  formatSarif,
  getCycleComponents,
  getExcerptKey,
  REPORT_SCHEMA,
} from '../../src/report/index.js';
import { baselineReport, findings, graph, report } from './sample.js';
import { SARIF_SCHEMA, validate } from './validate.js';

const RULES = new Map([
  ['@prodready/security/no-secret-fallback', { description: 'Disallow hard-coded fallback values for secret environment variables', helpUri: 'https://example.test/no-secret-fallback.md' }],
]);

describe('sarif', () => {
  it('is valid SARIF 2.1.0', () => {
    expect(validate(SARIF_SCHEMA, JSON.parse(formatSarif(report, RULES)))).toEqual([]);
    expect(validate(SARIF_SCHEMA, JSON.parse(formatSarif(baselineReport)))).toEqual([]);
  });

  it('catches an invalid log, so the validation above means something', () => {
    const log = JSON.parse(formatSarif(report)) as { runs: Array<{ results: Array<{ level: string }> }> };
    log.runs[0]!.results[0]!.level = 'fatal';
    expect(validate(SARIF_SCHEMA, log)).not.toEqual([]);
  });

  it('describes each rule once, with its help link', () => {
    const log = JSON.parse(formatSarif(report, RULES)) as { runs: Array<{ tool: { driver: { rules: Array<{ id: string; helpUri?: string; shortDescription: { text: string } }> } } }> };
    const rules = log.runs[0]!.tool.driver.rules;
    expect(rules.map((rule) => rule.id)).toEqual([
      '@prodready/observability/no-swallowed-error',
      '@prodready/performance/no-unbounded-query',
      '@prodready/security/no-secret-fallback',
      'no-circular-runtime',
      'no-console',
      'prodready/no-test-files',
    ]);
    expect(rules[2]).toMatchObject({ helpUri: 'https://example.test/no-secret-fallback.md', shortDescription: { text: RULES.get('@prodready/security/no-secret-fallback')!.description } });
  });

  it('locates every result; project findings point at package.json', () => {
    const log = JSON.parse(formatSarif(report)) as { runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: object }> }> }> };
    const byRule = new Map(log.runs[0]!.results.map((result) => [result.ruleId, result.locations[0]!.physicalLocation]));
    expect(byRule.get('@prodready/security/no-secret-fallback')).toEqual({
      artifactLocation: { uri: 'src/config.ts', uriBaseId: '%SRCROOT%' },
      region: { startLine: 3, startColumn: 40, endLine: 3, endColumn: 52 },
    });
    expect(byRule.get('prodready/no-test-files')).toEqual({ artifactLocation: { uri: 'package.json', uriBaseId: '%SRCROOT%' }, region: { startLine: 1 } });
    expect(byRule.get('no-console')).toMatchObject({ artifactLocation: { uri: 'src/my%20file%2Cv2.ts' } });
  });

  it('tells new from known findings with a baseline', () => {
    const log = JSON.parse(formatSarif(baselineReport)) as { runs: Array<{ results: Array<{ baselineState?: string }> }> };
    // Sorted by file: the project finding, src/a.ts, src/config.ts (known), src/my file…, src/routes/users.ts ×2 (line 9 known).
    expect(log.runs[0]!.results.map((result) => result.baselineState)).toEqual(['new', 'new', 'unchanged', 'new', 'unchanged', 'new']);
  });
});

describe('json', () => {
  it('is valid against the published report schema', () => {
    expect(validate(REPORT_SCHEMA, JSON.parse(formatJson(report)))).toEqual([]);
    expect(validate(REPORT_SCHEMA, JSON.parse(formatJson(baselineReport)))).toEqual([]);
  });

  it('rejects a report of another shape', () => {
    expect(validate(REPORT_SCHEMA, { ...JSON.parse(formatJson(report)), version: 2 })).not.toEqual([]);
  });
});

describe('markdown', () => {
  it('renders a PR comment', async () => {
    await expect(formatMarkdown(report)).toMatchFileSnapshot('../__snapshots__/report/comment.md');
  });

  it('lists only new findings with a baseline and says what changed', async () => {
    const text = formatMarkdown(baselineReport);
    expect(text).toContain('Baseline: 2 known findings not failing, 4 new, 1 fixed.');
    expect(text).not.toContain('src/config.ts:3');
  });

  it('caps the list', () => {
    expect(formatMarkdown(report, { maxFindings: 2 })).toContain('…and 4 more; run `prodready check` for all of them.');
  });
});

describe('github', () => {
  it('renders one workflow command per finding, escaped', async () => {
    await expect(formatGithub(report)).toMatchFileSnapshot('../__snapshots__/report/annotations.txt');
  });

  it('leaves known findings out', () => {
    expect(formatGithub(baselineReport)).not.toContain('file=src/config.ts');
  });
});

describe('html', () => {
  const html = formatHtml(report, {
    graph,
    rules: RULES,
    excerpts: new Map([[getExcerptKey(findings[0]!), { startLine: 2, lines: ['export const config = {', "  jwtSecret: process.env.JWT_SECRET || 'dev',", '};'] }]]),
  });

  it('is one self-contained page', () => {
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|<link|src="http/);
  });

  it('escapes finding text', () => {
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('marks the finding line in its excerpt', () => {
    expect(html).toContain("<mark><span class=\"line-number\">3</span>   jwtSecret: process.env.JWT_SECRET || 'dev',</mark>");
  });

  it('says when the graph was not checked', () => {
    expect(formatHtml(report)).toContain('The import graph was not checked');
  });
});

describe('module graph', () => {
  it('finds the cycle components, largest first', () => {
    expect(getCycleComponents(graph)).toEqual([
      [2, 3, 4],
      [0, 1],
    ]);
  });

  it('counts a module importing itself as a cycle', () => {
    expect(getCycleComponents({ modules: ['a', 'b'], edges: [[0, 0], [0, 1]] })).toEqual([[0]]);
  });

  it('handles a long chain without overflowing the stack', () => {
    const modules = Array.from({ length: 20_000 }, (_, index) => `m${index}.ts`);
    const edges = modules.map((_, index): [number, number] => [index, (index + 1) % modules.length]);
    expect(getCycleComponents({ modules, edges })[0]).toHaveLength(20_000);
  });

  it('folds a large graph into folders', () => {
    const folded = foldGraph(
      { modules: ['src/api/a.ts', 'src/api/b.ts', 'src/db/c.ts', 'src/db/d.ts'], edges: [[0, 2], [1, 3], [2, 3]] },
      2,
    );
    expect(folded).toEqual({ modules: ['src/api/', 'src/db/'], edges: [[0, 1]] });
  });
});
