#!/usr/bin/env node
// Crash sweep (issue #11): every rule of every built prodready plugin, with its options at their
// defaults and at their most aggressive, over the JS/TS files in the repo's own node_modules.
// A rule that throws is a crash (the sweep fails); a file the parser rejects is skipped and counted.
// Fix safety on the same files: applying every autofix gives code that still parses, a second pass
// changes nothing, and no comment is lost.
//
// Usage: node scripts/sweep.mjs [--limit N] [--seed N] [--jobs N] [--max-bytes N] [--root DIR] [--json FILE]
//   --limit/--seed  lint a reproducible random sample of N files (CI: --limit 2000 --seed 1)
//   --jobs          worker threads (default: CPUs - 1, at least 1)
//   --max-bytes     skip (and count) bigger files, which are bundles (default 400000)
// Exits 1 on any crash or fix-safety failure; prints each with the file, line, rule and options.
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync, lstatSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SWEPT = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const AREAS = ['security', 'testing', 'performance', 'maintainability', 'observability'];

// ---------------------------------------------------------------------------------------------
// Pure helpers (tested in scripts/tests/sweep.test.mjs).

/** Every file under `dir` whose name matches `pattern`, sorted; follows nested node_modules, not symlinks. */
export function listFiles(dir, pattern = SWEPT) {
  const out = [];
  const walk = (current) => {
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && pattern.test(entry.name)) out.push(path);
    }
  };
  walk(dir);
  return out.sort();
}

/** A seeded pseudo-random generator (mulberry32): the same seed gives the same sample everywhere. */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `limit` items of `items` chosen by `seed` (Fisher-Yates), in their original order; all when no limit. */
export function sample(items, limit, seed = 1) {
  if (limit === undefined || limit >= items.length) return [...items];
  const next = random(seed);
  const indexes = items.map((_, index) => index);
  for (let index = indexes.length - 1; index > 0; index -= 1) {
    const other = Math.floor(next() * (index + 1));
    [indexes[index], indexes[other]] = [indexes[other], indexes[index]];
  }
  return indexes
    .slice(0, limit)
    .sort((a, b) => a - b)
    .map((index) => items[index]);
}

/**
 * The most aggressive options a rule's schema allows, derived from its defaults: every boolean
 * on (the `check*` switches widen a rule), every list empty (allow-lists and exclusions off),
 * every enum at its last value, every number at its minimum (thresholds at their strictest).
 * `undefined` when the rule has no options, or the aggressive options equal the defaults.
 */
export function aggressiveOptions(meta) {
  const schema = Array.isArray(meta.schema) ? meta.schema : [];
  if (schema.length === 0) return undefined;
  const defaults = meta.defaultOptions ?? [];
  const options = schema.map((item, index) => aggressiveValue(item, defaults[index]));
  return JSON.stringify(options) === JSON.stringify(defaults) ? undefined : options;
}

function aggressiveValue(schema, fallback) {
  if (!schema || typeof schema !== 'object') return fallback;
  if (Array.isArray(schema.enum)) return schema.enum.at(-1);
  switch (schema.type) {
    case 'boolean':
      return true;
    case 'array':
      return [];
    case 'number':
    case 'integer':
      return schema.minimum ?? fallback ?? 0;
    case 'object': {
      const value = { ...(fallback && typeof fallback === 'object' ? fallback : {}) };
      for (const [key, property] of Object.entries(schema.properties ?? {})) {
        value[key] = aggressiveValue(property, value[key]);
      }
      return value;
    }
    default:
      return fallback;
  }
}

/** The rule an ESLint crash names (`Rule: "…"`, added by ESLint 9 and 10), or `undefined`. */
export function crashedRule(error) {
  return /\nRule: "([^"]+)"/.exec(String(error?.message ?? ''))?.[1];
}

/** Comment texts of `comments` not found (as many times) in `after`: comments a fix dropped. */
export function lostComments(before, after) {
  const left = new Map();
  for (const comment of after) left.set(comment.value, (left.get(comment.value) ?? 0) + 1);
  const lost = [];
  for (const comment of before) {
    const count = left.get(comment.value) ?? 0;
    if (count === 0) lost.push(comment.value);
    else left.set(comment.value, count - 1);
  }
  return lost;
}

// ---------------------------------------------------------------------------------------------
// Worker: lints its share of the files and posts the tallies back.

