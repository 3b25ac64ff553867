#!/usr/bin/env node
// prodready's lint-time benchmark (issue #11). Not part of the test suite: `npm run bench`.
//
// In ONE process, paired and interleaved (each round runs every configuration, in a rotated
// order), the median of >= 5 rounds of:
//   floor        a zero-rule ESLint run with the same parser (typescript-eslint's, JSX on for JS)
//   <area>       each plugin's `recommended` alone
//   meta         the full non-typed `prodready()` config (packages/prodready/dist)
//   typed        `prodready({ typeChecked: true })` (only with --typed)
//   depcruise:*  the dependency-cruiser presets over the same folders (cold: no cache)
// plus per-rule time (ESLint `stats`), peak memory (a fresh child process per configuration),
// plugin load time (fresh child processes) and growth at 1x/2x/4x the corpus.
//
// Usage: node bench/run.mjs [--runs 5] [--quick] [--every N] [--typed] [--no-memory] [--no-growth] [--no-depcruise] [--no-assert]
// Prints a table and budget pass/fail lines, writes bench/results/latest.json (+ a timestamped copy),
// and exits 1 when a budget is missed (unless --no-assert).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = join(BENCH, '..');
const CORPUS_DIR = join(BENCH, '.corpus');
const RESULTS_DIR = join(BENCH, 'results');
const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const DECLARATION = /\.d\.[cm]?ts$/;
const AREAS = ['security', 'testing', 'performance', 'maintainability', 'observability'];

/** Budgets from issue #11. */
export const BUDGETS = {
  metaRatio: 1.3, // full non-typed meta config <= 1.3x floor
  ruleShare: 0.02, // no single rule > 2% of the floor
  memoryRatio: 1.3, // peak memory <= 1.3x the floor run
  pluginLoadMs: 300, // loading all plugins <= 300 ms
  depcruiseRatio: 1.0, // dependency-cruiser presets cold <= 1.0x floor
  growth: 1.25, // time per file at 4x <= 1.25x the time per file at 1x
};

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    quick: { type: 'boolean', default: false },
    typed: { type: 'boolean', default: false },
    'no-memory': { type: 'boolean', default: false },
    'no-growth': { type: 'boolean', default: false },
    'no-depcruise': { type: 'boolean', default: false },
    'no-assert': { type: 'boolean', default: false },
    // Lint every Nth corpus file only (a smaller, still spread-out corpus for a busy machine).
    every: { type: 'string', default: '1' },
    // Internal: a child process that lints once with one configuration and prints its peak memory.
    'child-memory': { type: 'string' },
    'child-load': { type: 'boolean', default: false },
  },
});

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const ms = (value) => `${value.toFixed(0)} ms`;
const ratio = (value) => `${value.toFixed(2)}x`;

// ---------------------------------------------------------------------------------------------
// Corpus: npm pack <name>@<version> into bench/.corpus/<slug>, keeping the `include` prefixes.

function readCorpusSpec() {
  return JSON.parse(readFileSync(join(BENCH, 'corpus.json'), 'utf8'));
}

const slug = ({ name, version }) => `${name.replace('@', '').replace('/', '__')}@${version}`;

function fetchCorpus(spec) {
  const tarballs = join(CORPUS_DIR, '.tarballs');
  mkdirSync(tarballs, { recursive: true });
  for (const pkg of spec.packages) {
    const target = join(CORPUS_DIR, slug(pkg));
    if (existsSync(join(target, '.complete'))) continue;
    rmSync(target, { recursive: true, force: true });
    process.stderr.write(`fetching ${pkg.name}@${pkg.version}\n`);
    const out = execFileSync('npm', ['pack', `${pkg.name}@${pkg.version}`, '--json', '--pack-destination', tarballs], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const [{ filename, integrity }] = JSON.parse(out);
    pkg.integrity = integrity;
    mkdirSync(target, { recursive: true });
    execFileSync('tar', ['xzf', join(tarballs, filename), '-C', target, '--strip-components=1']);
    writeFileSync(join(target, '.complete'), `${integrity}\n`);
  }
  for (const pkg of spec.packages) pkg.integrity ??= readFileSync(join(CORPUS_DIR, slug(pkg), '.complete'), 'utf8').trim();
}

function listSources(dir) {
  if (!existsSync(dir)) return [];
  if (statSync(dir).isFile()) return SOURCE.test(dir) && !DECLARATION.test(dir) ? [dir] : [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) return [];
    return listSources(join(dir, entry.name));
  });
}

