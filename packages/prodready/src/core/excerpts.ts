import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { type Excerpt, type Finding, getExcerptKey } from '../report/index.js';

/**
 * Source lines around each finding that has a line (two before, two after), read once per file;
 * the HTML report shows them. Only the first `limit` findings: a report never reads the whole project.
 */
export function readExcerpts(cwd: string, findings: readonly Finding[], limit = 50): Map<string, Excerpt> {
  const excerpts = new Map<string, Excerpt>();
  const files = new Map<string, string[] | undefined>();
  for (const finding of findings.filter((candidate) => candidate.line !== undefined && candidate.file).slice(0, limit)) {
    if (!files.has(finding.file)) files.set(finding.file, readLines(join(cwd, finding.file)));
    const lines = files.get(finding.file);
    if (!lines) continue;
    const start = Math.max(1, finding.line! - 2);
    const end = Math.min(lines.length, finding.line! + 2);
    // Long minified lines would blow up the page.
    excerpts.set(getExcerptKey(finding), { startLine: start, lines: lines.slice(start - 1, end).map((line) => (line.length > 200 ? `${line.slice(0, 200)}…` : line)) });
  }
  return excerpts;
}

function readLines(file: string): string[] | undefined {
  try {
    return readFileSync(file, 'utf8').split(/\r?\n/);
  } catch {
    return undefined;
  }
}