async function loadRules() {
  const rules = {};
  const skipped = [];
  for (const area of AREAS) {
    const path = join(ROOT, 'packages', `eslint-plugin-${area}`, 'dist', 'index.js');
    if (!existsSync(path)) throw new Error(`packages/eslint-plugin-${area} is not built; run \`npm run build\` first.`);
    const plugin = (await import(pathToFileURL(path).href)).default;
    for (const [name, rule] of Object.entries(plugin.rules)) {
      const id = `@prodready/${area}/${name}`;
      // Type-aware rules need a TypeScript program the sweep does not build.
      if (rule.meta?.docs?.requiresTypeChecking) skipped.push(id);
      else rules[id] = { area, name, rule, plugin };
    }
  }
  return { rules, skipped };
}

function buildConfig(parser, rules, variant, filename, exclude = new Set()) {
  const plugins = {};
  const enabled = {};
  for (const [id, { area, name, rule, plugin }] of Object.entries(rules)) {
    if (exclude.has(id)) continue;
    plugins[`@prodready/${area}`] = plugin;
    const options = variant === 'aggressive' ? aggressiveOptions(rule.meta) : undefined;
    enabled[`@prodready/${area}/${name}`] = options ? ['error', ...options] : 'error';
  }
  const jsx = !/\.[cm]?ts$/.test(filename);
  return [
    // ESLint ignores node_modules by default; the sweep lints exactly there.
    { ignores: ['!**/node_modules/'] },
    {
      files: ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'],
      plugins,
      languageOptions: {
        parser,
        sourceType: filename.endsWith('.cjs') || filename.endsWith('.cts') ? 'commonjs' : 'module',
        parserOptions: { ecmaFeatures: { jsx } },
      },
      // Inline `eslint-disable` comments in packages would hide our rules from their code.
      linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
      rules: enabled,
    },
  ];
}

