import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { buildReport, type Finding, type GapKey, type ModuleGraph, type Report } from '../report/index.js';
import { applyBaseline, type BaselineFiles, type BaselineInput, hasBaseline, writeBaseline } from './baseline.js';
import { runCruise } from './cruise.js';
import { writeFacts } from './facts.js';
import { listSourceFiles, resolvePaths } from './files.js';
import { runLint } from './lint.js';
import type { Progress } from './progress.js';
import { runProjectChecks } from './project-checks.js';

export interface CheckOptions {
  /** The project root. */
  cwd: string;
  /** Files or folders to check, relative to `cwd`. Default: `['.']`. */
  paths?: readonly string[];
  /** The prodready version printed in the report. */
  toolVersion: string;
  /** Skip dependency-cruiser (gaps 1 and 7). Default: `false`. */
  skipGraph?: boolean;
  /** Compare with the project's baseline files when it has them. Default: `true`. */
  useBaseline?: boolean;
  /** Phase and file-count updates for a progress display. */
  progress?: Progress;
}

export interface CheckResult {
  report: Report;
  /** The local import graph, when dependency-cruiser ran. */
  graph: ModuleGraph | undefined;
}

/**
 * `prodready check`: the facts pre-pass (into a temp file, so a check leaves no trace), then
 * ESLint, dependency-cruiser and the project checks in parallel, folded into one report; with a
 * baseline, each finding is marked known or new and fixed ones are counted.
 */
export async function runCheck(options: CheckOptions): Promise<CheckResult> {
  const { cwd, toolVersion, useBaseline = true } = options;
  const { input, graph, filesLinted, notes, skippedGaps } = await collectFindings(options);
  const baseline = useBaseline && hasBaseline(cwd) ? applyBaseline(cwd, input) : undefined;
  const findings = baseline?.findings ?? [...input.lint, ...input.graph, ...input.project];
  const report = buildReport({ toolVersion, filesLinted, findings, skippedGaps, notes, ...(baseline ? { baseline: baseline.summary } : {}) });
  return { report, graph };
}

/** `prodready baseline`: check the whole project and record every finding as known. */
export async function runBaseline(options: Omit<CheckOptions, 'paths' | 'useBaseline'>): Promise<BaselineFiles> {
  const { input } = await collectFindings({ ...options, paths: ['.'] });
  return writeBaseline(options.cwd, input);
}

async function collectFindings({ cwd, paths = ['.'], skipGraph = false, progress }: CheckOptions) {
  resolvePaths(cwd, paths);
  const tempDir = mkdtempSync(join(tmpdir(), 'prodready-'));
  try {
    progress?.phase('facts');
    const { file: factsFile, files } = writeFacts({ cwd, outFile: join(tempDir, 'facts.json') });
    // The facts pass lists the whole project; a narrower check counts only its own files.
    progress?.phase('lint', paths.length === 1 && paths[0] === '.' ? files : listSourceFiles(cwd, paths).length);
    const [lint, graph] = await Promise.all([
      runLint({ cwd, paths, factsFile, ...(progress ? { onFile: () => progress.fileDone() } : {}) }),
      skipGraph ? Promise.resolve({ findings: [], ran: false, uninstalled: 0, violations: [], graph: undefined }) : runCruise({ cwd, paths }),
    ]);
    progress?.phase('project checks');
    const project: Finding[] = runProjectChecks(cwd);
    progress?.done();
    const skippedGaps: GapKey[] = graph.ran ? [] : ['architecture', 'coherence'];
    const notes: string[] = [];
    if (lint.configFile) notes.push('Linted with the project’s own ESLint config; prodready rules it leaves out are not scored.');
    if (graph.uninstalled > 0) {
      notes.push(`${graph.uninstalled} imports of declared but uninstalled packages were not checked; run your package manager's install.`);
    }
    if (!graph.ran && !skipGraph) notes.push('Install dependency-cruiser to check gaps 1 (architecture) and 7 (coherence).');
    const input: BaselineInput = {
      lint: lint.findings,
      graph: graph.findings,
      violations: graph.violations,
      project,
      lintedFiles: new Set(lint.files),
      graphChecked: graph.ran,
    };
    return { input, graph: graph.graph, filesLinted: lint.filesLinted, notes, skippedGaps };
  } finally {
    progress?.done();
    rmSync(tempDir, { recursive: true, force: true });
  }
}
