#!/usr/bin/env node
// Crash sweep (issue #11): every rule of every built prodready plugin, with its options at their
// defaults and at their most aggressive, over the JS/TS files in the repo's own node_modules.
// A rule that throws is a crash (the sweep fails); a file the parser rejects is skipped and counted.
// Both option variants run in ONE lint per file: a rule with aggressive options is registered a
// second time under the `@prodready-aggressive/<area>` namespace, so each file is parsed once.
// With --fix, fix safety on the same files: applying every autofix gives code that still parses, a
// second pass changes nothing, and no comment is lost; each suggestion applied alone still parses
// and keeps every comment. A failure is reduced to a minimal repro (the imports plus the one
// top-level statement) when it still shows there.
//
// Usage: node scripts/sweep.mjs [--limit N] [--seed N] [--jobs N] [--max-bytes N] [--root DIR] [--json FILE] [--fix]
//   --limit/--seed  lint a reproducible random sample of N files (CI: `npm run sweep:ci`, docs/reliability.md)
//   --jobs          worker threads (default: CPUs - 1, at least 1); 1 lints in this process, no worker
//   --max-bytes     skip (and count) bigger files, which are bundles (default 400000)
//   --fix           also check fix safety (autofixes and suggestions)
// Exits 1 on any crash or fix-safety failure; prints each with the file, line, rule and options.
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync, lstatSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
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

/** `code` with one fix (`{ range, text }`) applied: how ESLint applies a suggestion. */
export function applyFix(code, fix) {
  return code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);
}

/**
 * A smaller program that may still show a problem at `line`: the top-level import and `require`
 * declarations (the rules resolve callees through them) plus the top-level statement spanning `line`.
 * `undefined` when that is the whole program anyway or no statement spans the line.
 */
export function reduceToStatement(ast, code, line) {
  const body = ast?.body ?? [];
  const target = body.find((statement) => statement.loc.start.line <= line && line <= statement.loc.end.line);
  if (!target) return undefined;
  const kept = body.filter((statement) => statement === target || isModuleDeclaration(statement));
  if (kept.length === body.length) return undefined;
  return `${kept.map((statement) => code.slice(statement.range[0], statement.range[1])).join('\n')}\n`;
}

function isModuleDeclaration(statement) {
  if (statement.type === 'ImportDeclaration' || statement.type === 'TSImportEqualsDeclaration') return true;
  return (
    statement.type === 'VariableDeclaration' &&
    statement.declarations.some((declarator) => declarator.init?.type === 'CallExpression' && declarator.init.callee.type === 'Identifier' && declarator.init.callee.name === 'require')
  );
}

/** The variant a configured rule id belongs to. */
export function variantOf(ruleId) {
  return ruleId?.startsWith(`${AGGRESSIVE}/`) ? 'aggressive' : 'default';
}

// ---------------------------------------------------------------------------------------------
// Worker: lints its share of the files and posts the tallies back.

// A rule with aggressive options is registered again under this namespace, so one lint per file
// covers both variants (parsing and scope analysis once, not twice).
const AGGRESSIVE = '@prodready-aggressive';

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
      if (rule.meta?.docs?.requiresTypeChecking) {
        skipped.push(id);
        continue;
      }
      rules[id] = { area, name, rule, plugin, options: undefined };
      const aggressive = aggressiveOptions(rule.meta);
      if (aggressive) rules[`${AGGRESSIVE}/${area}/${name}`] = { area, name, rule, plugin, options: aggressive };
    }
  }
  return { rules, skipped };
}

