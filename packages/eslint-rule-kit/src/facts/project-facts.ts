import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

import type { TSESLint } from '@typescript-eslint/utils';

import { findProjectRoot, getAutoFacts, getFactsParser } from './auto-facts.js';
import type { ModuleStyle } from './module-style.js';

/** An exported value's origin as recorded by the pre-pass (same shape as `Origin`, minus `via`). */
export interface ExportFact {
  readonly source: string;
  readonly path: readonly string[];
  /** For a local source: the module file (root-relative, POSIX) it resolved to at collection time. */
  readonly file?: string;
}

/** One project module: what its exports are, when the pre-pass could tell. */
export interface ModuleFacts {
  readonly exports: Readonly<Record<string, ExportFact>>;
  /** `export * from './x'` targets (root-relative files). */
  readonly reexportAll?: readonly string[];
  /** How the module packages its behaviour, when it follows one `ModuleStyle`. */
  readonly style?: ModuleStyle;
}

/** A path alias from tsconfig `paths`: `@/*` → `src/*` is `{ prefix: '@/', targets: ['src/'] }`. */
export interface AliasFact {
  readonly prefix: string;
  readonly targets: readonly string[];
}

/** Per kind, how many declared names follow each convention (`{ functions: { camelCase: 120, snake_case: 4 } }`). */
export interface NamingFacts {
  readonly identifiers: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Per folder (root-relative, POSIX; `''` for the root), file name conventions. */
  readonly files: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

/** Where a function with a given fingerprint is declared. */
export interface FunctionFact {
  /** Root-relative POSIX file. */
  readonly file: string;
  readonly line: number;
  /** Normalized AST size (nodes). */
  readonly size: number;
}

/** The `prodready facts` pre-pass file: project-wide facts rules may read without reading other files. */
export interface ProjectFacts {
  readonly version: 1;
  /** Absolute folder the module paths are relative to. */
  readonly root: string;
  readonly aliases: readonly AliasFact[];
  /** Package names the root `package.json` declares (dependencies, dev, peer, optional), sorted. */
  readonly dependencies: readonly string[];
  readonly modules: Readonly<Record<string, ModuleFacts>>;
  /** Naming convention counts; absent in facts files from older pre-passes. */
  readonly naming?: NamingFacts;
  /** Functions at or above `FINGERPRINT_MIN_SIZE` nodes, by fingerprint hash (test and generated files excluded). */
  readonly functions?: Readonly<Record<string, readonly FunctionFact[]>>;
  /** Per folder (root-relative, POSIX), how many modules follow each `ModuleStyle`. */
  readonly moduleStyles?: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

/** Where the pre-pass writes, relative to the ESLint cwd, unless `settings.prodready.factsFile` says otherwise. */
export const DEFAULT_FACTS_FILE = '.prodready/facts.json';
export const FACTS_VERSION = 1;
/** The pre-pass fingerprints functions of at least this many nodes; rules can only ask for larger floors. */
export const FINGERPRINT_MIN_SIZE = 30;

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

const perFile = new WeakMap<object, ProjectFacts | null>();
const loaded = new Map<string, { mtimeMs: number; facts: ProjectFacts | null }>();

/** `settings.prodready` keys the facts mechanism reads. */
interface FactsSettings {
  /** `false`: no facts at all; `'file'`: only a pre-pass file, never automatic collection; `'auto'` (default). */
  facts?: unknown;
  factsFile?: unknown;
  cacheDir?: unknown;
}

/**
 * The project facts for the file being linted, or `undefined` when there are none (rules then
 * stay silent where they would need them). In order: `settings.prodready.facts: false` turns
 * facts off; a pre-pass file (`settings.prodready.factsFile`, else `.prodready/facts.json` in
 * the cwd) is used when it exists; otherwise facts are collected automatically for the file's
 * project with a per-file content cache (`getAutoFacts`), unless `facts: 'file'`. Once per file.
 */
export function getProjectFacts(context: AnyContext): ProjectFacts | undefined {
  const key = context.sourceCode;
  const cached = perFile.get(key);
  if (cached !== undefined) return cached ?? undefined;
  const settings = (context.settings as { prodready?: FactsSettings } | undefined)?.prodready ?? {};
  const mode = process.env.PRODREADY_FACTS ?? settings.facts;
  let facts: ProjectFacts | undefined;
  if (mode !== false && mode !== 'off' && mode !== 'false') {
    const file = getFactsFile(context, settings);
    facts = loadFacts(file);
    // An explicit `factsFile` means the pre-pass is how this project gets facts: no automatic collection.
    if (!facts && mode !== 'file' && typeof settings.factsFile !== 'string') {
      facts = getAutoFactsFor(context, settings);
    }
  }
  perFile.set(key, facts ?? null);
  return facts;
}

function getAutoFactsFor(context: AnyContext, settings: FactsSettings): ProjectFacts | undefined {
  const filename = isAbsolute(context.filename) ? context.filename : resolve(context.cwd, context.filename);
  const root = findProjectRoot(filename, context.cwd);
  if (root === undefined) return undefined;
  const parser = getFactsParser(context, root);
  if (!parser) return undefined;
  const cacheDir = typeof settings.cacheDir === 'string' ? resolve(context.cwd, settings.cacheDir) : undefined;
  return getAutoFacts({ root, parser, ...(cacheDir ? { cacheDir } : {}) })?.facts;
}

function getFactsFile(context: AnyContext, settings: FactsSettings): string {
  const file = typeof settings.factsFile === 'string' ? settings.factsFile : DEFAULT_FACTS_FILE;
  return isAbsolute(file) ? file : resolve(context.cwd, file);
}

/** Load and validate a facts file; `undefined` when missing, unreadable or from another version. */
export function loadFacts(file: string): ProjectFacts | undefined {
  let mtimeMs: number;
  try {
    mtimeMs = statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
  const hit = loaded.get(file);
  if (hit && hit.mtimeMs === mtimeMs) return hit.facts ?? undefined;
  let facts: ProjectFacts | null = null;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<ProjectFacts>;
    if (parsed.version === FACTS_VERSION && typeof parsed.root === 'string' && parsed.modules) {
      facts = {
        version: FACTS_VERSION,
        root: parsed.root,
        aliases: parsed.aliases ?? [],
        dependencies: parsed.dependencies ?? [],
        modules: parsed.modules,
        ...(parsed.naming ? { naming: parsed.naming } : {}),
        ...(parsed.functions ? { functions: parsed.functions } : {}),
        ...(parsed.moduleStyles ? { moduleStyles: parsed.moduleStyles } : {}),
      };
    }
  } catch {
    facts = null;
  }
  loaded.set(file, { mtimeMs, facts });
  return facts ?? undefined;
}

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/**
 * The project module (root-relative POSIX path) that `specifier`, imported from `fromFile`,
 * points to, when the facts know it: relative specifiers and tsconfig path aliases, with
 * TypeScript's extension rules (`./db.js` may be `db.ts`; `./db` may be `db/index.ts`).
 */
export function resolveModule(facts: ProjectFacts, fromFile: string, specifier: string): string | undefined {
  const bases: string[] = [];
  if (specifier.startsWith('.')) {
    bases.push(toRootRelative(facts, resolve(dirname(fromFile), specifier)));
  } else {
    for (const alias of facts.aliases) {
      if (specifier === alias.prefix.replace(/\/$/, '') || specifier.startsWith(alias.prefix)) {
        for (const target of alias.targets) bases.push(normalise(target + specifier.slice(alias.prefix.length)));
      }
    }
  }
  for (const base of bases) {
    const found = findModule(facts, base);
    if (found) return found;
  }
  return undefined;
}

function findModule(facts: ProjectFacts, base: string): string | undefined {
  const stripped = base.replace(/\.(?:[cm]?js|jsx)$/, '');
  const candidates = [base, ...EXTENSIONS.map((ext) => stripped + ext), ...EXTENSIONS.map((ext) => `${base}/index${ext}`)];
  return candidates.find((candidate) => Object.hasOwn(facts.modules, candidate));
}

/**
 * What `exportName` of project module `file` is, following re-exports and local hops
 * (`export { prisma } from './client'`, `export * from './db'`); `undefined` when unknown.
 */
export function getExportFact(facts: ProjectFacts, file: string, exportName: string, depth = 0): ExportFact | undefined {
  if (depth > 8) return undefined;
  // Own properties only: an export read as `toString` or `constructor` must not find Object.prototype's.
  const module = Object.hasOwn(facts.modules, file) ? facts.modules[file] : undefined;
  if (!module) return undefined;
  const fact = Object.hasOwn(module.exports, exportName) ? module.exports[exportName] : undefined;
  if (fact) {
    if (fact.file === undefined) return fact;
    const [first, ...rest] = fact.path;
    const inner = getExportFact(facts, fact.file, first ?? 'default', depth + 1);
    return inner && { source: inner.source, path: [...inner.path, ...rest], ...(inner.file ? { file: inner.file } : {}) };
  }
  for (const target of module.reexportAll ?? []) {
    const found = getExportFact(facts, target, exportName, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** `root`-relative POSIX form of an absolute path. */
export function toRootRelative(facts: Pick<ProjectFacts, 'root'>, absolute: string): string {
  return normalise(relative(facts.root, absolute));
}

function normalise(path: string): string {
  return join(path).split(sep).join('/').replace(/\/$/, '');
}
