// Monorepo boundaries: the workspace packages of an npm, yarn or pnpm monorepo, and the rules that
// keep them apart (no relative imports into another package, no use of an undeclared one).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';

import { globToRegex } from './globs.mjs';
import { getPublicEntries, mapWorkspaceSources } from './workspace-sources.mjs';

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];
const MAX_DEPTH = 4;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/**
 * The workspace packages of the monorepo at `rootDir`, from `pnpm-workspace.yaml` or the root
 * package.json `workspaces` (npm, yarn; array or `{ packages }`), sorted by folder. Negated globs
 * (`!packages/legacy`) exclude. Returns `[]` for a repository that is not a monorepo.
 * @param {string} rootDir
 * `kind` is `library` for a package others consume (it declares `exports`, `module` or `types`, is
 * not `private`, or another workspace package depends on it) and `application` otherwise (a
 * private package with at most a `main` that nothing depends on).
 * @returns {Array<{ name: string, dir: string, kind: 'library' | 'application', dependencies: string[] }>}
 */
export function readWorkspaces(rootDir) {
  const globs = readWorkspaceGlobs(rootDir);
  const include = globs.filter((glob) => !glob.startsWith('!')).map((glob) => new RegExp(`${globToRegex(clean(glob)).replace(/\(\?:\/\|\$\)$/, '')}$`));
  const exclude = globs.filter((glob) => glob.startsWith('!')).map((glob) => new RegExp(globToRegex(clean(glob.slice(1)))));
  const workspaces = [];
  // Workspace globs are shallow (`packages/*`); `**` is followed a few levels only, as package managers stop at package.json anyway.
  const depth = Math.max(0, ...globs.filter((glob) => !glob.startsWith('!')).map((glob) => (glob.includes('**') ? MAX_DEPTH : clean(glob).split('/').length)));
  for (const dir of listFolders(rootDir, depth)) {
    if (!include.some((regex) => regex.test(dir)) || exclude.some((regex) => regex.test(dir))) continue;
    const manifestPath = join(rootDir, dir, 'package.json');
    if (!existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (typeof manifest.name !== 'string') continue;
    const dependencies = new Set(DEPENDENCY_FIELDS.flatMap((field) => Object.keys(manifest[field] ?? {})));
    workspaces.push({ name: manifest.name, dir, kind: getKind(manifest), dependencies: [...dependencies].sort() });
  }
  // A private package another workspace package depends on is a library all the same.
  const declared = new Set(workspaces.flatMap(({ dependencies }) => dependencies));
  for (const workspace of workspaces) if (declared.has(workspace.name)) workspace.kind = 'library';
  return workspaces.sort((left, right) => (left.dir < right.dir ? -1 : 1));
}

/**
 * dependency-cruiser rules keeping workspace packages apart:
 * - `workspace-no-relative-import`: a relative import (`../../billing/src/x`) into another package;
 * - `workspace-undeclared-dependency-in-<dir>`: one per package, an import of another workspace
 *   package that its package.json does not declare.
 * - with `rootDir`, `workspace-deep-import-into-<dir>`: one per package whose package.json has
 *   `exports`, an import of one of its files that `exports` does not expose (mapped to sources by
 *   `mapWorkspaceSources`).
 * Paths are relative to the monorepo root, which must be the cruise's base directory.
 * @param {ReadonlyArray<{ name: string, dir: string, kind?: 'library' | 'application', dependencies: readonly string[] }>} workspaces from `readWorkspaces`
 * @param {{ severity?: 'error' | 'warn' | 'info', rootDir?: string }} [options]
 */
export function compileWorkspaces(workspaces, options = {}) {
  const severity = options.severity ?? 'error';
  if (workspaces.length < 2) return { forbidden: [] };
  const dirs = workspaces.map(({ dir }) => escape(dir));
  const forbidden = [
    {
      name: 'workspace-no-relative-import',
      comment:
        'This relative import reaches into another workspace package. It works in the monorepo checkout but breaks ' +
        'when the package is built, published or deployed on its own, and it skips the package\'s public entry point; ' +
        'import the package by its name and declare it in package.json.',
      severity,
      from: { path: `^(${dirs.join('|')})/` },
      // tsconfig `paths` and workspace aliases are `local` too, and `aliased`.
      to: { path: `^(?:${dirs.join('|')})/`, pathNot: '^$1/', dependencyTypes: ['local'], dependencyTypesNot: ['aliased'] },
    },
  ];
  const names = new Map(workspaces.map((workspace) => [workspace.name, workspace]));
  for (const workspace of workspaces) {
    const declared = new Set(workspace.dependencies.filter((name) => names.has(name)));
    const undeclared = workspaces.filter((other) => other !== workspace && !declared.has(other.name));
    if (undeclared.length === 0) continue;
    forbidden.push({
      name: `workspace-undeclared-dependency-in-${toRuleSuffix(workspace.dir)}`,
      comment:
        `\`${workspace.name}\` imports a workspace package its package.json does not declare. The monorepo's ` +
        'hoisting makes it resolve locally, but an install of this package alone will not have it, and build tools ' +
        'order builds by declared dependencies; add it to `dependencies` (`"workspace:*"` with pnpm/yarn).',
      severity,
      from: { path: `^${escape(workspace.dir)}/` },
      // Relative imports are `workspace-no-relative-import`'s; every resolved alias (tsconfig `paths`, workspace symlinks) is ours.
      to: { path: `^(?:${undeclared.map(({ dir }) => escape(dir)).join('|')})/`, dependencyTypes: PACKAGE_IMPORT },
    });
  }
  if (options.rootDir !== undefined) forbidden.push(...compileDeepImportRules(workspaces, options.rootDir, severity));
  return { forbidden };
}

/** Dependency types of an import by package name: any alias (tsconfig `paths`, workspace symlink, alias map) or package. */
const PACKAGE_IMPORT = ['aliased', 'npm', 'npm-dev', 'npm-peer', 'npm-optional', 'npm-no-pkg', 'npm-unknown'];

function compileDeepImportRules(workspaces, rootDir, severity) {
  const { packages } = mapWorkspaceSources(rootDir, workspaces);
  const rules = [];
  for (const mapped of packages) {
    const entries = getPublicEntries(mapped, rootDir, mapped.dir);
    if (entries === null) continue;
    rules.push({
      name: `workspace-deep-import-into-${toRuleSuffix(mapped.dir)}`,
      comment:
        `This module imports a file of \`${mapped.name}\` that its package.json \`exports\` does not expose. It resolves in ` +
        'the monorepo, but Node.js refuses it (ERR_PACKAGE_PATH_NOT_EXPORTED) once the package is built or installed, ' +
        'and the package cannot change its internals without breaking you. Import from an exported entry point, or ' +
        'export what you need.',
      severity,
      from: { pathNot: `^${escape(mapped.dir)}/` },
      to: {
        path: `^${escape(mapped.dir)}/`,
        ...(entries.length > 0 ? { pathNot: entries.map((entry) => `^${escape(entry)}$`) } : {}),
        dependencyTypes: PACKAGE_IMPORT,
      },
    });
  }
  return rules;
}

const toRuleSuffix = (dir) => dir.replaceAll(/[^A-Za-z0-9]+/g, '-').toLowerCase();

/** @param {Record<string, unknown>} manifest */
function getKind(manifest) {
  const hasEntryPoints = ['exports', 'module', 'types', 'typings'].some((field) => manifest[field] !== undefined);
  return hasEntryPoints || manifest.private !== true ? 'library' : 'application';
}

function readWorkspaceGlobs(rootDir) {
  const pnpmFile = join(rootDir, 'pnpm-workspace.yaml');
  if (existsSync(pnpmFile)) return parsePnpmPackages(readFileSync(pnpmFile, 'utf8'));
  const manifestPath = join(rootDir, 'package.json');
  if (!existsSync(manifestPath)) return [];
  const { workspaces } = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const globs = Array.isArray(workspaces) ? workspaces : workspaces?.packages;
  return Array.isArray(globs) ? globs.filter((glob) => typeof glob === 'string') : [];
}

/** The `packages:` list of a pnpm-workspace.yaml, block (`- 'apps/*'`) or flow (`['apps/*']`) style. */
function parsePnpmPackages(yaml) {
  const lines = yaml.split(/\r?\n/).map((line) => line.replace(/\s+#.*$/, ''));
  const start = lines.findIndex((line) => /^packages\s*:/.test(line));
  if (start === -1) return [];
  const inline = lines[start].replace(/^packages\s*:\s*/, '');
  if (inline.startsWith('[')) return inline.replace(/^\[|\]$/g, '').split(',').map(unquote).filter(Boolean);
  const globs = [];
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) break;
    const item = /^\s*-\s*(.+)$/.exec(line);
    if (item) globs.push(unquote(item[1]));
  }
  return globs;
}

const unquote = (text) => text.trim().replace(/^(['"])(.*)\1$/, '$2');
const clean = (glob) => glob.replace(/^\.\//, '').replace(/\/+$/, '');
const escape = (text) => text.replaceAll(/[.+^$()|[\]\\*?{}]/g, '\\$&');

/** Folders below `rootDir` down to `depth` levels (relative, `/`-separated), skipping node_modules and dot-folders. */
function listFolders(rootDir, depth, prefix = '') {
  if (depth === 0) return [];
  const folders = [];
  for (const entry of readdirSync(join(rootDir, prefix), { withFileTypes: true })) {
    if (!entry.isDirectory() || SKIPPED_FOLDERS.has(entry.name) || entry.name.startsWith('.')) continue;
    const dir = prefix === '' ? entry.name : posix.join(prefix, entry.name);
    folders.push(dir, ...listFolders(rootDir, depth - 1, dir));
  }
  return folders;
}
