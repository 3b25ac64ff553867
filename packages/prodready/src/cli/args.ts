import { parseArgs } from 'node:util';

import { UsageError } from '../core/errors.js';

export type Format = 'text' | 'json';

export type Command =
  | { name: 'help'; topic?: CommandName }
  | { name: 'version' }
  | { name: 'check'; cwd: string | undefined; paths: string[]; format: Format; quiet: boolean; graph: boolean }
  | { name: 'facts'; cwd: string | undefined; out: string | undefined }
  | { name: 'init'; cwd: string | undefined; force: boolean };

export type CommandName = 'check' | 'facts' | 'init';

const COMMANDS: readonly CommandName[] = ['check', 'facts', 'init'];
const FORMATS: readonly Format[] = ['text', 'json'];

const OPTIONS = {
  check: {
    format: { type: 'string', short: 'f' },
    quiet: { type: 'boolean', short: 'q' },
    'no-graph': { type: 'boolean' },
    cwd: { type: 'string', short: 'C' },
    help: { type: 'boolean', short: 'h' },
  },
  facts: { out: { type: 'string', short: 'o' }, cwd: { type: 'string', short: 'C' }, help: { type: 'boolean', short: 'h' } },
  init: { force: { type: 'boolean' }, cwd: { type: 'string', short: 'C' }, help: { type: 'boolean', short: 'h' } },
} as const;

/** Parse `argv` (without `node` and the script) into a command; mistakes throw a one-line `UsageError`. */
export function parseCommand(argv: readonly string[]): Command {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' ? rest[0] : undefined;
    return topic !== undefined && isCommand(topic) ? { name: 'help', topic } : { name: 'help' };
  }
  if (first === '--version' || first === '-v') return { name: 'version' };
  if (!isCommand(first)) {
    const hint = first.startsWith('-') ? getOptionHint(first, ['--help', '--version']) : getHint(first, COMMANDS, '');
    throw new UsageError(`Unknown command \`${first}\`.${hint} Run \`prodready --help\` for the commands.`);
  }

  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...rest], options: OPTIONS[first], allowPositionals: first === 'check', strict: true }) as typeof parsed;
  } catch (error) {
    throw toUsageError(first, error);
  }
  const { values, positionals } = parsed;
  if (values.help === true) return { name: 'help', topic: first };
  const cwd = values.cwd as string | undefined;
  switch (first) {
    case 'check': {
      const format = (values.format as string | undefined) ?? 'text';
      if (!FORMATS.includes(format as Format)) {
        throw new UsageError(`Unknown format \`${format}\`; use one of: ${FORMATS.join(', ')}.`);
      }
      return {
        name: 'check',
        cwd,
        paths: positionals.length > 0 ? positionals : ['.'],
        format: format as Format,
        quiet: values.quiet === true,
        graph: values['no-graph'] !== true,
      };
    }
    case 'facts':
      return { name: 'facts', cwd, out: values.out as string | undefined };
    case 'init':
      return { name: 'init', cwd, force: values.force === true };
  }
}

function isCommand(name: string): name is CommandName {
  return (COMMANDS as readonly string[]).includes(name);
}

/** node:util's parse errors as one friendly sentence, with a "did you mean" when a close option exists. */
function toUsageError(command: CommandName, error: unknown): UsageError {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const known = Object.keys(OPTIONS[command]).map((name) => `--${name}`);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const option = /'([^']+)'/.exec(message)?.[1] ?? '';
    return new UsageError(`Unknown option \`${option}\` for \`prodready ${command}\`.${getOptionHint(option, known)} Run \`prodready ${command} --help\`.`);
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    return new UsageError(`\`prodready ${command}\` takes no file arguments. Run \`prodready ${command} --help\`.`);
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const option = /'(-[^']+)'/.exec(message)?.[1] ?? 'An option';
    return new UsageError(`\`${option}\` needs a value. Run \`prodready ${command} --help\`.`);
  }
  return new UsageError(`${message.split('\n')[0]} Run \`prodready ${command} --help\`.`);
}

function getOptionHint(option: string, known: readonly string[]): string {
  return getHint(option.split('=')[0]!, known, '');
}

function getHint(word: string, candidates: readonly string[], prefix: string): string {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = getDistance(word, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(best.length / 3)) ? ` Did you mean \`${prefix}${best}\`?` : '';
}

/** Levenshtein distance, for "did you mean". */
function getDistance(left: string, right: string): number {
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let i = 1; i <= left.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= right.length; j += 1) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (left[i - 1] === right[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[right.length]!;
}
