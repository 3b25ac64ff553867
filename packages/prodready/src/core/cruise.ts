import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

import type { cruise, IConfiguration } from 'dependency-cruiser';

import preset, { getGraphRuleGap } from '../dependency-cruiser.js';
import type { Finding, ModuleGraph } from '../report/index.js';
import { UsageError } from './errors.js';
import { getFirstLine } from './lint.js';

export interface CruiseOptions {
  cwd: string;
  paths: readonly string[];
  /** Cruise with the presets even when the project has its own config. Default: `false`. */
  ignoreProjectConfig?: boolean;
}

export interface CruiseResult {
  findings: Finding[];
  /** `false` when dependency-cruiser (an optional peer) is not installed. */
  ran: boolean;
  /** Imports of declared packages that are not installed (left out of the findings). */
  uninstalled: number;
  /** The violations behind `findings`, as dependency-cruiser reports them (the known-violations format). */
  violations: Violation[];
  /** The local import graph (no packages, no Node built-ins). */
  graph: ModuleGraph | undefined;
}

/** One dependency-cruiser violation, as stored in `.dependency-cruiser-known-violations.json`. */
export interface Violation {
  type?: string;
  from: string;
  to: string;
  rule: { name: string; severity: string };
  cycle?: Array<{ name: string }>;
}

interface CruiseModule {
  source: string;
  coreModule?: boolean;
  couldNotResolve?: boolean;
  dependencies: Array<{ resolved: string; coreModule?: boolean; couldNotResolve?: boolean }>;
}

const CONFIG_FILES = ['.dependency-cruiser.cjs', '.dependency-cruiser.js', '.dependency-cruiser.mjs', '.dependency-cruiser.json'];

/** Folders the graph never includes, as a dependency-cruiser path regex. */
const EXCLUDE = '(^|/)(node_modules|dist|build|out|coverage|\\.[^/]+)/';

/**
 * Cruise the module graph with the project's `.dependency-cruiser.*` when it has one, else both
 * presets (architecture = gap 1, coherence = gap 7). Skipped when dependency-cruiser (an
 * optional peer) is not installed; the scorecard marks those gaps.
 */
export async function runCruise({ cwd, paths, ignoreProjectConfig = false }: CruiseOptions): Promise<CruiseResult> {
  let runDepcruise: typeof cruise;
  try {
    ({ cruise: runDepcruise } = await import('dependency-cruiser'));
  } catch {
    return { findings: [], ran: false, uninstalled: 0, violations: [], graph: undefined };
  }
  const configFile = ignoreProjectConfig ? undefined : CONFIG_FILES.map((name) => join(cwd, name)).find((file) => existsSync(file));
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
  const { summary, modules } = output as { summary: { violations: Violation[] }; modules: CruiseModule[] };
  const declared = readDeclaredDependencies(cwd);
  let uninstalled = 0;
  const violations = summary.violations
    .filter((violation) => violation.rule.severity === 'error' || violation.rule.severity === 'warn')
    .filter((violation) => {
      // A declared package that does not resolve is a missing `npm install`, not an architecture problem.
      const isUninstalled = violation.rule.name === 'not-to-unresolvable' && declared.has(getPackageName(violation.to));
      if (isUninstalled) uninstalled += 1;
      return !isUninstalled;
    });
  const findings = violations.map(
      (violation): Finding => ({
        tool: 'dependency-cruiser',
        gap: getGraphRuleGap(violation.rule.name),
        ruleId: violation.rule.name,
        severity: violation.rule.severity === 'error' ? 'error' : 'warning',
        file: violation.from,
        message: describeViolation(violation),
      }),
    );
  return { findings, ran: true, uninstalled, violations, graph: getGraph(modules) };
}

/** The local modules and the imports between them; packages and built-ins are left out. */
function getGraph(modules: readonly CruiseModule[]): ModuleGraph {
  const isLocal = (source: string, module: { coreModule?: boolean; couldNotResolve?: boolean }): boolean =>
    !module.coreModule && !module.couldNotResolve && !source.split('/').includes('node_modules');
  const local = modules.filter((module) => isLocal(module.source, module)).map((module) => module.source).sort();
  const index = new Map(local.map((source, position) => [source, position]));
  const edges = new Map<string, [number, number]>();
  for (const module of modules) {
    const from = index.get(module.source);
    if (from === undefined) continue;
    for (const dependency of module.dependencies) {
      const to = index.get(dependency.resolved);
      if (to !== undefined) edges.set(`${from},${to}`, [from, to]);
    }
  }
  return { modules: local, edges: [...edges.values()] };
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

/** The project's local import graph for `init`'s manifest proposal; `undefined` when it cannot be cruised. */
export async function getImportGraph(cwd: string): Promise<ModuleGraph | undefined> {
  try {
    return (await runCruise({ cwd, paths: ['.'], ignoreProjectConfig: true })).graph;
  } catch {
    return undefined;
  }
}
