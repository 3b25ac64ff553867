#!/usr/bin/env node
// oxlint column for the benchmark (issue #11; docs/reliability.md, "oxlint"). Not part of the test
// suite and not a dependency of the repo: oxlint is installed in a scratch folder given by --oxlint.
//
// Runs, paired and interleaved like bench/run.mjs (median of --runs rounds, order rotated each round):
//   oxlint:floor   oxlint with every rule off (parsing and file I/O only)
//   oxlint:js      oxlint running every non-typed prodready rule as a JS plugin (`jsPlugins`)
// over the given folders (default: examples/ and bench/.corpus/ when fetched), and prints how many
// findings each rule gave, so a rule that is silent under oxlint but not under ESLint shows up.
//
// Usage:
//   mkdir -p /tmp/oxlint && cd /tmp/oxlint && npm init -y && npm install oxlint@1.94.0
//   node bench/oxlint.mjs --oxlint /tmp/oxlint [--runs 5] [DIR ...]
// Writes bench/results/oxlint-latest.json. Build the plugins first (`npm run build`).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = join(BENCH, '..');
const AREAS = ['security', 'testing', 'performance', 'maintainability', 'observability'];

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: { oxlint: { type: 'string' }, runs: { type: 'string', default: '5' } },
});
if (!args.oxlint) throw new Error('Pass --oxlint <folder where `npm install oxlint` ran> (see the usage at the top of bench/oxlint.mjs).');
const binary = join(args.oxlint, 'node_modules', '.bin', 'oxlint');
if (!existsSync(binary)) throw new Error(`${binary} not found: install oxlint in ${args.oxlint} first.`);
const version = JSON.parse(readFileSync(join(args.oxlint, 'node_modules', 'oxlint', 'package.json'), 'utf8')).version;

const dirs = positionals.length > 0 ? positionals : [join(ROOT, 'examples'), join(BENCH, '.corpus')].filter((dir) => existsSync(dir));

// Configurations: every built-in category off, so the floor lints nothing and the JS-plugin run
// costs only our rules. Type-aware rules are left out (oxlint gives JS plugins no TypeScript program).
const jsPlugins = [];
const rules = {};
for (const area of AREAS) {
  const path = join(ROOT, 'packages', `eslint-plugin-${area}`, 'dist', 'index.js');
  if (!existsSync(path)) throw new Error(`packages/eslint-plugin-${area} is not built; run \`npm run build\` first.`);
  jsPlugins.push(path);
  const plugin = (await import(pathToFileURL(path).href)).default;
  for (const [name, rule] of Object.entries(plugin.rules)) {
    if (!rule.meta?.docs?.requiresTypeChecking) rules[`@prodready/${area}/${name}`] = 'error';
  }
}
const scratch = mkdtempSync(join(tmpdir(), 'prodready-oxlint-'));
const base = { plugins: [], categories: { correctness: 'off', suspicious: 'off', pedantic: 'off', perf: 'off', style: 'off', restriction: 'off', nursery: 'off' } };
const configs = {
  'oxlint:floor': { ...base },
  'oxlint:js': { ...base, jsPlugins, rules },
};
for (const [name, config] of Object.entries(configs)) writeFileSync(join(scratch, `${name.replace(':', '-')}.json`), JSON.stringify(config, null, 2));

function runOnce(name) {
  const started = performance.now();
  const result = spawnSync(binary, ['-c', join(scratch, `${name.replace(':', '-')}.json`), '-f', 'json', ...dirs], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = performance.now() - started;
  if (result.error) throw result.error;
  try {
    return { ms, diagnostics: JSON.parse(result.stdout).diagnostics ?? [], stderr: result.stderr };
  } catch {
    throw new Error(`${name}: oxlint did not print JSON (exit ${result.status}):\n${result.stderr.slice(0, 2000)}`);
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const names = Object.keys(configs);
const times = Object.fromEntries(names.map((name) => [name, []]));
let last;
runOnce('oxlint:floor'); // warm-up
for (let round = 0; round < Number(args.runs); round += 1) {
  for (const name of [...names.slice(round % names.length), ...names.slice(0, round % names.length)]) {
    const run = runOnce(name);
    times[name].push(run.ms);
    if (name === 'oxlint:js') last = run;
  }
}

const perRule = {};
for (const diagnostic of last.diagnostics) {
  // oxlint prints `@prodready/security(no-sql-injection)`.
  const match = /^(.*)\((.*)\)$/.exec(diagnostic.code ?? '');
  const id = match ? `${match[1]}/${match[2]}` : String(diagnostic.code);
  perRule[id] = (perRule[id] ?? 0) + 1;
}
const floor = median(times['oxlint:floor']);
const result = {
  date: new Date().toISOString(),
  oxlint: version,
  dirs,
  runs: Number(args.runs),
  medianMs: Object.fromEntries(names.map((name) => [name, Math.round(median(times[name]))])),
  ratioToFloor: Math.round((median(times['oxlint:js']) / floor) * 100) / 100,
  findings: perRule,
  silentRules: Object.keys(rules).filter((id) => !perRule[id]),
};
console.log(`oxlint ${version}, ${Number(args.runs)} rounds over ${dirs.join(', ')}`);
for (const name of names) console.log(`  ${name.padEnd(14)} ${String(result.medianMs[name]).padStart(8)} ms`);
console.log(`  oxlint:js / oxlint:floor = ${result.ratioToFloor}x`);
console.log(`findings per rule: ${JSON.stringify(perRule)}`);
mkdirSync(join(BENCH, 'results'), { recursive: true });
writeFileSync(join(BENCH, 'results', 'oxlint-latest.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log('wrote bench/results/oxlint-latest.json');
