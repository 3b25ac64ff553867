import type { IConfiguration } from 'dependency-cruiser';
import type { ESLint, Linter } from 'eslint';

/** The architecture preset: rules plus the options they rely on. */
declare const preset: IConfiguration;
export default preset;

/** The same rules, all `error`. */
export const strict: IConfiguration;

/** The same rules, all `warn` (`info` stays `info`). */
export const warnOnly: IConfiguration;

/** The parts of a dependency-cruiser module `findKnots` reads. */
export interface KnotInputModule {
  source: string;
  dependencies: ReadonlyArray<{
    resolved: string;
    dependencyTypes?: readonly string[];
    coreModule?: boolean;
    couldNotResolve?: boolean;
  }>;
}

/** One import cycle: a strongly connected component of the module graph. */
export interface Knot {
  /** `runtime`: the cycle exists at runtime. `type-only`: it closes only through type imports. */
  kind: 'runtime' | 'type-only';
  /** The modules of the component, sorted. */
  modules: string[];
  /** The number of imports between modules of the component (of the kind's graph). */
  edgeCount: number;
  /** Imports whose removal leaves the component acyclic; each one is needed. */
  cut: Array<{ from: string; to: string }>;
}

export interface FindKnotsOptions {
  /**
   * Regex of modules to leave out. By default ORM entities and models (`*.entity.ts`, `entities/`,
   * `models/`), as `no-circular-runtime`; `null` keeps every module.
   */
  pathNot?: string | RegExp | null;
}

/**
 * The import cycles of a cruise, one per strongly connected component, runtime knots first (largest
 * first), each with a small set of imports to cut. Takes `cruise()`'s result or its `output`
 * (JSON object output type); cruise with `tsPreCompilationDeps: 'specify'` (the preset's setting)
 * to tell type-only knots apart.
 */
export function findKnots(result: { modules: readonly KnotInputModule[] } | { output: unknown }, options?: FindKnotsOptions): Knot[];

/** One sentence per knot: "A runtime knot of 4 modules (5 imports); cutting these 2 imports breaks it: a.ts → b.ts, c.ts → a.ts." */
export function describeKnot(knot: Knot): string;

/** A layer of `architecture.json`. */
export interface ArchitectureLayer {
  /** Kebab-case; the generated rules are `layer-<name>` and `layer-<name>-types-only`. */
  name: string;
  /** Globs relative to the project root; a path without wildcards is a folder and everything in it. */
  path: string | readonly string[];
  /** Layers this one may import. Its own layer is always allowed; every other declared layer is forbidden. */
  mayImport?: readonly string[];
  /** Layers this one may import through type imports only. */
  mayImportTypes?: readonly string[];
}

/** A set of feature folders of `architecture.json`, isolated from one another. */
export interface ArchitectureFeatures {
  /** Kebab-case; the generated rules are `feature-<name>-isolation` and `feature-<name>-public-api`. */
  name: string;
  /** One glob matching each feature's folder, such as `src/features/*`. */
  path: string;
  /** Globs, relative to a feature folder, of the files other code may import (such as `index.ts`). Without it, features may not import each other at all. */
  publicApi?: string | readonly string[];
}

/** The `architecture.json` manifest. */
export interface ArchitectureManifest {
  $schema?: string;
  layers?: readonly ArchitectureLayer[];
  features?: readonly ArchitectureFeatures[];
  /** Severity of every generated rule; `'error'` by default. */
  severity?: 'error' | 'warn' | 'info';
}

/**
 * Compiles an `architecture.json` manifest to dependency-cruiser `forbidden` rules. Throws a
 * `TypeError` listing every problem when the manifest is invalid.
 */
export function compileArchitecture(manifest: ArchitectureManifest): Pick<IConfiguration, 'forbidden'> & { forbidden: NonNullable<IConfiguration['forbidden']> };

/** Every problem in a manifest, as sentences naming where it is; empty when it is valid. */
export function getManifestProblems(manifest: unknown): string[];

/** A workspace package of a monorepo. */
export interface Workspace {
  /** The package.json `name`. */
  name: string;
  /** Its folder, relative to the monorepo root, `/`-separated. */
  dir: string;
  /**
   * `library`: others consume it (it declares `exports`, `module` or `types`, is not `private`, or
   * another workspace package depends on it). `application`: a private package nothing depends on.
   */
  kind: 'library' | 'application';
  /** Every package it declares (dependencies, devDependencies, peerDependencies, optionalDependencies), sorted. */
  dependencies: string[];
}

/**
 * The workspace packages of the monorepo at `rootDir`, from `pnpm-workspace.yaml` or the root
 * package.json `workspaces` (npm, yarn), sorted by folder; `[]` when it is not a monorepo.
 */
export function readWorkspaces(rootDir: string): Workspace[];

/**
 * Rules keeping workspace packages apart: `workspace-no-relative-import`, per package
 * `workspace-undeclared-dependency-in-<dir>`, and with `rootDir`, per package whose package.json has
 * `exports`, `workspace-deep-import-into-<dir>`. The cruise's base directory must be the monorepo root.
 */
