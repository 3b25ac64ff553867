import type { IConfiguration } from 'dependency-cruiser';

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
  /** Every package it declares (dependencies, devDependencies, peerDependencies, optionalDependencies), sorted. */
  dependencies: string[];
}

/**
 * The workspace packages of the monorepo at `rootDir`, from `pnpm-workspace.yaml` or the root
 * package.json `workspaces` (npm, yarn), sorted by folder; `[]` when it is not a monorepo.
 */
export function readWorkspaces(rootDir: string): Workspace[];

/**
 * Rules keeping workspace packages apart: `workspace-no-relative-import` and, per package,
 * `workspace-undeclared-dependency-in-<dir>`. The cruise's base directory must be the monorepo root.
 */
export function compileWorkspaces(
  workspaces: readonly Workspace[],
  options?: { severity?: 'error' | 'warn' | 'info' },
): { forbidden: NonNullable<IConfiguration['forbidden']> };
