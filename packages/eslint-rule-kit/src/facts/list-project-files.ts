import { type Dirent, existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** A source file the automatic facts cover. */
export interface ProjectFile {
  /** Absolute path. */
  readonly path: string;
  /** Root-relative POSIX path (the module key). */
  readonly key: string;
  readonly size: number;
  readonly mtimeMs: number;
}

export interface ListProjectFilesOptions {
  /** Files larger than this many bytes (bundles, vendored or generated code) are skipped. */
  readonly maxFileSize?: number;
}

/** Folders never walked: dependencies, build output, coverage, caches; dot-folders (`.git`, `.next`) too. */
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'build', 'out', 'coverage', 'vendor', 'bower_components', 'tmp', 'temp']);
const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const SKIPPED_FILE = /\.d\.[cm]?ts$|[.-]min\.[cm]?js$|\.bundle\.[cm]?js$/;
export const DEFAULT_MAX_FILE_SIZE = 512 * 1024;

interface IgnoreRule {
  readonly pattern: RegExp;
  readonly negated: boolean;
  readonly directoryOnly: boolean;
  /** Unanchored patterns (no `/` inside) match a name at any depth. */
  readonly basename: boolean;
}

/**
 * The JS/TS source files of the project at `root`, sorted by key: dependency, build, coverage and
 * dot-folders skipped, the root `.gitignore` honoured (`!` negations, `/` anchors, `**`; nested
 * `.gitignore` files are not read), nested packages (a folder with its own `package.json`) left to
 * their own facts, declaration files, minified bundles and files over `maxFileSize` skipped.
 */
export function listProjectFiles(root: string, { maxFileSize = DEFAULT_MAX_FILE_SIZE }: ListProjectFilesOptions = {}): ProjectFile[] {
  const rules = readGitignore(root);
  const found: ProjectFile[] = [];
  const walk = (dir: string, prefix: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const key = prefix + entry.name;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name.startsWith('.') || SKIPPED_FOLDERS.has(entry.name) || isIgnored(rules, key, entry.name, true)) continue;
        if (existsSync(join(path, 'package.json'))) continue;
        walk(path, `${key}/`);
      } else if (entry.isFile() && SOURCE.test(entry.name) && !SKIPPED_FILE.test(entry.name) && !isIgnored(rules, key, entry.name, false)) {
        let stats;
        try {
          stats = statSync(path);
        } catch {
          continue;
        }
        if (stats.size <= maxFileSize) found.push({ path, key, size: stats.size, mtimeMs: stats.mtimeMs });
      }
    }
  };
  walk(root, '');
  return found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function isIgnored(rules: readonly IgnoreRule[], key: string, name: string, directory: boolean): boolean {
  let ignored = false;
  for (const rule of rules) {
    if (rule.directoryOnly && !directory) continue;
    if (rule.pattern.test(rule.basename ? name : key)) ignored = !rule.negated;
  }
  return ignored;
}

function readGitignore(root: string): IgnoreRule[] {
  let text: string;
  try {
    text = readFileSync(join(root, '.gitignore'), 'utf8');
  } catch {
    return [];
  }
  const rules: IgnoreRule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.trimEnd();
    if (line === '' || line.startsWith('#')) continue;
    const negated = line.startsWith('!');
    if (negated) line = line.slice(1);
    const directoryOnly = line.endsWith('/');
    if (directoryOnly) line = line.slice(0, -1);
    const anchored = line.includes('/');
    if (line.startsWith('/')) line = line.slice(1);
    if (line === '') continue;
    rules.push({ pattern: new RegExp(`^${globToSource(line)}$`), negated, directoryOnly, basename: !anchored });
  }
  return rules;
}

function globToSource(glob: string): string {
  let source = '';
  for (let index = 0; index < glob.length; index += 1) {
    const char = glob[index] as string;
    if (char === '*' && glob[index + 1] === '*') {
      const slash = glob[index + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      index += slash ? 2 : 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '\\' && index + 1 < glob.length) {
      source += `\\${glob[index + 1] as string}`;
      index += 1;
    } else source += /[.+^${}()|[\]]/.test(char) ? `\\${char}` : char;
  }
  return source;
}
