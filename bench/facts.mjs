#!/usr/bin/env node
// Cost of the automatic project facts (issue #7), as ratios to a zero-rule ESLint run over the same files.
// Not part of the test suite. Needs the kit built (packages/eslint-rule-kit/dist).
//
//   floor  ESLint, no rules, typescript-eslint's parser (JSX on), the files the facts cover
//   cold   getAutoFacts with an empty cache: every file extracted, every entry written
//   warm   getAutoFacts in a "new process" (memory: false) with nothing changed: stat + read each entry
//   touch  warm, after one file's content changed: one extraction (simulated in the cache; the project is never written)
//   memo   getAutoFacts again in the same process within the refresh window (what every linted file pays)
//
// Usage: node bench/facts.mjs [--project /tmp/real/outline+outline] [--runs 3] [--out bench/results/facts.json]
// Median of --runs for each. Prints a table and writes JSON.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    project: { type: 'string', default: '/tmp/real/outline+outline' },
    runs: { type: 'string', default: '3' },
    out: { type: 'string', default: join(ROOT, 'bench/results/facts.json') },
  },
});

const kit = await import(pathToFileURL(join(ROOT, 'packages/eslint-rule-kit/dist/index.js')).href);
const { ESLint } = await import('eslint');
const { parser } = (await import('typescript-eslint')).default;

const root = args.project;
const runs = Number(args.runs);
const files = kit.listProjectFiles(root);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const time = (fn) => {
  const start = performance.now();
  const result = fn();
  return { ms: performance.now() - start, result };
};
const timeAsync = async (fn) => {
  const start = performance.now();
  await fn();
  return performance.now() - start;
};

console.log(`project ${root}: ${files.length} files`);

const floor = [];
for (let run = 0; run < runs; run += 1) {
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    cache: false,
    overrideConfig: [
      {
        files: ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'],
        languageOptions: { parser, sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
        linterOptions: { reportUnusedDisableDirectives: 'off' },
      },
    ],
  });
  floor.push(await timeAsync(() => eslint.lintFiles(files.map((file) => file.path))));
}

const cacheRoot = mkdtempSync(join(tmpdir(), 'prodready-bench-facts-'));
const cold = [];
const warm = [];
const touch = [];
const memo = [];
let extracted = 0;
for (let run = 0; run < runs; run += 1) {
  const cacheDir = join(cacheRoot, String(run));
  const first = time(() => kit.getAutoFacts({ root, parser, cacheDir, memory: false }));
  cold.push(first.ms);
  extracted = first.result.extracted;
  warm.push(time(() => kit.getAutoFacts({ root, parser, cacheDir, memory: false })).ms);
  // One changed file, without writing to the project: its cache entry gets another mtime and content hash.
  const entryFile = join(cacheDir, readdirSync(cacheDir)[run]);
  const entry = JSON.parse(readFileSync(entryFile, 'utf8'));
  writeFileSync(entryFile, JSON.stringify({ ...entry, mtimeMs: 0, hash: 'changed' }));
  touch.push(time(() => kit.getAutoFacts({ root, parser, cacheDir, memory: false })).ms);
  kit.getAutoFacts({ root, parser, cacheDir });
  memo.push(time(() => kit.getAutoFacts({ root, parser, cacheDir })).ms);
}
rmSync(cacheRoot, { recursive: true, force: true });

const floorMs = median(floor);
const rows = [
  ['floor (zero-rule ESLint)', floorMs],
  ['cold facts (empty cache)', median(cold)],
  ['warm facts (new process, nothing changed)', median(warm)],
  ['warm facts, one file touched', median(touch)],
  ['in-process reuse (per linted file)', median(memo)],
];
for (const [name, ms] of rows) console.log(`${name.padEnd(44)} ${ms.toFixed(1).padStart(9)} ms  ${(ms / floorMs).toFixed(3)}x floor`);
console.log(`cold run extracted ${extracted} files`);

const report = {
  version: 1,
  date: new Date().toISOString(),
  project: root,
  files: files.length,
  runs,
  node: process.version,
  ms: Object.fromEntries(rows.map(([name, ms]) => [name, Math.round(ms * 10) / 10])),
  ratios: Object.fromEntries(rows.map(([name, ms]) => [name, Math.round((ms / floorMs) * 1000) / 1000])),
};
mkdirSync(dirname(args.out), { recursive: true });
writeFileSync(args.out, `${JSON.stringify(report, null, 2)}\n`);