async function runWorker({ files, maxBytes }) {
  const { Linter } = await import('eslint');
  const tseslint = (await import('typescript-eslint')).default;
  const { rules } = await loadRules();
  const linter = new Linter({ configType: 'flat', cwd: ROOT });
  const tally = { linted: 0, parseFailures: 0, tooLarge: 0, problems: 0, fixedFiles: 0, crashes: [], fixFailures: [], slowest: [] };
  const variants = ['default', ...(Object.values(rules).some(({ rule }) => aggressiveOptions(rule.meta)) ? ['aggressive'] : [])];

  // Lints once; a crash is recorded and the file is linted again without the crashing rule, so one
  // crash does not hide another rule's.
  const verify = (code, filename, variant) => {
    const exclude = new Set();
    for (;;) {
      try {
        return linter.verify(code, buildConfig(tseslint.parser, rules, variant, filename, exclude), { filename });
      } catch (error) {
        const rule = crashedRule(error);
        const line = /\nOccurred while linting [^\n]*:(\d+)/.exec(error.message)?.[1];
        tally.crashes.push({
          rule: rule ?? '(unknown)',
          variant,
          file: relative(ROOT, filename),
          line: line ? Number(line) : undefined,
          message: error.message.split('\n')[0],
          stack: String(error.stack ?? '').split('\n').slice(1, 6).join('\n'),
        });
        if (!rule || exclude.has(rule)) return [];
        exclude.add(rule);
      }
    }
  };
  const parses = (code, filename) => !linter.verify(code, buildConfig(tseslint.parser, {}, 'default', filename), { filename }).some((message) => message.fatal);

  for (const filename of files) {
    let code;
    try {
      code = readFileSync(filename, 'utf8');
    } catch {
      continue;
    }
    if (code.length > maxBytes) {
      tally.tooLarge += 1;
      continue;
    }
    let parsed = true;
    const fileStart = performance.now();
    for (const variant of variants) {
      const messages = verify(code, filename, variant);
      if (messages.some((message) => message.fatal)) {
        tally.parseFailures += 1;
        parsed = false;
        break;
      }
      // A message without a rule that is not a parse error means the file was not linted at all
      // (no matching configuration): a broken sweep, never a silent pass.
      const unlinted = messages.find((message) => !message.ruleId && !message.message.includes('noInlineConfig'));
      if (unlinted) throw new Error(`${relative(ROOT, filename)} was not linted: ${unlinted.message}`);
      tally.problems += messages.filter((message) => message.ruleId?.startsWith('@prodready/')).length;
      if (variant !== 'default' || !messages.some((message) => message.fix)) continue;

      // Fix safety.
      const comments = linter.getSourceCode().getAllComments();
      const config = buildConfig(tseslint.parser, rules, variant, filename);
      const fail = (reason) => tally.fixFailures.push({ file: relative(ROOT, filename), variant, reason });
      let first;
      try {
        first = linter.verifyAndFix(code, config, { filename });
      } catch (error) {
        fail(`autofix threw: ${error.message.split('\n')[0]}`);
        continue;
      }
      if (!first.fixed) continue;
      tally.fixedFiles += 1;
      if (!parses(first.output, filename)) {
        fail('fixed code does not parse');
        continue;
      }
      const lost = lostComments(comments, linter.getSourceCode().getAllComments());
      if (lost.length > 0) fail(`fix lost comment(s): ${lost.map((text) => JSON.stringify(text.slice(0, 40))).join(', ')}`);
      const second = linter.verifyAndFix(first.output, config, { filename });
      if (second.fixed) fail('a second fix pass changed the code again');
    }
    if (parsed) tally.linted += 1;
    tally.slowest.push({ file: relative(ROOT, filename), bytes: code.length, ms: Math.round(performance.now() - fileStart) });
    tally.slowest = tally.slowest.sort((a, b) => b.ms - a.ms).slice(0, 10);
  }
  return tally;
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const { values: args } = parseArgs({
    options: {
      limit: { type: 'string' },
      seed: { type: 'string', default: '1' },
      jobs: { type: 'string' },
      'max-bytes': { type: 'string', default: '400000' },
      root: { type: 'string', default: join(ROOT, 'node_modules') },
      json: { type: 'string', default: join(ROOT, 'bench', 'results', 'sweep.json') },
    },
  });
  const started = performance.now();
  const { rules, skipped } = await loadRules();
  const all = listFiles(args.root).filter((file) => !lstatSync(file).isSymbolicLink());
  const files = sample(all, args.limit === undefined ? undefined : Number(args.limit), Number(args.seed));
  const jobs = Math.max(1, Math.min(Number(args.jobs ?? availableParallelism() - 1) || 1, files.length || 1));
  const maxBytes = Number(args['max-bytes']);
  const withAggressive = Object.entries(rules).filter(([, { rule }]) => aggressiveOptions(rule.meta));
  console.log(
    `sweeping ${files.length} of ${all.length} files under ${relative(ROOT, args.root) || '.'} with ${Object.keys(rules).length} rules ` +
      `(${withAggressive.length} also at aggressive options; ${skipped.length} type-aware skipped), ${jobs} worker(s)`,
  );

  const shares = Array.from({ length: jobs }, (_, job) => files.filter((_, index) => index % jobs === job));
  const tallies = await Promise.all(
    shares.map(
      (share) =>
        new Promise((resolve, reject) => {
          const worker = new Worker(new URL(import.meta.url), { workerData: { role: 'sweep-worker', files: share, maxBytes } });
          worker.once('message', resolve);
          worker.once('error', reject);
        }),
    ),
  );
  const total = { linted: 0, parseFailures: 0, tooLarge: 0, problems: 0, fixedFiles: 0, crashes: [], fixFailures: [], slowest: [] };
  for (const tally of tallies) {
    for (const key of ['linted', 'parseFailures', 'tooLarge', 'problems', 'fixedFiles']) total[key] += tally[key];
    total.crashes.push(...tally.crashes);
    total.fixFailures.push(...tally.fixFailures);
    total.slowest = [...total.slowest, ...tally.slowest].sort((a, b) => b.ms - a.ms).slice(0, 10);
  }
  const seconds = (performance.now() - started) / 1000;

  console.log(
    `linted ${total.linted} files, ${total.problems} findings; skipped ${total.parseFailures} unparsable and ${total.tooLarge} over ${maxBytes} bytes; ` +
      `${total.fixedFiles} files autofixed; ${seconds.toFixed(1)} s`,
  );
  console.log('slowest files (all variants):');
  for (const entry of total.slowest) console.log(`  ${String(entry.ms).padStart(6)} ms ${String(entry.bytes).padStart(7)} B  ${entry.file}`);
  console.log(`rule crashes: ${total.crashes.length}`);
  for (const crash of total.crashes) {
    console.log(`  ${crash.rule} [${crash.variant}] ${crash.file}${crash.line ? `:${crash.line}` : ''}\n    ${crash.message}\n${crash.stack.replace(/^/gm, '      ')}`);
  }
  console.log(`fix-safety failures: ${total.fixFailures.length}`);
  for (const failure of total.fixFailures) console.log(`  ${failure.file} [${failure.variant}]: ${failure.reason}`);

  mkdirSync(dirname(args.json), { recursive: true });
  writeFileSync(
    args.json,
    JSON.stringify(
      { date: new Date().toISOString(), seed: Number(args.seed), limit: args.limit ? Number(args.limit) : null, available: all.length, swept: files.length, rules: Object.keys(rules), skippedTypeAware: skipped, seconds, ...total },
      null,
      2,
    ),
  );
  console.log(`wrote ${relative(ROOT, args.json)}`);
  if (total.crashes.length > 0 || total.fixFailures.length > 0) process.exitCode = 1;
}

if (!isMainThread && workerData?.role === 'sweep-worker') {
  parentPort.postMessage(await runWorker(workerData));
} else if (isMainThread && process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
