import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { buildReport, type Finding, type GapKey, type Report } from '../report/index.js';
import { runCruise } from './cruise.js';
import { writeFacts } from './facts.js';
import { resolvePaths } from './files.js';
import { runLint } from './lint.js';
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
}

/**
 * `prodready check`: the facts pre-pass (into a temp file, so a check leaves no trace), then
 * ESLint, dependency-cruiser and the project checks in parallel, folded into one report.
 */
export async function runCheck({ cwd, paths = ['.'], toolVersion, skipGraph = false }: CheckOptions): Promise<Report> {
  resolvePaths(cwd, paths);
  const tempDir = mkdtempSync(join(tmpdir(), 'prodready-'));
  try {
    const { file: factsFile } = writeFacts({ cwd, outFile: join(tempDir, 'facts.json') });
    const [lint, graph] = await Promise.all([
      runLint({ cwd, paths, factsFile }),
      skipGraph ? Promise.resolve({ findings: [], ran: false, uninstalled: 0 }) : runCruise({ cwd, paths }),
    ]);
    const findings: Finding[] = [...lint.findings, ...graph.findings, ...runProjectChecks(cwd)];
    const skippedGaps: GapKey[] = graph.ran ? [] : ['architecture', 'coherence'];
    const notes: string[] = [];
    if (lint.configFile) notes.push('Linted with the project’s own ESLint config; prodready rules it leaves out are not scored.');
    if (graph.uninstalled > 0) {
      notes.push(`${graph.uninstalled} imports of declared but uninstalled packages were not checked; run your package manager's install.`);
    }
    if (!graph.ran && !skipGraph) notes.push('Install dependency-cruiser to check gaps 1 (architecture) and 7 (coherence).');
    return buildReport({ toolVersion, filesLinted: lint.filesLinted, findings, skippedGaps, notes });
  } finally {
    rmSync(tempDir, { recursive: true, force: true });
  }
}