export function compileWorkspaces(
  workspaces: ReadonlyArray<Pick<Workspace, 'name' | 'dir' | 'dependencies'> & { kind?: Workspace['kind'] }>,
  options?: { severity?: 'error' | 'warn' | 'info'; rootDir?: string },
): { forbidden: NonNullable<IConfiguration['forbidden']> };

/** A workspace package's entry points, mapped to source files. */
export interface MappedWorkspace {
  name: string;
  dir: string;
  /** Subpath (`"."`, `"./schema"`) → source file relative to the monorepo root. */
  entries: Record<string, string>;
  /** Subpaths whose target maps to no file. */
  unmapped: string[];
}

/**
 * Maps each workspace package's `exports`/`module`/`main`/`types` to its sources (`dist/x.js` →
 * `src/x.ts`) and returns the resolver alias map that makes one cruise resolve the whole monorepo:
 * pass it as `cruise(files, options, { alias })`, or from a `webpackConfig` file
 * (`{ resolve: { alias } }`). Alias values are absolute paths.
 */
export function mapWorkspaceSources(
  rootDir: string,
  workspaces?: ReadonlyArray<Pick<Workspace, 'name' | 'dir'>>,
): { packages: MappedWorkspace[]; alias: Record<string, string> };

/** One likely cause of unresolved imports. */
export interface ResolutionCause {
  cause: 'tsconfig-paths' | 'unknown-alias' | 'workspace-mapping' | 'missing-package' | 'missing-file';
  count: number;
  /** Up to three specifiers (package name for packages), most frequent first, with the first module importing each. */
  examples: Array<{ specifier: string; count: number; from: string }>;
  /** What to do, as a sentence fragment. */
  hint: string;
}

/** The result of `checkResolution`. */
export interface ResolutionHealth {
  /** `false` when the share of unresolved imports is above `maxUnresolvedRatio`. */
  ok: boolean;
  /** Imports counted: all but core modules and runtime-provided ones (`bun:`…). */
  total: number;
  unresolved: number;
  ratio: number;
  causes: ResolutionCause[];
  /** A report for humans: the numbers, then one line per cause with examples. */
  message: string;
}

/**
 * Whether a cruise resolved enough imports to be trusted ("0 violations" over an unresolved graph
 * means nothing), with the likely causes of what it could not resolve.
 */
export function checkResolution(
  result: { output: unknown } | { modules: readonly unknown[]; summary?: unknown },
  options?: { maxUnresolvedRatio?: number; workspaceNames?: readonly string[] },
): ResolutionHealth;

/** One finding for the baseline: a rule violation, a knot member, or a post-pass finding. */
export interface Finding {
  rule: string;
  /** The module the finding is about. */
  from: string;
  to?: string;
  message?: string;
}

/** A per-finding exception: it must say why, and may expire. */
export interface BaselineException {
  rule: string;
  from: string;
  /** Only this import; every finding of `rule` in `from` without it. */
  to?: string;
  reason: string;
  /** `YYYY-MM-DD`; after this date the finding counts again. */
  expires?: string;
}

/** Known violations: counts per module and rule (they may only go down), and exceptions. */
export interface Baseline {
  version?: 1;
  counts?: Record<string, Record<string, number>>;
  exceptions?: readonly BaselineException[];
}

export interface BaselineComparison {
  /** `true` when `new`, `fixed`, `stale` and `expired` are all empty. */
  ok: boolean;
  /** Findings of every module and rule whose count is above the baseline's. */
  new: Finding[];
  /** Module and rule pairs with fewer findings than recorded: tighten the baseline. */
  fixed: Array<{ rule: string; from: string; baseline: number; current: number }>;
  /** Count entries with no finding left, and exceptions that match nothing (`baseline: 'exception'`). */
  stale: Array<{ rule: string; from: string; baseline: number } | (BaselineException & { baseline: 'exception' })>;
  expired: BaselineException[];
  /** The baseline tightened to the current findings: never raised. */
  next: Required<Baseline>;
}

/** Compares findings with a baseline. Throws a `TypeError` listing every problem of an invalid baseline. */
export function compareBaseline(findings: readonly Finding[], baseline: Baseline, options?: { now?: Date }): BaselineComparison;

/** A baseline accepting every finding. */
export function createBaseline(findings: readonly Finding[]): Required<Baseline>;

/** Every problem in a baseline object, as sentences; empty when it is valid. */
export function getBaselineProblems(baseline: unknown): string[];

/**
 * A cruise's findings for the baseline: violations except per-edge cycle rules, one
 * `knot-runtime`/`knot-type-only` finding per knot member, and `extra` post-pass findings. Sorted.
 */
export function getFindings(result: { output: unknown } | object, options?: { knots?: readonly Knot[]; extra?: readonly Finding[] }): Finding[];

/** The ESLint plugin with the `layers` rule (namespace `@prodready/architecture`). */
export const eslintPlugin: ESLint.Plugin;

/**
 * An ESLint flat-config block enforcing an architecture.json's layers and features as you type
 * (rule `@prodready/architecture/layers`). Relative imports and `aliases` prefixes are resolved by
 * path; packages are not checked. Throws a `TypeError` listing every problem of an invalid manifest.
 */
export function toEslintConfig(
  manifest: ArchitectureManifest,
  options?: { rootDir?: string; aliases?: Record<string, string>; files?: string[]; severity?: 'error' | 'warn' },
): Linter.Config;
