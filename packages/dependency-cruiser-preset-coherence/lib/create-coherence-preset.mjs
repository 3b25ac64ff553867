import noDbDriverOutsideDataLayer from '../generators/no-db-driver-outside-data-layer.mjs';
import oneHttpClient from '../generators/one-http-client.mjs';
import oneLogger from '../generators/one-logger.mjs';
import oneOrm from '../generators/one-orm.mjs';
import { STATIC_RULES } from './static-rules.mjs';
import { PRESET_OPTIONS } from './options.mjs';

/** The generated rules, in the order they are added to the preset. */
export const GENERATORS = [oneHttpClient, oneLogger, oneOrm, noDbDriverOutsideDataLayer];

const SEVERITIES = ['error', 'warn', 'info'];
const KNOWN_OPTIONS = [...GENERATORS.map((generator) => generator.option), 'allow', 'severity'];

class CoherenceOptionsError extends TypeError {
  name = 'CoherenceOptionsError';
}

const fail = (message) => {
  throw new CoherenceOptionsError(`createCoherencePreset: ${message}`);
};
const quote = (values) => values.map((value) => `'${value}'`).join(', ');
const normalize = (key) => key.toLowerCase().replaceAll(/[-_\s]/g, '');

/** Levenshtein distance, for "did you mean" on short option names. */
function distance(left, right) {
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let row = 1; row <= left.length; row += 1) {
    const current = [row];
    for (let column = 1; column <= right.length; column += 1) {
      const substitution = previous[column - 1] + (left[row - 1] === right[column - 1] ? 0 : 1);
      current.push(Math.min(previous[column] + 1, current[column - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[right.length];
}

/** The known option `key` was probably meant to be: same letters ignoring case and separators, or a typo away. */
const closest = (key, candidates) =>
  candidates.find((candidate) => normalize(candidate) === normalize(key)) ??
  candidates.find((candidate) => distance(normalize(candidate), normalize(key)) <= 2);

function validate(options) {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    fail(`expected an options object such as { httpClient: 'axios', logger: 'pino' }, got ${JSON.stringify(options)}.`);
  }
  for (const key of Object.keys(options)) {
    if (KNOWN_OPTIONS.includes(key)) continue;
    const suggestion = closest(key, KNOWN_OPTIONS);
    fail(`unknown option \`${key}\`.${suggestion ? ` Did you mean \`${suggestion}\`?` : ''} Known options: ${quote(KNOWN_OPTIONS)}.`);
  }
  for (const { option, choices } of GENERATORS) {
    const value = options[option];
    if (value === undefined || !choices) continue;
    if (!choices.includes(value)) fail(`\`${option}\` must be one of ${quote(choices)}, got ${JSON.stringify(value)}.`);
  }
  const { dataLayer, allow, severity } = options;
  const isStringList = (value) => Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string' && item !== '');
  if (dataLayer !== undefined && !(typeof dataLayer === 'string' && dataLayer !== '') && !isStringList(dataLayer)) {
    fail(`\`dataLayer\` must be a path glob or a non-empty array of them, such as 'src/db/**', got ${JSON.stringify(dataLayer)}.`);
  }
  if (allow !== undefined && !isStringList(allow)) {
    fail(`\`allow\` must be a non-empty array of package names, got ${JSON.stringify(allow)}.`);
  }
  if (severity !== undefined && !SEVERITIES.includes(severity)) {
    fail(`\`severity\` must be one of ${quote(SEVERITIES)}, got ${JSON.stringify(severity)}.`);
  }
}

/**
 * The coherence preset plus rules that forbid a second way of doing what the project already does
 * one way: another HTTP client, logger or ORM than the chosen one, and database drivers outside
 * the data layer. Throws a `TypeError` naming the problem when an option is unknown or invalid.
 *
 * @param {{ httpClient?: string, logger?: string, orm?: string, dataLayer?: string | string[],
 *   allow?: string[], severity?: 'error' | 'warn' | 'info' }} options
 * @returns {import('dependency-cruiser').IConfiguration}
 */
export function createCoherencePreset(options) {
  validate(options);
  const settings = { severity: options.severity ?? 'error', allow: options.allow ?? [] };
  const values = { ...options, dataLayer: typeof options.dataLayer === 'string' ? [options.dataLayer] : options.dataLayer };
  const generated = GENERATORS.filter(({ option }) => values[option] !== undefined)
    .map((generator) => generator.create(values[generator.option], settings))
    .filter((rule) => rule !== undefined);
  return {
    forbidden: [...STATIC_RULES.map((rule) => ({ ...rule })), ...generated],
    options: globalThis.structuredClone(PRESET_OPTIONS),
  };
}
