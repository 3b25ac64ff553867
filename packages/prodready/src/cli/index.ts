import { existsSync, readFileSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';

// Only the error class is loaded up front: `--help` and typos answer without loading ESLint.
import { UsageError } from '../core/errors.js';
import { formatJson, formatText, hasErrors } from '../report/index.js';
import { type Command, parseCommand } from './args.js';
import { getHelp } from './help.js';

export interface Io {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const defaultIo: Io = {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** The `prodready` command line; resolves to the exit code (0 clean, 1 errors found, 2 usage error). */
export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  try {
    const command = parseCommand(argv);
    switch (command.name) {
      case 'help':
        io.stdout(getHelp(command.topic));
        return 0;
      case 'version':
        io.stdout(`${getVersion()}\n`);
        return 0;
      case 'check':
      case 'facts':
      case 'init':
        return await runCommand(command, { ...io, cwd: getProjectFolder(io.cwd, command.cwd) });
    }
  } catch (error) {
    return reportError(error, io);
  }
}

async function runCommand(command: Exclude<Command, { name: 'help' | 'version' }>, io: Io): Promise<number> {
  switch (command.name) {
    case 'check': {
      const { runCheck } = await import('../core/index.js');
      const report = await runCheck({ cwd: io.cwd, paths: command.paths, toolVersion: getVersion(), skipGraph: !command.graph });
      io.stdout(command.format === 'json' ? formatJson(report) : formatText(report, { showFindings: !command.quiet }));
      return hasErrors(report) ? 1 : 0;
    }
    case 'facts': {
      const { writeFacts } = await import('../core/index.js');
      const result = writeFacts({ cwd: io.cwd, ...(command.out === undefined ? {} : { outFile: command.out }) });
      io.stdout(`Wrote ${relative(io.cwd, result.file)} (${result.files} files).\n`);
      return 0;
    }
    case 'init': {
      const { runInit } = await import('../core/index.js');
      for (const step of runInit({ cwd: io.cwd, force: command.force })) {
        io.stdout(`${step.action.padEnd(11)} ${step.file}${step.detail ? ` (${step.detail})` : ''}\n`);
      }
      return 0;
    }
  }
}

function reportError(error: unknown, io: Io): number {
  if (error instanceof UsageError) {
    io.stderr(`prodready: ${error.message}\n`);
    return 2;
  }
  // A bug in prodready or a plugin, not a user mistake: keep the stack for the bug report.
  io.stderr(`prodready: internal error, please report it: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return 2;
}

/** `--cwd` resolved against the current folder; it has to be an existing folder. */
function getProjectFolder(cwd: string, option: string | undefined): string {
  if (option === undefined) return cwd;
  const folder = resolve(cwd, option);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new UsageError(`No such folder: ${option}`);
  return folder;
}

function getVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
