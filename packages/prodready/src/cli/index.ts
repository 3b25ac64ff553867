import { appendFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

// Only the error class is loaded up front: `--help` and typos answer without loading ESLint.
import { UsageError } from '../core/errors.js';
import type { ProgressStream } from '../core/progress.js';
import { formatGithub, formatHtml, formatJson, formatMarkdown, formatSarif, formatText, getActionableFindings, hasErrors } from '../report/index.js';
import { type Command, parseCommand } from './args.js';
import { getHelp } from './help.js';

export interface Io {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Where the progress line goes; shown only when it is a TTY and `CI` is unset. */
  progress?: ProgressStream;
  env?: NodeJS.ProcessEnv;
}

const defaultIo: Io = {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  progress: process.stderr,
  env: process.env,
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
      case 'explain': {
        const { explain, listTopics } = await import('../core/index.js');
        io.stdout(command.topic === undefined ? listTopics() : explain(command.topic));
        return 0;
      }
      case 'check':
      case 'baseline':
      case 'facts':
      case 'init':
        return await runCommand(command, { ...io, cwd: getProjectFolder(io.cwd, command.cwd) });
    }
  } catch (error) {
    return reportError(error, io);
  }
}

async function runCommand(command: Extract<Command, { cwd: string | undefined }>, io: Io): Promise<number> {
  switch (command.name) {
    case 'check': {
      const core = await import('../core/index.js');
      const progress = io.progress ? core.createProgress(io.progress, io.env ?? {}) : undefined;
      const { report, graph } = await core.runCheck({
        cwd: io.cwd,
        paths: command.paths,
        toolVersion: getVersion(),
        skipGraph: !command.graph,
        useBaseline: command.baseline,
        ...(progress ? { progress } : {}),
      });
      let output: string;
      switch (command.format) {
        case 'json':
          output = formatJson(report);
          break;
        case 'sarif':
          output = formatSarif(report, core.getRuleDocs(report.findings.map((finding) => finding.ruleId)));
          break;
        case 'markdown':
          output = formatMarkdown(report);
          break;
        case 'github':
          output = formatGithub(report);
          // The job summary page shows the scorecard next to the annotations.
          if (io.env?.GITHUB_STEP_SUMMARY) appendFileSync(io.env.GITHUB_STEP_SUMMARY, formatMarkdown(report));
          break;
        case 'html':
          output = formatHtml(report, {
            excerpts: core.readExcerpts(io.cwd, getActionableFindings(report)),
            rules: core.getRuleDocs(report.findings.map((finding) => finding.ruleId)),
            ...(graph ? { graph } : {}),
          });
          break;
        case 'text':
          output = formatText(report, { showFindings: !command.quiet });
          break;
      }
      if (command.output === undefined) {
        io.stdout(output);
      } else {
        const file = resolve(io.cwd, command.output);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, output);
        const failing = getActionableFindings(report).filter((finding) => finding.severity === 'error').length;
        const shown = relative(io.cwd, file).startsWith('..') ? file : relative(io.cwd, file);
        io.stdout(`Wrote ${shown} (${failing} ${failing === 1 ? 'error' : 'errors'}).\n`);
      }
      return hasErrors(report) ? 1 : 0;
    }
    case 'baseline': {
      const core = await import('../core/index.js');
      const progress = io.progress ? core.createProgress(io.progress, io.env ?? {}) : undefined;
      const { written } = await core.runBaseline({ cwd: io.cwd, toolVersion: getVersion(), skipGraph: !command.graph, ...(progress ? { progress } : {}) });
      for (const { file, count } of written) io.stdout(`wrote       ${file} (${count} ${count === 1 ? 'finding' : 'findings'})\n`);
      io.stdout('Commit these files. `prodready check` now fails only on new findings and reports the fixed ones.\n');
      return 0;
    }
    case 'facts': {
      const { writeFacts } = await import('../core/index.js');
      const result = writeFacts({ cwd: io.cwd, ...(command.out === undefined ? {} : { outFile: command.out }) });
      io.stdout(`Wrote ${relative(io.cwd, result.file)} (${result.files} files).\n`);
      return 0;
    }
    case 'init': {
      const { getImportGraph, runInit } = await import('../core/index.js');
      const graph = await getImportGraph(io.cwd);
      for (const step of runInit({ cwd: io.cwd, force: command.force, ...(graph ? { graph } : {}) })) {
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