/** A flat config enabling `rules` (ids as keys; `only` narrows them, `exclude` drops some) for `filename`. */
function buildConfig(parser, rules, filename, { exclude, only } = {}) {
  const plugins = {};
  const enabled = {};
  for (const [id, { plugin, options }] of Object.entries(rules)) {
    if (exclude?.has(id) || (only && !only.has(id))) continue;
    plugins[id.slice(0, id.lastIndexOf('/'))] = plugin;
    enabled[id] = options ? ['error', ...options] : 'error';
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

async function runWorker({ files, maxBytes, fix, cwd = ROOT }) {
  const { Linter } = await import('eslint');
  const tseslint = (await import('typescript-eslint')).default;
  const { rules } = await loadRules();
  // Flat config matches files under its cwd only: a --root outside the repo is its own cwd.
  const linter = new Linter({ configType: 'flat', cwd });
  const tally = { linted: 0, parseFailures: 0, tooLarge: 0, problems: 0, fixedFiles: 0, suggestionsChecked: 0, crashes: [], fixFailures: [], slowest: [] };
  const config = (filename, scope) => buildConfig(tseslint.parser, rules, filename, scope);

  // Lints once; a crash is recorded and the file is linted again without the crashing rule, so one
  // crash does not hide another rule's.
  const verify = (code, filename) => {
    const exclude = new Set();
    for (;;) {
      try {
        return linter.verify(code, config(filename, { exclude }), { filename });
      } catch (error) {
        const rule = crashedRule(error);
        const line = /\nOccurred while linting [^\n]*:(\d+)/.exec(error.message)?.[1];
        tally.crashes.push({
          rule: rule?.replace(AGGRESSIVE, '@prodready') ?? '(unknown)',
          variant: variantOf(rule),
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
  // Comments of `code` when it parses, `undefined` when it does not.
  const parse = (code, filename) => {
    const messages = linter.verify(code, buildConfig(tseslint.parser, {}, filename), { filename });
    return messages.some((message) => message.fatal) ? undefined : linter.getSourceCode().getAllComments();
  };

  // Fix-safety problems of `code` with the rules in `only`: [{ rule, line, reason }].
  const checkFixes = (code, filename, messages, comments, only) => {
    const found = [];
    for (const message of messages) {
      for (const suggestion of message.suggestions ?? []) {
        tally.suggestionsChecked += 1;
        const after = parse(applyFix(code, suggestion.fix), filename);
        const where = { rule: message.ruleId, line: message.line };
        if (!after) found.push({ ...where, reason: `suggestion "${suggestion.desc}" gives code that does not parse` });
        else {
          const lost = lostComments(comments, after);
          if (lost.length > 0) found.push({ ...where, reason: `suggestion "${suggestion.desc}" lost comment(s): ${formatComments(lost)}` });
        }
      }
    }
    const fixable = [...new Set(messages.filter((message) => message.fix).map((message) => message.ruleId))];
    // Each rule's autofixes alone, so a failure names its rule; then all together, as `eslint --fix` does.
    for (const group of [...fixable.map((rule) => new Set([rule])), ...(fixable.length > 1 ? [new Set(fixable)] : [])]) {
      if (only && [...group].some((rule) => !only.has(rule))) continue;
      const rule = [...group].join(' + ');
      const line = messages.find((message) => message.fix && group.has(message.ruleId))?.line;
      let first;
      try {
        first = linter.verifyAndFix(code, config(filename, { only: group }), { filename });
      } catch (error) {
        found.push({ rule, line, reason: `autofix threw: ${error.message.split('\n')[0]}` });
        continue;
      }
      if (!first.fixed) continue;
      const after = parse(first.output, filename);
      if (!after) {
        found.push({ rule, line, reason: 'autofixed code does not parse' });
        continue;
      }
      const lost = lostComments(comments, after);
      if (lost.length > 0) found.push({ rule, line, reason: `autofix lost comment(s): ${formatComments(lost)}` });
      const second = linter.verifyAndFix(first.output, config(filename, { only: group }), { filename });
      if (second.fixed) found.push({ rule, line, reason: 'a second autofix pass changed the code again' });
    }
    return found;
  };

  // The smallest code (imports + one statement) on which `failure` still shows, or the whole file.
  const getRepro = (code, filename, ast, failure) => {
    const reduced = failure.line ? reduceToStatement(ast, code, failure.line) : undefined;
    if (reduced) {
      const only = new Set(failure.rule.split(' + '));
      const messages = linter.verify(reduced, config(filename, { only }), { filename });
      if (!messages.some((message) => message.fatal)) {
        const comments = linter.getSourceCode().getAllComments();
        if (checkFixes(reduced, filename, messages, comments, only).some((found) => found.reason === failure.reason)) return reduced;
      }
    }
    return code;
  };

  const lintFile = (filename) => {
    let code;
    try {
      code = readFileSync(filename, 'utf8');
    } catch {
      return;
    }
    if (code.length > maxBytes) {
      tally.tooLarge += 1;
      return;
    }
    const fileStart = performance.now();
    const messages = verify(code, filename);
    if (messages.some((message) => message.fatal)) {
      tally.parseFailures += 1;
      return;
    }
    // A message without a rule that is not a parse error means the file was not linted at all
    // (no matching configuration): a broken sweep, never a silent pass.
    const unlinted = messages.find((message) => !message.ruleId && !message.message.includes('noInlineConfig'));
    if (unlinted) throw new Error(`${relative(ROOT, filename)} was not linted: ${unlinted.message}`);
    tally.linted += 1;
    tally.problems += messages.filter((message) => message.ruleId?.startsWith('@prodready')).length;

    if (fix && messages.some((message) => message.fix || message.suggestions?.length)) {
      const sourceCode = linter.getSourceCode();
      const ast = sourceCode.ast;
      const comments = sourceCode.getAllComments();
      const found = checkFixes(code, filename, messages, comments);
      if (messages.some((message) => message.fix)) tally.fixedFiles += 1;
      for (const failure of found) {
        tally.fixFailures.push({
          rule: failure.rule.replaceAll(AGGRESSIVE, '@prodready'),
          variant: variantOf(failure.rule),
          file: relative(ROOT, filename),
          line: failure.line,
          reason: failure.reason,
          repro: getRepro(code, filename, ast, failure).slice(0, 4000),
        });
      }
    }
    tally.slowest.push({ file: relative(ROOT, filename), bytes: code.length, ms: Math.round(performance.now() - fileStart) });
    tally.slowest = tally.slowest.sort((a, b) => b.ms - a.ms).slice(0, 10);
  };

  for (const [index, filename] of files.entries()) {
    lintFile(filename);
    // Progress on stderr, so a long sweep shows how far it got.
    if ((index + 1) % 250 === 0) console.error(`  ${index + 1}/${files.length} files, ${tally.crashes.length} crashes, ${tally.fixFailures.length} fix failures`);
  }
  return tally;
}

function formatComments(texts) {
  return texts.map((text) => JSON.stringify(text.slice(0, 40))).join(', ');
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
      fix: { type: 'boolean', default: false },
    },
  });
  const started = performance.now();
  const { rules, skipped } = await loadRules();
  const all = listFiles(args.root).filter((file) => !lstatSync(file).isSymbolicLink());
  const files = sample(all, args.limit === undefined ? undefined : Number(args.limit), Number(args.seed));
  const jobs = Math.max(1, Math.min(Number(args.jobs ?? availableParallelism() - 1) || 1, files.length || 1));
  const maxBytes = Number(args['max-bytes']);
  const ruleIds = Object.keys(rules);
  const withAggressive = ruleIds.filter((id) => variantOf(id) === 'aggressive');
  console.log(
    `sweeping ${files.length} of ${all.length} files under ${relative(ROOT, args.root) || '.'} with ${ruleIds.length - withAggressive.length} rules ` +
      `(${withAggressive.length} also at aggressive options; ${skipped.length} type-aware skipped), ${jobs === 1 ? 'in this process' : `${jobs} workers`}` +
      `${args.fix ? ', checking fix safety' : ''}`,
  );

  const shares = Array.from({ length: jobs }, (_, job) => files.filter((_, index) => index % jobs === job));
  const root = resolve(args.root);
  const work = { maxBytes, fix: args.fix, cwd: relative(ROOT, root).startsWith('..') ? root : ROOT };
  const tallies =
    jobs === 1
      ? [await runWorker({ ...work, files })]
      : await Promise.all(
          shares.map(
            (share) =>
              new Promise((resolve, reject) => {
                const worker = new Worker(new URL(import.meta.url), { workerData: { role: 'sweep-worker', ...work, files: share } });
                worker.once('message', resolve);
                worker.once('error', reject);
              }),
          ),
        );
  const counts = ['linted', 'parseFailures', 'tooLarge', 'problems', 'fixedFiles', 'suggestionsChecked'];
  const total = { linted: 0, parseFailures: 0, tooLarge: 0, problems: 0, fixedFiles: 0, suggestionsChecked: 0, crashes: [], fixFailures: [], slowest: [] };
  for (const tally of tallies) {
    for (const key of counts) total[key] += tally[key];
    total.crashes.push(...tally.crashes);
    total.fixFailures.push(...tally.fixFailures);
    total.slowest = [...total.slowest, ...tally.slowest].sort((a, b) => b.ms - a.ms).slice(0, 10);
  }
  const seconds = (performance.now() - started) / 1000;

  console.log(
    `linted ${total.linted} files, ${total.problems} findings; skipped ${total.parseFailures} unparsable and ${total.tooLarge} over ${maxBytes} bytes; ` +
      (args.fix ? `${total.fixedFiles} files autofixed, ${total.suggestionsChecked} suggestions applied; ` : '') +
      `${seconds.toFixed(1)} s`,
  );
  console.log('slowest files:');
  for (const entry of total.slowest) console.log(`  ${String(entry.ms).padStart(6)} ms ${String(entry.bytes).padStart(7)} B  ${entry.file}`);
  console.log(`rule crashes: ${total.crashes.length}`);
  for (const crash of total.crashes) {
    console.log(`  ${crash.rule} [${crash.variant}] ${crash.file}${crash.line ? `:${crash.line}` : ''}\n    ${crash.message}\n${crash.stack.replace(/^/gm, '      ')}`);
  }
  if (args.fix) console.log(`fix-safety failures: ${total.fixFailures.length}`);
  for (const failure of total.fixFailures) {
    console.log(`  ${failure.rule} [${failure.variant}] ${failure.file}:${failure.line ?? '?'}: ${failure.reason}\n    repro:\n${failure.repro.replace(/^/gm, '      ')}`);
  }

  mkdirSync(dirname(args.json), { recursive: true });
  writeFileSync(
    args.json,
    JSON.stringify(
      { date: new Date().toISOString(), seed: Number(args.seed), limit: args.limit ? Number(args.limit) : null, available: all.length, swept: files.length, fix: args.fix, maxBytes, rules: ruleIds, skippedTypeAware: skipped, seconds, ...total },
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