/** Absolute paths of the corpus files under `base` (a copy of bench/.corpus for the growth runs). */
function corpusFiles(spec, base = CORPUS_DIR) {
  const every = Math.max(Number(args.every) || 1, 1);
  return spec.packages
    .flatMap((pkg) => pkg.include.flatMap((prefix) => listSources(join(base, slug(pkg), prefix))))
    .sort()
    .filter((_, index) => index % every === 0);
}

// ---------------------------------------------------------------------------------------------
// Configurations. Every one starts from the same parser setup, so the floor is exactly the parse.

async function loadTools() {
  const { ESLint } = await import('eslint');
  const tseslint = (await import('typescript-eslint')).default;
  const plugins = {};
  for (const area of AREAS) {
    const path = join(ROOT, 'packages', `eslint-plugin-${area}`, 'dist', 'index.js');
    if (!existsSync(path)) throw new Error(`packages/eslint-plugin-${area} is not built; run \`npm run build\` first.`);
    plugins[area] = (await import(pathToFileURL(path).href)).default;
  }
  const metaPath = join(ROOT, 'packages', 'prodready', 'dist', 'index.js');
  if (!existsSync(metaPath)) throw new Error('packages/prodready is not built; run `npm run build` first.');
  const { prodready } = await import(pathToFileURL(metaPath).href);
  const kit = await import(pathToFileURL(join(ROOT, 'packages', 'eslint-rule-kit', 'dist', 'index.js')).href);
  return { ESLint, tseslint, plugins, prodready, kit };
}

const GLOB_ALL = '**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}';

function parserSetup(tseslint, factsFile) {
  return [
    { name: 'bench/settings', settings: { prodready: { factsFile } } },
    {
      name: 'bench/js',
      files: ['**/*.{js,jsx,mjs,cjs}'],
      languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
    },
    { name: 'bench/ts', files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tseslint.parser } },
    // Corpus code carries its own eslint-disable comments for rules that are not loaded here.
    { name: 'bench/linter', linterOptions: { reportUnusedDisableDirectives: 'off' } },
  ];
}

function eslintConfigs(tools, factsFile, { typed }) {
  const { tseslint, plugins, prodready } = tools;
  const setup = parserSetup(tseslint, factsFile);
  const configs = { floor: setup };
  for (const area of AREAS) configs[area] = [...setup, { ...plugins[area].configs.recommended, files: [GLOB_ALL] }];
  configs.meta = [setup[0], ...prodready({ cwd: ROOT }), setup[3]];
  if (typed) configs.typed = [setup[0], ...prodready({ cwd: ROOT, typeChecked: true }), setup[3]];
  return configs;
}

async function depcruiseRunners(targets) {
  const { cruise } = await import('dependency-cruiser');
  const runners = {};
  for (const name of ['architecture', 'coherence']) {
    const path = join(ROOT, 'packages', `dependency-cruiser-preset-${name}`, 'index.mjs');
    const preset = (await import(pathToFileURL(path).href)).default;
    runners[`depcruise:${name}`] = async () => {
      const { output } = await cruise(targets, {
        ...preset.options,
        baseDir: ROOT,
        validate: true,
        ruleSet: { forbidden: preset.forbidden },
        cache: false,
      });
      return output.summary.violations.length;
    };
  }
  return runners;
}

