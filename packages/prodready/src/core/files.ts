import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

import { UsageError } from './errors.js';

/** Folders never walked: dependencies, build output, caches, VCS and tool folders. */
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'build', 'out', 'coverage']);
const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const DECLARATION = /\.d\.[cm]?ts$/;

/** Whether a folder name is walked (dot-folders such as `.git`, `.next` and `.prodready` are not). */
export function isWalkedFolder(name: string): boolean {
  return !name.startsWith('.') && !SKIPPED_FOLDERS.has(name);
}

/** Absolute paths of the JS/TS source files under `paths` (folders walked, files taken as they are). */
export function listSourceFiles(cwd: string, paths: readonly string[]): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (isWalkedFolder(entry.name)) walk(path);
      } else if (entry.isFile() && SOURCE.test(entry.name) && !DECLARATION.test(entry.name)) {
        found.push(path);
      }
    }
  };
  for (const path of resolvePaths(cwd, paths)) {
    if (statSync(path).isDirectory()) walk(path);
    else found.push(path);
  }
  return [...new Set(found)].sort();
}

/** `paths` made absolute; a missing one is a usage error naming it. */
export function resolvePaths(cwd: string, paths: readonly string[]): string[] {
  return paths.map((path) => {
    const absolute = resolve(cwd, path);
    if (!existsSync(absolute)) throw new UsageError(`No such file or folder: ${path}`);
    return absolute;
  });
}

/** `file` relative to `cwd` with POSIX separators, as every report shows paths. */
export function toDisplayPath(cwd: string, file: string): string {
  return relative(cwd, file).split(sep).join('/');
}
