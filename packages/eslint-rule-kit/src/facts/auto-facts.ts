import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, isAbsolute } from 'node:path';
import { createRequire } from 'node:module';
import { threadId } from 'node:worker_threads';

import type { TSESLint } from '@typescript-eslint/utils';
import type { Linter } from 'eslint';

import { buildProjectFacts, EMPTY_FILE_FACTS, extractFileFacts, type FileFacts } from './collect-project-facts.js';
import { DEFAULT_MAX_FILE_SIZE, listProjectFiles } from './list-project-files.js';
import type { ProjectFacts } from './project-facts.js';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export interface AutoFactsOptions {
  /** Absolute project root (module keys are relative to it). */
  readonly root: string;
  /** The parser that reads the project's files. */
  readonly parser: Linter.Parser;
  /** Where per-file entries are kept. Default: `<root>/node_modules/.cache/prodready/facts`. */
  readonly cacheDir?: string;
  readonly maxFileSize?: number;
  /**
   * `false` ignores what this process already knows and goes to the disk cache for every file,
   * as a fresh process (a new ESLint run, another worker) would. Default `true`.
   */
  readonly memory?: boolean;
}

/** Facts plus what building them cost: `extracted` files were parsed, `fromCache` came from the cache. */
export interface AutoFactsResult {
  readonly facts: ProjectFacts;
  readonly files: number;
  readonly extracted: number;
  readonly fromCache: number;
}

interface CacheEntry {
  readonly version: number;
  readonly root: string;
  readonly parser: string;
  readonly key: string;
  readonly mtimeMs: number;
  readonly size: number;
  readonly hash: string;
  readonly facts: FileFacts;
}

interface ProjectState {
  checkedAt: number;
  result: AutoFactsResult;
  entries: Map<string, CacheEntry>;
}

/** Bump when what `extractFileFacts` records changes: every cached entry is then re-extracted. */
const EXTRACTOR_VERSION = 2;
/** How long a process trusts its in-memory facts before it re-checks the files (stat only). */
const REFRESH_MS = 1_000;
/** Projects with more source files than this get no automatic facts (use the `prodready facts` pre-pass). */
const MAX_FILES = 20_000;
// A file this long with this few line breaks is a minified bundle, not source.
const MINIFIED_LENGTH = 20_000;
const MINIFIED_LINE_LENGTH = 1_000;

const GOLDEN_RATIO = 0.618_033_988_75;

const projects = new Map<string, ProjectState>();
const roots = new Map<string, string | null>();

/**
 * Facts for the project at `root`, built without a manual step: each source file's facts are
 * cached on disk by path and content hash (mtime and size first, the hash only when they
 * changed), each entry written atomically (temp file + rename) so parallel workers and
 * processes can share the cache; within a process the result is reused for `REFRESH_MS`, then
 * re-validated by `stat`. `undefined` for projects over `MAX_FILES` files.
 */
export function getAutoFacts(options: AutoFactsOptions): AutoFactsResult | undefined {
  const { root, parser, memory = true } = options;
  const cacheDir = options.cacheDir ?? join(root, 'node_modules', '.cache', 'prodready', 'facts');
  const parserKey = getParserKey(parser);
  const id = `${root}\0${cacheDir}\0${parserKey}`;
  const state = memory ? projects.get(id) : undefined;
  const now = Date.now();
  if (state && now - state.checkedAt < REFRESH_MS) return state.result;
  const files = listProjectFiles(root, { maxFileSize: options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE });
  if (files.length > MAX_FILES) return undefined;
  const entries = new Map<string, CacheEntry>();
  let extracted = 0;
  let fromCache = 0;
  let changed = !state || state.entries.size !== files.length;
  let cacheReady = false;
  // Workers of one ESLint run (`--concurrency`) start at different points of the list, so each
  // mostly reads entries the others already wrote instead of extracting the same files in lockstep.
  const offset = Math.floor(files.length * ((threadId * GOLDEN_RATIO) % 1));
  for (let index = 0; index < files.length; index += 1) {
    const file = files[(index + offset) % files.length] as (typeof files)[number];
    const known = state?.entries.get(file.key);
    if (known && known.mtimeMs === file.mtimeMs && known.size === file.size) {
      entries.set(file.key, known);
      continue;
    }
    changed = true;
    // Keyed by root too: one configured cache folder may serve several packages of a monorepo.
    const entryFile = join(cacheDir, `${hash(`${root}\0${file.key}`).slice(0, 24)}.json`);
    const cached = readEntry(entryFile, root, file.key, parserKey);
    if (cached && cached.mtimeMs === file.mtimeMs && cached.size === file.size) {
      entries.set(file.key, cached);
      fromCache += 1;
      continue;
    }
    let text: string;
    try {
      text = readFileSync(file.path, 'utf8');
    } catch {
      continue;
    }
    const contentHash = hash(text);
    let facts: FileFacts;
    if (cached?.hash === contentHash) {
      // Touched but unchanged (checkout, formatter with no diff): keep the facts, record the new mtime.
      facts = cached.facts;
      fromCache += 1;
    } else {
      facts = isMinified(text) ? EMPTY_FILE_FACTS : (extractFileFacts(root, file.path, text, parser) ?? EMPTY_FILE_FACTS);
      extracted += 1;
    }
    const entry: CacheEntry = { version: EXTRACTOR_VERSION, root, parser: parserKey, key: file.key, mtimeMs: file.mtimeMs, size: file.size, hash: contentHash, facts };
    if (!cacheReady) {
      cacheReady = true;
      try {
        mkdirSync(cacheDir, { recursive: true });
      } catch {
        // read-only checkout: entries fail to write, facts still work
      }
    }
    writeEntry(entryFile, entry);
    entries.set(file.key, entry);
  }
  const result: AutoFactsResult =
    !changed && state
      ? state.result
      : {
          facts: buildProjectFacts(root, new Map([...entries].map(([key, entry]) => [key, entry.facts]))),
          files: files.length,
          extracted,
          fromCache,
        };
  if (memory) projects.set(id, { checkedAt: Date.now(), result, entries });
  return result;
}