function summarize(results) {
  let problems = 0;
  let fatal = 0;
  const rules = {};
  for (const result of results) {
    for (const message of result.messages) {
      if (message.fatal) fatal += 1;
      else problems += 1;
    }
    for (const pass of result.stats?.times?.passes ?? []) {
      for (const [rule, { total }] of Object.entries(pass.rules ?? {})) rules[rule] = (rules[rule] ?? 0) + total;
    }
  }
  return { problems, fatal, rules };
}

// ---------------------------------------------------------------------------------------------
// Child processes: peak memory of one configuration, cold plugin load time.

async function childMemory(name) {
  const spec = readCorpusSpec();
  const files = [...corpusFiles(spec), ...spec.examples.flatMap((dir) => listSources(join(ROOT, dir)))];
  const tools = await loadTools();
  if (name.startsWith('depcruise:')) {
    const runners = await depcruiseRunners(targetsOf(spec));
    await runners[name]();
  } else {
    const configs = eslintConfigs(tools, join(CORPUS_DIR, '.facts.json'), { typed: name === 'typed' });
    const eslint = new tools.ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: configs[name] });
    await eslint.lintFiles(files);
  }
  // maxRSS is in kilobytes.
  process.stdout.write(JSON.stringify({ maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}

async function childLoad() {
  const start = performance.now();
  for (const area of AREAS) {
    await import(pathToFileURL(join(ROOT, 'packages', `eslint-plugin-${area}`, 'dist', 'index.js')).href);
  }
  const plugins = performance.now() - start;
  await import(pathToFileURL(join(ROOT, 'packages', 'prodready', 'dist', 'index.js')).href);
  const meta = performance.now() - start;
  process.stdout.write(JSON.stringify({ plugins, meta }));
}

/** Runs this script in a fresh process; retries once (a parallel build can swap dist files mid-import). */
function runChild(flags, attempt = 1) {
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), ...flags], { cwd: ROOT, encoding: 'utf8' });
  if (child.status === 0) return JSON.parse(child.stdout);
  if (attempt < 2) return runChild(flags, attempt + 1);
  throw new Error(`bench child ${flags.join(' ')} failed:\n${child.stderr}`);
}

const targetsOf = (spec) => [
  ...spec.packages.map((pkg) => relative(ROOT, join(CORPUS_DIR, slug(pkg)))),
  ...spec.examples,
];

// ---------------------------------------------------------------------------------------------

