import { parseArgs } from 'node:util';

import { UsageError } from '../core/errors.js';
import { getClosest } from '../core/suggest.js';

export type Format = 'text' | 'json' | 'sarif' | 'markdown' | 'github' | 'html';

export type Command =
  | { name: 'help'; topic?: CommandName }
  | { name: 'version' }
  | {
      name: 'check';
      cwd: string | undefined;
      paths: string[];
      format: Format;
      output: string | undefined;
      quiet: boolean;
      graph: boolean;
      baseline: boolean;
    }
  | { name: 'baseline'; cwd: string | undefined; graph: boolean }
  | { name: 'explain'; topic: string | undefined }
  | { name: 'facts'; cwd: string | undefined; out: string | undefined }
  | { name: 'init'; cwd: string | undefined; force: boolean };

export type CommandName = 'check' | 'baseline' | 'explain' | 'facts' | 'init';

const COMMANDS: readonly CommandName[] = ['check', 'baseline', 'explain', 'facts', 'init'];
const FORMATS: readonly Format[] = ['text', 'json', 'sarif', 'markdown', 'github', 'html'];

const OPTIONS = {
  check: {
    format: { type: 'string', short: 'f' },
    output: { type: 'string', short: 'o' },
    quiet: { type: 'boolean', short: 'q' },
    'no-graph': { type: 'boolean' },
    'no-baseline': { type: 'boolean' },
    cwd: { type: 'string', short: 'C' },
    help: { type: 'boolean', short: 'h' },
  },
  baseline: { 'no-graph': { type: 'boolean' }, cwd: { type: 'string', short: 'C' }, help: { type: 'boolean', short: 'h' } },
  explain: { list: { type: 'boolean', short: 'l' }, help: { type: 'boolean', short: 'h' } },
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
    parsed = parseArgs({ args: [...rest], options: OPTIONS[first], allowPositionals: first === 'check' || first === 'explain', strict: true }) as typeof parsed;
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
        output: values.output as string | undefined,
        quiet: values.quiet === true,
        graph: values['no-graph'] !== true,
        baseline: values['no-baseline'] !== true,
      };
    }
    case 'baseline':
      return { name: 'baseline', cwd, graph: values['no-graph'] !== true };
    case 'explain': {
      if (positionals.length > 1) throw new UsageError('`prodready explain` takes one rule or gap. Run `prodready explain --help`.');
      if (values.list !== true && positionals.length === 0) {
        throw new UsageError('`prodready explain` needs a rule or gap, e.g. `prodready explain security`; `--list` shows them all.');
      }
      return { name: 'explain', topic: values.list === true ? undefined : positionals[0] };
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
  const best = getClosest(word, candidates);
  return best === undefined ? '' : ` Did you mean \`${prefix}${best}\`?`;
}
