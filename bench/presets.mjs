#!/usr/bin/env node
// The dependency-cruiser presets' benchmark (issue #9). Not part of the test suite.
//
// On one real repository, in one process, in this order:
//   floor   a zero-rule ESLint run over the same files (typescript-eslint's parser, JSX on): parsing,
//           scope analysis and file I/O, the cost every lint pays anyway
//   cold    dependency-cruiser with both presets (architecture + coherence rules), no cache
//   warm    the same with dependency-cruiser's cache, second run (the first one fills the cache)
// then the post-passes on the cold result (findKnots, checkResolution, proposeCoherence,
// findGatewayBypasses, findConventionOutliers, findUntestedModules) with their times, and the knot
// report: per-edge cycle violations versus knots.
//
// Usage: node bench/presets.mjs [--repo /tmp/real/outline+outline] [--dirs server,shared] [--tsconfig tsconfig.json]
// Prints a summary and writes bench/results/presets-latest.json. Budgets: cold <= 1.0x floor, warm <= 0.15x.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import tsParser from '@typescript-eslint/parser';
import { cruise } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { ESLint } from 'eslint';

import architecture, { checkResolution, findKnots, mapWorkspaceSources, readWorkspaces } from '../packages/dependency-cruiser-preset-architecture/index.mjs';
import coherence, { findConventionOutliers, findGatewayBypasses, findUntestedModules, proposeCoherence } from '../packages/dependency-cruiser-preset-coherence/index.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const SKIPPED = new Set(['node_modules', 'dist', 'build', '.next', '.turbo', 'coverage']);
export const BUDGETS = { cold: 1.0, warm: 0.15 };

const { values } = parseArgs({
  options: {
    repo: { type: 'string', default: '/tmp/real/outline+outline' },
    dirs: { type: 'string', default: 'server,shared' },
    tsconfig: { type: 'string', default: 'tsconfig.json' },
  },
});
const root = values.repo;
const dirs = values.dirs.split(',');
const tsconfig = existsSync(join(root, values.tsconfig)) ? join(root, values.tsconfig) : undefined;

function listFiles(dir, files = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIPPED.has(entry.name) || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) listFiles(path, files);
    else if (SOURCE.test(entry.name) && !/\.d\.[cm]?ts$/.test(entry.name) && statSync(path).size < 1_000_000) files.push(path);
  }
  return files;
}

async function time(run) {
  const start = performance.now();
  const result = await run();
  return { ms: Math.round(performance.now() - start), result };
}

const files = dirs.flatMap((dir) => listFiles(join(root, dir)));
console.log(`${root}: ${files.length} files in ${dirs.join(', ')}`);

// Zero-rule ESLint: the floor.
const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  overrideConfig: [{ files: ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'], languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } } }],
  warnIgnored: false,
});
const floor = await time(() => eslint.lintFiles(files));

// Both presets, one rule set, the monorepo's alias map when there is one.
const workspaces = readWorkspaces(root);
const resolveOptions = workspaces.length > 0 ? { alias: mapWorkspaceSources(root, workspaces).alias } : undefined;
const ruleSet = { forbidden: [...architecture.forbidden, ...coherence.forbidden] };
const cruiseOptions = {
  ...architecture.options,
  baseDir: root,
  validate: true,
  ruleSet,
  exclude: { path: ['(?:^|/)(?:node_modules|dist|build|\\.next|coverage)/'] },
  ...(tsconfig ? { tsConfig: { fileName: tsconfig } } : {}),
};
const transpileOptions = tsconfig ? { tsConfig: extractTSConfig(tsconfig) } : undefined;
const cold = await time(() => cruise(dirs, { ...cruiseOptions, cache: false }, resolveOptions, transpileOptions));

const cacheFolder = mkdtempSync(join(tmpdir(), 'prodready-depcruise-cache-'));
const cache = { folder: cacheFolder, strategy: 'content' };
const fill = await time(() => cruise(dirs, { ...cruiseOptions, cache }, resolveOptions, transpileOptions));
const warm = await time(() => cruise(dirs, { ...cruiseOptions, cache }, resolveOptions, transpileOptions));
rmSync(cacheFolder, { recursive: true, force: true });

