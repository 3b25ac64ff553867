// A baseline of known violations that cannot rot. Counts are kept per module and rule (the shape of
// ESLint's bulk suppressions), so moving code around does not invalidate them, and they only go
// down: an entry with fewer findings than recorded, or none, fails until the baseline is tightened,
// so a fixed violation cannot come back unnoticed. Exceptions name one finding, with a reason and an
// optional expiry date after which the finding counts again.
import { describeKnot } from './knots.mjs';

/** Per-edge cycle rules: their findings are replaced by one finding per knot member (`knot-*`). */
const CYCLE_RULES = new Set(['no-circular-runtime', 'no-circular-type-only']);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The findings of a cruise as baseline entries: every violation except the per-edge cycle rules,
 * plus one `knot-runtime`/`knot-type-only` finding per module of each knot (so a knot that grows
 * shows as new findings), plus any post-pass findings (`extra`, such as the coherence proposals').
 * Sorted by rule, from, to.
 * @param {{ output: unknown } | object} result `cruise()`'s result or its output
 * @param {{ knots?: ReadonlyArray<{ kind: string, modules: readonly string[], edgeCount: number, cut: ReadonlyArray<{ from: string, to: string }> }>, extra?: ReadonlyArray<{ rule: string, from: string, to?: string, message?: string }> }} [options]
 * @returns {Array<{ rule: string, from: string, to?: string, message?: string }>}
 */
export function getFindings(result, options = {}) {
  const output = result && typeof result === 'object' && 'output' in result ? result.output : result;
  const violations = output?.summary?.violations ?? [];
  const findings = violations
    .filter(({ rule }) => !CYCLE_RULES.has(rule.name) && rule.severity !== 'ignore')
    .map(({ rule, from, to }) => (from === to ? { rule: rule.name, from } : { rule: rule.name, from, to }));
  for (const knot of options.knots ?? []) {
    const message = describeKnot(knot);
    for (const module of knot.modules) findings.push({ rule: `knot-${knot.kind}`, from: module, message });
  }
  findings.push(...(options.extra ?? []));
  return findings.sort(compareFindings);
}

/**
 * A baseline accepting every finding: counts per module and rule, no exceptions.
 * @param {ReadonlyArray<{ rule: string, from: string }>} findings
 */
export function createBaseline(findings) {
  return { version: 1, counts: toCounts(findings), exceptions: [] };
}

/**
 * Compares the current findings with a baseline.
 *
 * - `new`: findings no live exception covers, for every module and rule whose count is above the
 *   baseline's (all findings of that module and rule are listed, as the baseline cannot tell which
 *   one is new).
 * - `fixed`: module and rule pairs with fewer findings than the baseline records (`stale` when none
 *   is left). They fail too: tighten the baseline (write `next`) so the fix cannot be undone quietly.
 * - `stale`: count entries with no finding left, and exceptions that match no finding.
 * - `expired`: exceptions past their `expires` date; their findings count against the baseline again.
 *
 * `ok` is true when all four are empty. `next` is the baseline tightened to the current findings
 * (counts lowered, stale entries and expired exceptions dropped; never raised).
 *
 * @param {ReadonlyArray<{ rule: string, from: string, to?: string }>} findings from `getFindings`
 * @param {{ counts?: Record<string, Record<string, number>>, exceptions?: ReadonlyArray<{ rule: string, from: string, to?: string, reason: string, expires?: string }> }} baseline
 * @param {{ now?: Date }} [options] `now` decides expiry (default: the current date)
 */
export function compareBaseline(findings, baseline, options = {}) {
  const problems = getBaselineProblems(baseline);
  if (problems.length > 0) throw new TypeError(`Invalid baseline:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  const today = (options.now ?? new Date()).toISOString().slice(0, 10);
  const exceptions = [...(baseline.exceptions ?? [])];
  const expired = exceptions.filter(({ expires }) => expires !== undefined && expires < today);
  const live = exceptions.filter((exception) => !expired.includes(exception));

  const used = new Set();
  const counted = [];
  for (const finding of findings) {
    const exception = live.find((candidate) => matches(candidate, finding));
    if (exception) used.add(exception);
    else counted.push(finding);
  }

  const current = toCounts(counted);
  const known = baseline.counts ?? {};
  const added = [];
  const fixed = [];
  const stale = [];
  for (const from of sortedKeys({ ...known, ...current })) {
    for (const rule of sortedKeys({ ...known[from], ...current[from] })) {
      const before = known[from]?.[rule] ?? 0;
      const now = current[from]?.[rule] ?? 0;
      if (now > before) added.push(...counted.filter((finding) => finding.from === from && finding.rule === rule));
      else if (now === 0) stale.push({ rule, from, baseline: before });
      else if (now < before) fixed.push({ rule, from, baseline: before, current: now });
    }
  }
  const unusedExceptions = live.filter((exception) => !used.has(exception));
  const next = {
    version: 1,
    counts: tighten(known, current),
    exceptions: live.filter((exception) => used.has(exception)),
  };
  return {
    ok: added.length === 0 && fixed.length === 0 && stale.length === 0 && unusedExceptions.length === 0 && expired.length === 0,
    new: added.sort(compareFindings),
    fixed,
    stale: [...stale, ...unusedExceptions.map((exception) => ({ ...exception, baseline: 'exception' }))],
    expired,
    next,
  };
}

/**
 * Every problem in a baseline object, as sentences; empty when it is valid.
 * @param {unknown} baseline
 */
export function getBaselineProblems(baseline) {
  if (!baseline || typeof baseline !== 'object' || Array.isArray(baseline)) return ['The baseline must be an object with `counts` and/or `exceptions`.'];
  const problems = [];
  for (const [from, rules] of Object.entries(baseline.counts ?? {})) {
    for (const [rule, count] of Object.entries(rules ?? {})) {
      if (!Number.isInteger(count) || count < 1) problems.push(`\`counts["${from}"]["${rule}"]\` must be a positive integer, not ${JSON.stringify(count)}.`);
    }
  }
  for (const [at, exception] of (baseline.exceptions ?? []).entries()) {
    const where = `\`exceptions[${at}]\``;
    if (typeof exception?.rule !== 'string' || typeof exception?.from !== 'string') problems.push(`${where} must name the \`rule\` and the module (\`from\`) it excuses.`);
    if (typeof exception?.reason !== 'string' || exception.reason.trim() === '') problems.push(`${where} must give a \`reason\`.`);
    if (exception?.expires !== undefined && (typeof exception.expires !== 'string' || !DATE.test(exception.expires))) {
      problems.push(`${where}.expires must be a date as YYYY-MM-DD, not ${JSON.stringify(exception.expires)}.`);
    }
  }
  return problems;
}

const matches = (exception, finding) =>
  exception.rule === finding.rule && exception.from === finding.from && (exception.to === undefined || exception.to === finding.to);

function toCounts(findings) {
  const counts = {};
  for (const { rule, from } of [...findings].sort(compareFindings)) {
    counts[from] ??= {};
    counts[from][rule] = (counts[from][rule] ?? 0) + 1;
  }
  return counts;
}

/** The baseline's counts lowered to the current ones; entries never grow and zero entries go. */
function tighten(known, current) {
  const counts = {};
  for (const from of sortedKeys(known)) {
    for (const rule of sortedKeys(known[from])) {
      const count = Math.min(known[from][rule], current[from]?.[rule] ?? 0);
      if (count > 0) (counts[from] ??= {})[rule] = count;
    }
  }
  return counts;
}

const sortedKeys = (object) => Object.keys(object ?? {}).sort();

function compareFindings(left, right) {
  const a = `${left.rule}\n${left.from}\n${left.to ?? ''}`;
  const b = `${right.rule}\n${right.from}\n${right.to ?? ''}`;
  return a < b ? -1 : a > b ? 1 : 0;
}
