import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

import type { cruise, IConfiguration } from 'dependency-cruiser';

import preset, { gapByRuleName } from '../dependency-cruiser.js';
import type { Finding } from '../report/index.js';
import { UsageError } from './errors.js';
import { getFirstLine } from './lint.js';

export interface CruiseOptions {
  cwd: string;
  paths: readonly string[];
}

export interface CruiseResult {
  findings: Finding[];
  /** `false` when dependency-cruiser (an optional peer) is not installed. */
  ran: boolean;
  /** Imports of declared packages that are not installed (left out of the findings). */
  uninstalled: number;
}

const CONFIG_FILES = ['.dependency-cruiser.cjs', '.dependency-cruiser.js', '.dependency-cruiser.mjs', '.dependency-cruiser.json'];

/** Folders the graph never includes, as a dependency-cruiser path regex. */
const EXCLUDE = '(^|/)(node_modules|dist|build|out|coverage|\\.[^/]+)/';

/**
 * Cruise the module graph with the project's `.dependency-cruiser.*` when it has one, else both
 * presets (architecture = gap 1, coherence = gap 7). Skipped when dependency-cruiser (an
 * optional peer) is not installed; the scorecard marks those gaps.
 */
export async function runCruise({ cwd, paths }: CruiseOptions): Promise<CruiseResult> {
  let runDepcruise: typeof cruise;
  try {
    ({ cruise: runDepcruise } = await import('dependency-cruiser'));
  } catch {
    return { findings: [], ran: false, uninstalled: 0 };
  }
  const configFile = CONFIG_FILES.map((name) => join(cwd, name)).find((file) => existsSync(file));
  let config: IConfiguration;
  try {
    config = configFile
      ? await (await import('dependency-cruiser/config-utl/extract-depcruise-config')).default(configFile)
      : preset;
  } catch (error) {
    throw new UsageError(`Could not load ${configFile ? basename(configFile) : 'the dependency-cruiser presets'}: ${getFirstLine(error)}`);
  }

  const tsConfigFile = join(cwd, 'tsconfig.json');
  const hasTsConfig = existsSync(tsConfigFile);
  let output: unknown;
  try {
    const transpileOptions = hasTsConfig
      ? { tsConfig: (await import('dependency-cruiser/config-utl/extract-ts-config')).default(tsConfigFile) }
      : {};
    const result = await runDepcruise(
      [...paths],
      {
        ...config.options,
        baseDir: cwd,
        exclude: config.options?.exclude ?? { path: EXCLUDE },
        validate: true,
        ruleSet: getRuleSet(config),
        ...(hasTsConfig ? { tsConfig: { fileName: tsConfigFile } } : {}),
      },
      undefined,
      transpileOptions,
    );
    output = result.output;
  } catch (error) {
    throw new UsageError(`dependency-cruiser could not run: ${getFirstLine(error)}`);
  }
  const { summary } = output as {
    summary: { violations: Array<{ rule: { name: string; severity: string }; from: string; to: string; cycle?: Array<{ name: string }> }> };
  };
  const declared = readDeclaredDependencies(cwd);
  let uninstalled = 0;
  const findings = summary.violations
    .filter((violation) => violation.rule.severity === 'error' || violation.rule.severity === 'warn')
    .filter((violation) => {
      // A declared package that does not resolve is a missing `npm install`, not an architecture problem.
      const isUninstalled = violation.rule.name === 'not-to-unresolvable' && declared.has(getPackageName(violation.to));
      if (isUninstalled) uninstalled += 1;
      return !isUninstalled;
    })
    .map(
      (violation): Finding => ({
        tool: 'dependency-cruiser',
        gap: gapByRuleName.get(violation.rule.name),
        ruleId: violation.rule.name,
        severity: violation.rule.severity === 'error' ? 'error' : 'warning',
        file: violation.from,
        message: describeViolation(violation),
      }),
    );
  return { findings, ran: true, uninstalled };
}

function getRuleSet({ forbidden, allowed, allowedSeverity, required }: IConfiguration): IConfiguration {
  return {
    ...(forbidden ? { forbidden } : {}),
    ...(allowed ? { allowed } : {}),
    ...(allowedSeverity ? { allowedSeverity } : {}),
    ...(required ? { required } : {}),
  };
}

function readDeclaredDependencies(cwd: string): Set<string> {
  try {
    const pkg = JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
    return new Set(
      ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'].flatMap((field) => Object.keys(pkg[field] ?? {})),
    );
  } catch {
    return new Set();
  }
}

/** `@scope/name/sub` → `@scope/name`, `name/sub` → `name`. */
function getPackageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

function describeViolation(violation: { rule: { name: string }; from: string; to: string; cycle?: Array<{ name: string }> }): string {
  if (violation.cycle && violation.cycle.length > 0) {
    return `Circular dependency: ${[violation.from, ...violation.cycle.map((step) => step.name)].join(' → ')}.`;
  }
  if (violation.from === violation.to) return `Module breaks \`${violation.rule.name}\`.`;
  return `Depends on \`${violation.to}\`, which \`${violation.rule.name}\` forbids.`;
}
