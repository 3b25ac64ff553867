// One cruise for the whole monorepo: every workspace package's entry points (package.json `exports`,
// `module`, `main`, `types`) mapped back to its sources, as an alias map for the resolver. Without
// it, `@acme/billing` resolves to a build output that does not exist in a fresh checkout (or not at
// all), the imports count as unresolvable or as leaves, and the cruise says "0 violations" about
// code it never read.
import { readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';

/** Condition names, most source-like first. */
const CONDITIONS = ['source', 'development', 'types', 'import', 'module', 'node', 'require', 'default'];
/** Folders build tools write to; their sources live in `src/`. */
const BUILD_FOLDER = /^(?:dist|build|lib|out|esm|cjs|types)\//;
const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const BUILT_EXTENSION = /\.(?:d\.[cm]?ts|[cm]?js|jsx)$/;

/**
 * The entry points of each workspace package, as source files relative to the monorepo root, and
 * an alias map for dependency-cruiser's resolver (`cruise(files, options, { alias })`, or a
 * `webpackConfig` file exporting `{ resolve: { alias } }`).
 *
 * - `exports` subpaths (`"."`, `"./schema"`) and `module`/`main`/`types` are followed; a target in a
 *   build folder (`dist/`, `build/`, `lib/`…) maps to the same path under `src/` with a source
 *   extension, when that file exists. `src/index.*` is the fallback for `"."`.
 * - Wildcard subpaths (`"./templates/*": "./dist/templates/*.js"`) become wildcard aliases to the
 *   source folder (`src/templates/*`, extension left to the resolver); they are not checked on disk.
 * - `alias` has `<name>$` (exact) per entry, then the wildcards, then `<name>` → the package folder, so a deep import
 *   (`@acme/billing/src/internal`) resolves too and `workspace-deep-import` can report it.
 * - Entries that map to no file are listed in `unmapped`, for `checkResolution`'s message.
 *
 * @param {string} rootDir the monorepo root (the cruise's base directory)
 * @param {ReadonlyArray<{ name: string, dir: string }>} workspaces from `readWorkspaces(rootDir)`
 * @returns {{ packages: Array<{ name: string, dir: string, entries: Record<string, string>, unmapped: string[] }>, alias: Record<string, string> }}
 */
export function mapWorkspaceSources(rootDir, workspaces) {
  const packages = [];
  const exact = [];
  const wildcards = [];
  const prefixes = [];
  for (const { name, dir } of workspaces) {
    const manifest = readManifest(join(rootDir, dir, 'package.json'));
    const entries = {};
    const unmapped = [];
    for (const [subpath, target] of getEntryTargets(manifest)) {
      const source = findSource(rootDir, dir, target) ?? (subpath === '.' ? findSource(rootDir, dir, './src/index') : undefined);
      if (source) entries[subpath] = source;
      else unmapped.push(subpath);
    }
    if (!('.' in entries) && !unmapped.includes('.')) {
      const fallback = findSource(rootDir, dir, './src/index') ?? findSource(rootDir, dir, './index');
      if (fallback) entries['.'] = fallback;
    }
    for (const [subpath, target] of getWildcardTargets(manifest)) {
      const source = posix.join(dir, toSourcePattern(target));
      entries[subpath] = source;
      wildcards.push([`${name}/${subpath.slice(2)}`, join(rootDir, source)]);
    }
    packages.push({ name, dir, entries, unmapped });
    for (const [subpath, source] of Object.entries(entries)) {
      if (!subpath.includes('*')) exact.push([`${subpath === '.' ? name : `${name}/${subpath.slice(2)}`}$`, join(rootDir, source)]);
    }
    prefixes.push([name, join(rootDir, dir)]);
  }
  // enhanced-resolve tries aliases in insertion order: exact entries, then wildcard subpaths, then package folders.
  return { packages, alias: Object.fromEntries([...exact, ...wildcards, ...prefixes]) };
}

/**
 * The files of `dir` its package.json lets other packages import, relative to the monorepo root:
 * the mapped entries, or `null` when the package has no `exports` (everything is importable).
 * @param {{ entries: Record<string, string> }} mapped one of `mapWorkspaceSources(…).packages`
 * @param {string} rootDir
 * @param {string} dir
 */
export function getPublicEntries(mapped, rootDir, dir) {
  const manifest = readManifest(join(rootDir, dir, 'package.json'));
  if (manifest.exports === undefined) return null;
  // A wildcard subpath (`"./*": "./src/*.ts"`) opens a whole folder: treat the package as open.
  if (typeof manifest.exports === 'object' && manifest.exports !== null && Object.keys(manifest.exports).some((key) => key.includes('*'))) return null;
  return Object.values(mapped.entries);
}

function readManifest(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return {};
  }
}