/**
 * The folder whose project the file belongs to: the nearest ancestor with a `package.json`, else
 * the nearest with a `tsconfig.json`, else ESLint's cwd when the file is inside it.
 */
export function findProjectRoot(filename: string, cwd: string): string | undefined {
  const start = dirname(filename);
  const cached = roots.get(start);
  if (cached !== undefined) return cached ?? undefined;
  let found = findUp(start, 'package.json') ?? findUp(start, 'tsconfig.json');
  if (found === undefined) {
    const fromCwd = relative(cwd, filename);
    if (!fromCwd.startsWith('..') && !isAbsolute(fromCwd)) found = cwd;
  }
  roots.set(start, found ?? null);
  return found;
}

/**
 * The parser facts are extracted with: the linted file's own parser when it is typescript-eslint's,
 * else `@typescript-eslint/parser` as the project resolves it (so `.ts` files parse even when this
 * file is linted with espree), else the file's own parser.
 */
export function getFactsParser(context: AnyContext, root: string): Linter.Parser | undefined {
  const own = context.languageOptions.parser as Linter.Parser | undefined;
  if (own && isTypeScriptParser(own)) return own;
  for (const base of [join(root, 'package.json'), import.meta.url]) {
    try {
      const parser = createRequire(base)('@typescript-eslint/parser') as Linter.Parser;
      if (typeof (parser as { parseForESLint?: unknown }).parseForESLint === 'function') return parser;
    } catch {
      // not installed there
    }
  }
  return own;
}

function isTypeScriptParser(parser: Linter.Parser): boolean {
  const name = (parser as { meta?: { name?: string } }).meta?.name ?? '';
  return name.includes('typescript-eslint');
}

function getParserKey(parser: Linter.Parser): string {
  const meta = (parser as { meta?: { name?: string; version?: string } }).meta;
  return `${meta?.name ?? 'parser'}@${meta?.version ?? '0'}`;
}

function findUp(start: string, name: string): string | undefined {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, name))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

function hash(text: string): string {
  return createHash('sha1').update(text).digest('base64url');
}

function isMinified(text: string): boolean {
  if (text.length < MINIFIED_LENGTH) return false;
  let lines = 1;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lines += 1;
  return text.length / lines > MINIFIED_LINE_LENGTH;
}

/** A cache entry for `key`, or `undefined` when missing, torn, from another extractor or parser. */
function readEntry(file: string, root: string, key: string, parserKey: string): CacheEntry | undefined {
  try {
    const entry = JSON.parse(readFileSync(file, 'utf8')) as Partial<CacheEntry>;
    if (entry.version !== EXTRACTOR_VERSION || entry.parser !== parserKey || entry.root !== root || entry.key !== key || !entry.facts) return undefined;
    return entry as CacheEntry;
  } catch {
    return undefined;
  }
}

/**
 * Write atomically: a reader (another worker, another ESLint process) sees the old entry or the
 * new one, never half of one. Concurrent writers of the same entry write the same facts for the
 * same content, so the last rename winning is correct. A cache that cannot be written only costs
 * the next run an extraction.
 */
function writeEntry(file: string, entry: CacheEntry): void {
  const temp = `${file}.${process.pid}.${threadId}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    writeFileSync(temp, JSON.stringify(entry));
    renameSync(temp, file);
  } catch {
    try {
      unlinkSync(temp);
    } catch {
      // nothing was written
    }
  }
}
