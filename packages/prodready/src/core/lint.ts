import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { ESLint, type Linter } from 'eslint';

import type { Finding } from '../report/index.js';
import { getBundledRuleArea } from '../bundled.js';
import { prodready } from '../factory.js';
import { AREAS, type Area } from '../plugins.js';
import { UsageError } from './errors.js';
import { toDisplayPath } from './files.js';

/** Which gap each plugin area scores in. */
export const AREA_GAPS = {
  security: 'security',
  testing: 'testing',
  performance: 'scalability',
  maintainability: 'maintainability',
  observability: 'observability',
} as const satisfies Record<Area, Finding['gap']>;

const CONFIG_FILES = ['eslint.config.js', 'eslint.config.mjs', 'eslint.config.cjs', 'eslint.config.ts', 'eslint.config.mts', 'eslint.config.cts'];

export interface LintOptions {
  cwd: string;
  paths: readonly string[];
  factsFile: string;
  /** Called after each file is linted (progress display). */
  onFile?: () => void;
}

export interface LintResult {
  findings: Finding[];
  filesLinted: number;
  /** `eslint.config.*` of the project when it has one, `undefined` when prodready's own config ran. */
  configFile: string | undefined;
  /** The files linted, relative to `cwd` (POSIX). */
  files: string[];
}

/**
 * Run ESLint with the project's flat config when it has one (the facts file handed over
 * through `settings.prodready.factsFile`), else with `prodready()`.
 */
export async function runLint({ cwd, paths, factsFile, onFile }: LintOptions): Promise<LintResult> {
  const settings: Linter.Config = { name: 'prodready/cli/facts', settings: { prodready: { factsFile } }, ...(onFile ? getProgressConfig(onFile) : {}) };
  // Only a config in the project folder itself: one found further up (a monorepo root that
  // ignores this folder, an unrelated home-folder config) would silently lint nothing.
  const configFile = CONFIG_FILES.map((name) => join(cwd, name)).find((file) => existsSync(file));
  const eslint = configFile
    ? new ESLint({ cwd, overrideConfigFile: configFile, overrideConfig: settings, errorOnUnmatchedPattern: false })
    : new ESLint({
        cwd,
        overrideConfigFile: true,
        // The project's disable comments name the rules of its own (absent) config: not findings.
        overrideConfig: [...prodready({ cwd }), { ...settings, linterOptions: { reportUnusedDisableDirectives: 'off' } }],
        errorOnUnmatchedPattern: false,
      });
  let results: ESLint.LintResult[];
  try {
    results = await eslint.lintFiles([...paths]);
  } catch (error) {
    throw new UsageError(`ESLint could not run: ${getFirstLine(error)}`);
  }
  const findings = results.flatMap((result) =>
    result.messages.map(
      (message): Finding => ({
        tool: 'eslint',
        gap: getGap(message.ruleId),
        ruleId: message.ruleId ?? (message.fatal ? 'parse-error' : 'eslint'),
        severity: message.severity === 2 ? 'error' : 'warning',
        file: toDisplayPath(cwd, result.filePath),
        line: message.line,
        column: message.column,
        ...(message.endLine === undefined ? {} : { endLine: message.endLine }),
        ...(message.endColumn === undefined ? {} : { endColumn: message.endColumn }),
        message: message.message,
      }),
    ),
  );
  return { findings, filesLinted: results.length, configFile, files: results.map((result) => toDisplayPath(cwd, result.filePath)) };
}

/**
 * A rule that only counts files: ESLint's Node API has no progress callback, and a rule's
 * `Program:exit` runs once per linted file, whichever config the project uses.
 */
function getProgressConfig(onFile: () => void): Pick<Linter.Config, 'plugins' | 'rules'> {
  const plugin = {
    rules: {
      progress: {
        meta: { type: 'suggestion' as const, schema: [] },
        create: () => ({ 'Program:exit': onFile }),
      },
    },
  };
  return { plugins: { 'prodready-cli': plugin }, rules: { 'prodready-cli/progress': 'error' } };
}

function getGap(ruleId: string | null): Finding['gap'] {
  const area = /^@prodready\/([^/]+)\//.exec(ruleId ?? '')?.[1];
  if (AREAS.some((known) => known === area)) return AREA_GAPS[area as Area];
  // ESLint's own rules and the runner plugins' rules that prodready bundles count for their area.
  const bundled = ruleId === null ? undefined : getBundledRuleArea(ruleId);
  return bundled === undefined ? undefined : AREA_GAPS[bundled];
}

/** The first line of an error's message: enough to act on, no stack. */
export function getFirstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.trim();
}