/** `[subpath, target]` pairs of a package.json, `exports` first (wildcard subpaths skipped). */
function getEntryTargets(manifest) {
  const { exports } = manifest;
  if (exports !== undefined && exports !== null) {
    const subpaths = typeof exports === 'string' || Array.isArray(exports) || !Object.keys(exports).some((key) => key.startsWith('.'))
      ? { '.': exports }
      : exports;
    return Object.entries(subpaths)
      .filter(([subpath]) => !subpath.includes('*'))
      .map(([subpath, value]) => [subpath, pickTarget(value)])
      .filter(([, target]) => typeof target === 'string');
  }
  const target = ['source', 'module', 'main', 'types', 'typings'].map((field) => manifest[field]).find((value) => typeof value === 'string');
  return target ? [['.', target]] : [];
}

/** `[subpath, target]` pairs of the wildcard subpaths of `exports` (one `*` each). */
function getWildcardTargets(manifest) {
  const { exports } = manifest;
  if (!exports || typeof exports !== 'object' || Array.isArray(exports)) return [];
  return Object.entries(exports)
    .filter(([subpath]) => subpath.startsWith('./') && subpath.split('*').length === 2)
    .map(([subpath, value]) => [subpath, pickTarget(value)])
    .filter(([, target]) => typeof target === 'string' && target.split('*').length === 2);
}

/** `./dist/templates/*.js` → `src/templates/*`; a target outside a build folder stays as it is. */
function toSourcePattern(target) {
  const relative = posix.normalize(target.replace(/^\.\//, ''));
  if (!BUILD_FOLDER.test(relative)) return relative;
  return relative.replace(BUILD_FOLDER, 'src/').replace(BUILT_EXTENSION, '');
}

/** The most source-like target of a conditional export. */
function pickTarget(value) {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(pickTarget).find(Boolean);
  if (value && typeof value === 'object') {
    for (const condition of CONDITIONS) if (condition in value) {
      const target = pickTarget(value[condition]);
      if (target) return target;
    }
  }
  return undefined;
}

/**
 * The source file behind a package.json target, relative to the root, or `undefined`: the same path
 * under `src/` with a source extension, then the target without its build extension, then the
 * target itself when it is JavaScript that exists (a package shipping its sources).
 */
function findSource(rootDir, dir, target) {
  const relative = posix.normalize(target.replace(/^\.\//, ''));
  const withoutExtension = relative.replace(BUILT_EXTENSION, '');
  const candidates = [];
  for (const base of new Set([withoutExtension.replace(BUILD_FOLDER, 'src/'), withoutExtension])) {
    for (const extension of SOURCE_EXTENSIONS) candidates.push(`${base}${extension}`);
    for (const extension of SOURCE_EXTENSIONS) candidates.push(`${base}/index${extension}`);
  }
  if (!/\.d\.[cm]?ts$/.test(relative)) candidates.push(relative);
  const found = candidates.find((candidate) => isFile(join(rootDir, dir, candidate)));
  return found === undefined ? undefined : posix.join(dir, found);
}

function isFile(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
