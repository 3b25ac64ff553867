import { describe, expect, it } from 'vitest';

import { parseCommand } from '../../src/cli/args.js';

describe('parseCommand', () => {
  it('reads check with paths, format and flags', () => {
    expect(parseCommand(['check', 'src', 'lib', '--format', 'json', '-q', '--no-graph', '-C', 'app'])).toEqual({
      name: 'check',
      cwd: 'app',
      paths: ['src', 'lib'],
      format: 'json',
      output: undefined,
      quiet: true,
      graph: false,
      baseline: true,
    });
  });

  it('defaults check to the current folder and text', () => {
    expect(parseCommand(['check'])).toEqual({ name: 'check', cwd: undefined, paths: ['.'], format: 'text', output: undefined, quiet: false, graph: true, baseline: true });
  });

  it('reads every format, --output and --no-baseline', () => {
    for (const format of ['text', 'json', 'sarif', 'markdown', 'github', 'html']) expect(parseCommand(['check', '-f', format])).toMatchObject({ format });
    expect(parseCommand(['check', '-o', 'reports/out.sarif', '--no-baseline'])).toMatchObject({ output: 'reports/out.sarif', baseline: false });
  });

  it('reads baseline and explain', () => {
    expect(parseCommand(['baseline', '--no-graph'])).toEqual({ name: 'baseline', cwd: undefined, graph: false });
    expect(parseCommand(['explain', 'no-secret-fallback'])).toEqual({ name: 'explain', topic: 'no-secret-fallback' });
    expect(parseCommand(['explain', '--list'])).toEqual({ name: 'explain', topic: undefined });
    expect(() => parseCommand(['explain'])).toThrow('`prodready explain` needs a rule or gap, e.g. `prodready explain security`; `--list` shows them all.');
    expect(() => parseCommand(['explain', 'a', 'b'])).toThrow('`prodready explain` takes one rule or gap. Run `prodready explain --help`.');
  });

  it('reads facts --out and init --force', () => {
    expect(parseCommand(['facts', '-o', 'facts.json'])).toEqual({ name: 'facts', cwd: undefined, out: 'facts.json' });
    expect(parseCommand(['init', '--force'])).toEqual({ name: 'init', cwd: undefined, force: true });
  });

  it('answers help and version in every spelling', () => {
    expect(parseCommand([])).toEqual({ name: 'help' });
    expect(parseCommand(['--help'])).toEqual({ name: 'help' });
    expect(parseCommand(['help', 'check'])).toEqual({ name: 'help', topic: 'check' });
    expect(parseCommand(['init', '-h'])).toEqual({ name: 'help', topic: 'init' });
    expect(parseCommand(['-v'])).toEqual({ name: 'version' });
  });

  it('suggests the command for a typo', () => {
    expect(() => parseCommand(['chek'])).toThrow('Unknown command `chek`. Did you mean `check`? Run `prodready --help` for the commands.');
  });

  it('suggests nothing for a word far from every command', () => {
    expect(() => parseCommand(['deploy'])).toThrow('Unknown command `deploy`. Run `prodready --help` for the commands.');
  });

  it('suggests the option for a typo', () => {
    expect(() => parseCommand(['check', '--fromat', 'json'])).toThrow(
      'Unknown option `--fromat` for `prodready check`. Did you mean `--format`? Run `prodready check --help`.',
    );
  });

  it('rejects an unknown format', () => {
    expect(() => parseCommand(['check', '--format', 'xml'])).toThrow('Unknown format `xml`; use one of: text, json, sarif, markdown, github, html.');
  });

  it('rejects a missing option value', () => {
    expect(() => parseCommand(['check', '--format'])).toThrow('`-f, --format <value>` needs a value. Run `prodready check --help`.');
  });

  it('rejects paths for commands that take none', () => {
    expect(() => parseCommand(['init', 'src'])).toThrow('`prodready init` takes no file arguments. Run `prodready init --help`.');
  });
});