async function main() {
  const runs = args.quick ? 3 : Math.max(Number(args.runs), 1);
  const spec = readCorpusSpec();
  fetchCorpus(spec);
  const corpus = corpusFiles(spec);
  const examples = spec.examples.flatMap((dir) => listSources(join(ROOT, dir)));
  const files = [...corpus, ...examples];

  const tools = await loadTools();

  // The project-facts pre-pass, as the CLI runs it before ESLint; timed on its own.
  const factsFile = join(CORPUS_DIR, '.facts.json');
  const factsStart = performance.now();
  const facts = tools.kit.collectProjectFacts({ root: CORPUS_DIR, files: corpus, parser: tools.tseslint.parser });
  const factsMs = performance.now() - factsStart;
  writeFileSync(factsFile, JSON.stringify(facts));

  const configs = eslintConfigs(tools, factsFile, { typed: args.typed });
  const engines = Object.fromEntries(
    Object.entries(configs).map(([name, overrideConfig]) => [
      name,
      new tools.ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig, stats: true }),
    ]),
  );
  const depcruise = args['no-depcruise'] ? {} : await depcruiseRunners(targetsOf(spec));
  const names = [...Object.keys(engines), ...Object.keys(depcruise)];
  const times = Object.fromEntries(names.map((name) => [name, []]));
  const ruleTimes = {};
  const counts = {};

  const runOnce = async (name) => {
    const start = performance.now();
    if (engines[name]) {
      const results = await engines[name].lintFiles(files);
      const elapsed = performance.now() - start;
      const summary = summarize(results);
      counts[name] = { files: results.length, problems: summary.problems, fatal: summary.fatal };
      for (const [rule, total] of Object.entries(summary.rules)) (ruleTimes[rule] ??= []).push(total);
      return elapsed;
    }
    const violations = await depcruise[name]();
    counts[name] = { violations };
    return performance.now() - start;
  };

  process.stderr.write(`warming up (${files.length} files, ${names.length} configurations)\n`);
  for (const name of names) process.stderr.write(`  warm-up ${name} ${ms(await runOnce(name))}\n`);
  for (const rule of Object.keys(ruleTimes)) ruleTimes[rule] = [];
  for (let round = 0; round < runs; round += 1) {
    process.stderr.write(`round ${round + 1}/${runs}\n`);
    const order = names.map((_, index) => names[(index + round) % names.length]);
    for (const name of order) times[name].push(await runOnce(name));
    // Progress, so an interrupted run still shows its rounds.
    process.stderr.write(`  ${names.map((name) => `${name} ${ms(times[name].at(-1))}`).join(', ')}\n`);
  }

  const floor = median(times.floor);
  const rows = names.map((name) => {
    const paired = times[name].map((value, round) => value / times.floor[round]);
    return { name, medianMs: median(times[name]), ratio: median(paired), runsMs: times[name], ...counts[name] };
  });
  const rules = Object.entries(ruleTimes)
    .map(([rule, values]) => ({ rule, medianMs: median(values), shareOfFloor: median(values) / floor }))
    .sort((a, b) => b.medianMs - a.medianMs);

  // Peak memory: a fresh process per configuration, so one run's heap does not hide another's.
  let memory;
  if (!args['no-memory']) {
    process.stderr.write('measuring peak memory\n');
    memory = Object.fromEntries(names.map((name) => [name, runChild(['--child-memory', name, '--every', args.every]).maxRssMb]));
  }

  process.stderr.write('measuring plugin load time\n');
  const loads = Array.from({ length: 5 }, () => runChild(['--child-load']));
  const load = { pluginsMs: median(loads.map((entry) => entry.plugins)), metaMs: median(loads.map((entry) => entry.meta)) };

  // Growth: the corpus copied 1x/2x/4x, linted with the meta config; time per file must stay flat.
  let growth;
  if (!args['no-growth']) {
    process.stderr.write('measuring growth 1x/2x/4x\n');
    const copies = [1, 2, 3, 4].map((index) => {
      const dir = join(CORPUS_DIR, '.growth', `x${index}`);
      if (!existsSync(join(dir, '.complete'))) {
        rmSync(dir, { recursive: true, force: true });
        for (const pkg of spec.packages) cpSync(join(CORPUS_DIR, slug(pkg)), join(dir, slug(pkg)), { recursive: true });
        writeFileSync(join(dir, '.complete'), '');
      }
      return corpusFiles(spec, dir);
    });
    const eslint = new tools.ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: configs.meta });
    growth = [];
    for (const scale of [1, 2, 4]) {
      const scaled = copies.slice(0, scale).flat();
      const samples = [];
      for (let round = 0; round < Math.min(runs, 3); round += 1) {
        const start = performance.now();
        await eslint.lintFiles(scaled);
        samples.push(performance.now() - start);
      }
      growth.push({ scale, files: scaled.length, medianMs: median(samples), perFileMs: median(samples) / scaled.length });
    }
  }

  // Budgets.
  const budgets = [];
  const check = (name, pass, detail) => budgets.push({ name, pass, detail });
  const meta = rows.find((row) => row.name === 'meta');
  check('meta config <= 1.3x floor', meta.ratio <= BUDGETS.metaRatio, `${ratio(meta.ratio)}`);
  const worst = rules[0];
  check(
    'no single rule > 2% of floor',
    !worst || worst.shareOfFloor <= BUDGETS.ruleShare,
    worst ? `worst ${worst.rule} ${(worst.shareOfFloor * 100).toFixed(2)}%` : 'no rule ran',
  );
  if (memory) {
    const memoryRatio = memory.meta / memory.floor;
    check('peak memory (meta) <= 1.3x floor', memoryRatio <= BUDGETS.memoryRatio, `${memory.meta.toFixed(0)} MB vs ${memory.floor.toFixed(0)} MB = ${ratio(memoryRatio)}`);
  }
  check('loading all plugins <= 300 ms', load.pluginsMs <= BUDGETS.pluginLoadMs, ms(load.pluginsMs));
  for (const row of rows.filter((entry) => entry.name.startsWith('depcruise:'))) {
    check(`${row.name} cold <= 1.0x floor`, row.ratio <= BUDGETS.depcruiseRatio, ratio(row.ratio));
  }
  if (growth) {
    const flat = growth.at(-1).perFileMs / growth[0].perFileMs;
    check('time per file flat at 4x (<= 1.25x of 1x)', flat <= BUDGETS.growth, ratio(flat));
  }

  // Report.
  console.log(`\nprodready bench: ${files.length} files (${corpus.length} corpus + ${examples.length} examples), median of ${runs} interleaved rounds`);
  console.log(`corpus: ${spec.packages.map((pkg) => `${pkg.name}@${pkg.version}`).join(', ')}`);
  console.log(`node ${process.version}, eslint ${tools.ESLint.version}; facts pre-pass ${ms(factsMs)}\n`);
  console.log(`${'configuration'.padEnd(26)}${'median'.padStart(10)}${'x floor'.padStart(9)}${'peak MB'.padStart(9)}  findings`);
  for (const row of rows) {
    const findings = row.violations === undefined ? `${row.problems} (${row.fatal} unparsable)` : `${row.violations} violations`;
    const peak = memory ? memory[row.name].toFixed(0) : '-';
    console.log(`${row.name.padEnd(26)}${ms(row.medianMs).padStart(10)}${ratio(row.ratio).padStart(9)}${peak.padStart(9)}  ${findings}`);
  }
  console.log(`\nper rule (median total over all files, share of the ${ms(floor)} floor):`);
  for (const { rule, medianMs, shareOfFloor } of rules) {
    console.log(`  ${rule.padEnd(58)}${medianMs.toFixed(1).padStart(8)} ms${(shareOfFloor * 100).toFixed(2).padStart(7)}%`);
  }
  console.log(`\nplugin load (cold, fresh process): all plugins ${ms(load.pluginsMs)}, plus meta ${ms(load.metaMs)}`);
  if (growth) {
    console.log('growth (meta config):');
    for (const entry of growth) console.log(`  ${entry.scale}x ${String(entry.files).padStart(5)} files ${ms(entry.medianMs).padStart(9)} ${entry.perFileMs.toFixed(2)} ms/file`);
  }
  console.log('\nbudgets:');
  for (const budget of budgets) console.log(`  ${budget.pass ? 'PASS' : 'FAIL'}  ${budget.name}: ${budget.detail}`);

  const report = {
    date: new Date().toISOString(),
    node: process.version,
    eslint: tools.ESLint.version,
    runs,
    corpus: spec.packages.map(({ name, version, include, integrity }) => ({ name, version, include, integrity })),
    examples: spec.examples,
    files: { corpus: corpus.length, examples: examples.length },
    factsMs,
    configurations: rows,
    rules,
    memoryMb: memory,
    load,
    growth,
    budgets,
  };
  mkdirSync(RESULTS_DIR, { recursive: true });
  const json = JSON.stringify(report, null, 2);
  writeFileSync(join(RESULTS_DIR, 'latest.json'), json);
  writeFileSync(join(RESULTS_DIR, `${report.date.replaceAll(':', '-')}.json`), json);
  console.log(`\nwrote ${relative(ROOT, join(RESULTS_DIR, 'latest.json'))}`);
  if (!args['no-assert'] && budgets.some((budget) => !budget.pass)) process.exitCode = 1;
}

if (args['child-memory']) await childMemory(args['child-memory']);
else if (args['child-load']) await childLoad();
else await main();