const result = cold.result;
const knotsTimed = await time(() => findKnots(result));
const allKnotsTimed = await time(() => findKnots(result, { pathNot: null }));
const postPasses = {};
for (const [name, run] of Object.entries({
  checkResolution: () => checkResolution(result, { workspaceNames: workspaces.map(({ name: packageName }) => packageName) }),
  proposeCoherence: () => proposeCoherence(result),
  findGatewayBypasses: () => findGatewayBypasses(result),
  findConventionOutliers: () => findConventionOutliers(result),
  findUntestedModules: () => findUntestedModules(result),
})) {
  postPasses[name] = await time(run);
}

const violations = result.output.summary.violations;
const countRule = (name) => violations.filter(({ rule }) => rule.name === name).length;
const summarize = (knots) => ({
  knots: knots.length,
  runtime: knots.filter(({ kind }) => kind === 'runtime').map(({ modules, edgeCount, cut }) => ({ modules: modules.length, edges: edgeCount, cut: cut.length })),
  typeOnly: knots.filter(({ kind }) => kind === 'type-only').map(({ modules, edgeCount, cut }) => ({ modules: modules.length, edges: edgeCount, cut: cut.length })),
});
const report = {
  date: new Date().toISOString(),
  repo: root,
  dirs,
  files: files.length,
  modules: result.output.modules.length,
  ms: { floor: floor.ms, cold: cold.ms, cacheFill: fill.ms, warm: warm.ms },
  ratio: { cold: +(cold.ms / floor.ms).toFixed(2), warm: +(warm.ms / floor.ms).toFixed(2) },
  budgets: BUDGETS,
  resolution: (({ ok, total, unresolved, ratio }) => ({ ok, total, unresolved, ratio: +ratio.toFixed(4) }))(postPasses.checkResolution.result),
  cycles: {
    perEdgeViolations: { 'no-circular-runtime': countRule('no-circular-runtime'), 'no-circular-type-only': countRule('no-circular-type-only') },
    default: summarize(knotsTimed.result),
    withModels: summarize(allKnotsTimed.result),
  },
  postPassMs: { findKnots: knotsTimed.ms, ...Object.fromEntries(Object.entries(postPasses).map(([name, { ms }]) => [name, ms])) },
  postPassFindings: {
    proposeCoherence: postPasses.proposeCoherence.result.findings.length,
    findGatewayBypasses: postPasses.findGatewayBypasses.result.findings.length,
    findConventionOutliers: postPasses.findConventionOutliers.result.length,
    findUntestedModules: postPasses.findUntestedModules.result.length,
  },
  choices: postPasses.proposeCoherence.result.choices.map(({ concern, choice, counts }) => ({ concern, choice, counts })),
  gateways: postPasses.findGatewayBypasses.result.gateways,
};

console.log(`floor (zero-rule ESLint) ${floor.ms} ms · cold cruise ${cold.ms} ms (${report.ratio.cold}x) · warm ${warm.ms} ms (${report.ratio.warm}x)`);
console.log(postPasses.checkResolution.result.message);
console.log(`cycles: ${report.cycles.perEdgeViolations['no-circular-runtime']} + ${report.cycles.perEdgeViolations['no-circular-type-only']} per-edge violations → ${report.cycles.default.knots} knots (${report.cycles.withModels.knots} with ORM models)`);
console.log(JSON.stringify({ postPassMs: report.postPassMs, postPassFindings: report.postPassFindings }));
for (const [name, budget] of Object.entries(BUDGETS)) {
  console.log(`${report.ratio[name] <= budget ? 'PASS' : 'MISS'} ${name} ${report.ratio[name]}x (budget ${budget}x)`);
}
mkdirSync(join(BENCH, 'results'), { recursive: true });
writeFileSync(join(BENCH, 'results', 'presets-latest.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log(`wrote ${relative(process.cwd(), join(BENCH, 'results', 'presets-latest.json'))}`);
