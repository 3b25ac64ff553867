#!/usr/bin/env node
// Adds up every package's vitest JSON report (also restored from turbo's cache) and prints
// the closing line CI reads: "tests: N passed, N failed".
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { ROOT } from './lib/workspace.mjs';

let passed = 0;
let failed = 0;
let skipped = 0;
const rows = [];
// Each package's own run, then its re-run on ESLint 9 (scripts/test-eslint-compat.mjs), if any.
const reports = [
  ['scripts', join(ROOT, 'reports', 'vitest.json')],
  ...readdirSync(join(ROOT, 'packages'))
    .sort()
    .flatMap((name) => [
      [name, join(ROOT, 'packages', name, 'reports', 'vitest.json')],
      [`${name} (ESLint 9)`, join(ROOT, 'packages', name, 'reports', 'vitest-eslint9.json')],
    ]),
];
for (const [name, file] of reports) {
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  rows.push(`  ${name.padEnd(44)} ${String(report.numPassedTests).padStart(5)} passed`);
}
console.log(rows.join('\n'));
if (passed + failed === 0) {
  console.error('No test results found.');
  process.exit(1);
}
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
if (failed > 0) process.exit(1);
