import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { applyBaseline, type BaselineInput, compareGraphBaseline, writeBaseline } from '../../src/core/baseline.js';
import type { Violation } from '../../src/core/cruise.js';
import type { Finding } from '../../src/report/index.js';

function lintError(file: string, ruleId: string, line: number): Finding {
  return { tool: 'eslint', gap: 'security', ruleId, severity: 'error', file, line, column: 1, message: 'A problem.' };
}

const cycle: Violation = { type: 'cycle', from: 'src/a.ts', to: 'src/b.ts', rule: { name: 'no-circular-runtime', severity: 'error' }, cycle: [{ name: 'src/b.ts' }, { name: 'src/a.ts' }] };
const orphan: Violation = { type: 'module', from: 'src/c.ts', to: 'src/c.ts', rule: { name: 'no-orphans', severity: 'warn' } };

function input(lint: Finding[], violations: Violation[] = [], project: Finding[] = []): BaselineInput {
  return {
    lint,
    graph: violations.map((violation) => ({ tool: 'dependency-cruiser', gap: 'architecture', ruleId: violation.rule.name, severity: 'error', file: violation.from, message: 'x' })),
    violations,
    project,
    lintedFiles: new Set(lint.map((finding) => finding.file)),
    graphChecked: true,
  };
}

const noTests: Finding = { tool: 'project', gap: 'testing', ruleId: 'prodready/no-test-files', severity: 'error', file: '', message: 'No tests.' };

describe('baseline', () => {
  it('writes ESLint’s suppressions format: error counts per file and rule, keys sorted, warnings left out', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'prodready-baseline-'));
    const warning: Finding = { ...lintError('src/a.ts', 'no-console', 1), severity: 'warning' };
    const { written } = writeBaseline(cwd, input([lintError('src/z.ts', 'rule-b', 1), lintError('src/a.ts', 'rule-b', 2), lintError('src/a.ts', 'rule-a', 3), lintError('src/a.ts', 'rule-b', 4), warning], [cycle], [noTests]));
    expect(written).toEqual([
      { file: 'eslint-suppressions.json', count: 4 },
      { file: '.dependency-cruiser-known-violations.json', count: 1 },
      { file: '.prodready/baseline.json', count: 1 },
    ]);
    expect(readFileSync(join(cwd, 'eslint-suppressions.json'), 'utf8')).toBe(
      '{\n  "src/a.ts": {\n    "rule-a": {\n      "count": 1\n    },\n    "rule-b": {\n      "count": 2\n    }\n  },\n  "src/z.ts": {\n    "rule-b": {\n      "count": 1\n    }\n  }\n}',
    );
    expect(JSON.parse(readFileSync(join(cwd, '.dependency-cruiser-known-violations.json'), 'utf8'))).toEqual([cycle]);
  });

  it('marks findings known while a file has no more errors of a rule than recorded, all new past that (ESLint’s rule)', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'prodready-baseline-'));
    writeBaseline(cwd, input([lintError('src/a.ts', 'rule-a', 1), lintError('src/a.ts', 'rule-a', 2), lintError('src/b.ts', 'rule-a', 1)]));

    const same = applyBaseline(cwd, input([lintError('src/a.ts', 'rule-a', 5), lintError('src/a.ts', 'rule-a', 9), lintError('src/b.ts', 'rule-a', 1)]));
    expect(same.findings.map((finding) => finding.baseline)).toEqual(['known', 'known', 'known']);
    expect(same.summary).toEqual({ known: 3, new: 0, fixed: 0, fixedFindings: [] });

    const more = applyBaseline(cwd, input([lintError('src/a.ts', 'rule-a', 1), lintError('src/a.ts', 'rule-a', 2), lintError('src/a.ts', 'rule-a', 3), lintError('src/b.ts', 'rule-a', 1)]));
    expect(more.findings.map((finding) => finding.baseline)).toEqual(['new', 'new', 'new', 'known']);

    const fewer = applyBaseline(cwd, input([lintError('src/a.ts', 'rule-a', 1), lintError('src/b.ts', 'rule-b', 1)]));
    expect(fewer.findings.map((finding) => finding.baseline)).toEqual(['known', 'new']);
    expect(fewer.summary.fixedFindings).toEqual([
      { file: 'src/a.ts', ruleId: 'rule-a', count: 1 },
      { file: 'src/b.ts', ruleId: 'rule-a', count: 1 },
    ]);
  });

  it('does not count a file outside the checked paths as fixed', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'prodready-baseline-'));
    writeFileSync(join(cwd, 'other.ts'), '');
    writeBaseline(cwd, input([lintError('other.ts', 'rule-a', 1), lintError('src/a.ts', 'rule-a', 1)]));
    const partial = applyBaseline(cwd, { ...input([lintError('src/a.ts', 'rule-a', 1)]) });
    expect(partial.summary.fixed).toBe(0);
  });

  it('matches graph violations by rule, ends and cycle, and reports the ones that are gone', () => {
    const moved: Violation = { ...cycle, cycle: [{ name: 'src/b.ts' }, { name: 'src/x.ts' }, { name: 'src/a.ts' }] };
    expect(compareGraphBaseline([cycle, orphan], [cycle, moved])).toEqual({ known: [true, false], fixed: [orphan] });
    // Each known entry absorbs one current violation, no more.
    expect(compareGraphBaseline([cycle], [cycle, cycle]).known).toEqual([true, false]);
  });

  it('does not count graph violations as fixed when the graph was not checked', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'prodready-baseline-'));
    writeBaseline(cwd, input([], [cycle]));
    expect(applyBaseline(cwd, input([], [])).summary.fixed).toBe(1);
    expect(applyBaseline(cwd, { ...input([], []), graphChecked: false }).summary.fixed).toBe(0);
  });

  it('records project findings by rule and file', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'prodready-baseline-'));
    writeBaseline(cwd, input([], [], [noTests]));
    const env: Finding = { ...noTests, ruleId: 'prodready/no-committed-env-file', gap: 'security', file: '.env' };
    const result = applyBaseline(cwd, input([], [], [noTests, env]));
    expect(result.findings.map((finding) => finding.baseline)).toEqual(['known', 'new']);
  });

  it('says which file is broken instead of crashing', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'prodready-baseline-'));
    writeFileSync(join(cwd, 'eslint-suppressions.json'), '{ nope');
    expect(() => applyBaseline(cwd, input([]))).toThrow(/^eslint-suppressions\.json is not valid JSON \(.+\); rerun `prodready baseline` to rewrite it\.$/);
  });
});
