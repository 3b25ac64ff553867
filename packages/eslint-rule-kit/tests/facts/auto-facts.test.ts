import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { createRuleTester } from '@prodready/test-kit';
import type { TSESTree } from '@typescript-eslint/utils';
import { parser } from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

import { findProjectRoot, getAutoFacts } from '../../src/facts/auto-facts.js';
import { listProjectFiles } from '../../src/facts/list-project-files.js';
import { getOrigin } from '../../src/origin/get-origin.js';
import { createProbeRule } from '../probe.js';

const tsParser = parser as never;

function write(root: string, file: string, text: string): void {
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), text);
}

/** A small project: a Prisma singleton, a service using it, and files the facts must skip. */
function createProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'prodready-auto-'));
  write(root, 'package.json', '{ "name": "shop", "dependencies": { "@prisma/client": "6.0.0" } }');
  write(root, '.gitignore', '# build output\n/generated/\n*.local.ts\n!keep.local.ts\n');
  write(root, 'src/db.ts', "import { PrismaClient } from '@prisma/client';\nexport const prisma = new PrismaClient();\n");
  write(root, 'src/users.ts', "import { prisma } from './db';\nexport function listUsers() {\n  return prisma.user.findMany();\n}\n");
  write(root, 'src/secrets.local.ts', 'export const token = 1;\n');
  write(root, 'src/keep.local.ts', 'export const kept = 1;\n');
  write(root, 'generated/client.ts', 'export const generated = 1;\n');
  write(root, 'dist/users.js', 'export const built = 1;\n');
  write(root, 'node_modules/lib/index.js', 'export const dependency = 1;\n');
  write(root, 'public/vendor.min.js', 'var a=1;\n');
  write(root, 'src/types.d.ts', 'export declare const declared: number;\n');
  write(root, 'packages/inner/package.json', '{ "name": "inner" }');
  write(root, 'packages/inner/index.ts', 'export const inner = 1;\n');
  write(root, 'src/huge.ts', `export const rows = [${'1,'.repeat(300_000)}];\n`);
  return root;
}

function collect(root: string, cacheDir = join(root, 'node_modules/.cache/prodready/facts')) {
  return getAutoFacts({ root, parser: tsParser, cacheDir, memory: false });
}

describe('listProjectFiles', () => {
  it('skips ignored, built, vendored, minified, declaration, nested-package and oversized files', () => {
    const root = createProject();
    expect(listProjectFiles(root).map((file) => file.key)).toEqual(['src/db.ts', 'src/keep.local.ts', 'src/users.ts']);
  });
});

describe('getAutoFacts', () => {
  it('extracts every file on a cold run and none on a warm one', () => {
    const root = createProject();
    const cold = collect(root);
    expect(cold).toMatchObject({ files: 3, extracted: 3, fromCache: 0 });
    expect(cold?.facts.modules['src/db.ts']?.exports).toEqual({ prisma: { source: '@prisma/client', path: ['PrismaClient', 'new'] } });
    const warm = collect(root);
    expect(warm).toMatchObject({ files: 3, extracted: 0, fromCache: 3 });
    expect(warm?.facts).toEqual(cold?.facts);
  });

  it('re-extracts a changed file only, and keeps facts of a touched but unchanged one', () => {
    const root = createProject();
    collect(root);
    write(root, 'src/db.ts', "import { Pool } from 'pg';\nexport const prisma = new Pool();\n");
    const changed = collect(root);
    expect(changed).toMatchObject({ extracted: 1, fromCache: 2 });
    expect(changed?.facts.modules['src/db.ts']?.exports).toEqual({ prisma: { source: 'pg', path: ['Pool', 'new'] } });
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(root, 'src/users.ts'), later, later);
    expect(collect(root)).toMatchObject({ extracted: 0, fromCache: 3 });
  });

  it('drops a deleted file and picks up an added one', () => {
    const root = createProject();
    collect(root);
    rmSync(join(root, 'src/users.ts'));
    write(root, 'src/orders.ts', 'export function listOrders() {\n  return [];\n}\n');
    const result = collect(root);
    expect(result).toMatchObject({ files: 3, extracted: 1 });
    expect(Object.keys(result?.facts.modules ?? {})).toEqual(['src/db.ts', 'src/keep.local.ts', 'src/orders.ts']);
  });

  it('treats torn or foreign cache entries as misses and leaves no temp files', () => {
    const root = createProject();
    const cacheDir = join(root, 'cache');
    const clean = collect(root, cacheDir);
    const entries = readdirSync(cacheDir);
    expect(entries).toHaveLength(3);
    // What a reader would see if a writer were not atomic: half an entry, and another tool's file.
    writeFileSync(join(cacheDir, entries[0] as string), '{"version":2,"parser":');
    writeFileSync(join(cacheDir, entries[1] as string), '{"version":1}');
    const repaired = collect(root, cacheDir);
    expect(repaired).toMatchObject({ extracted: 2, fromCache: 1 });
    expect(repaired?.facts).toEqual(clean?.facts);
    expect(readdirSync(cacheDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('gives interleaved workers sharing one cache the same facts, each file extracted once', () => {
    const root = createProject();
    const cacheDir = join(root, 'shared-cache');
    // Worker A has extracted `src/db.ts` only when worker B starts; B reuses it and writes the rest.
    rmSync(join(root, 'src/users.ts'));
    rmSync(join(root, 'src/keep.local.ts'));
    expect(collect(root, cacheDir)).toMatchObject({ extracted: 1 });
    write(root, 'src/users.ts', "import { prisma } from './db';\nexport function listUsers() {\n  return prisma.user.findMany();\n}\n");
    write(root, 'src/keep.local.ts', 'export const kept = 1;\n');
    const workerB = collect(root, cacheDir);
    const workerA = collect(root, cacheDir);
    expect(workerB).toMatchObject({ extracted: 2, fromCache: 1 });
    expect(workerA).toMatchObject({ extracted: 0, fromCache: 3 });
    expect(workerA?.facts).toEqual(workerB?.facts);
  });

  it('reuses the in-process result while files are unchanged', () => {
    const root = createProject();
    const first = getAutoFacts({ root, parser: tsParser });
    expect(getAutoFacts({ root, parser: tsParser })).toBe(first);
    expect(existsSync(join(root, 'node_modules/.cache/prodready/facts'))).toBe(true);
  });
});

describe('findProjectRoot', () => {
  it('is the nearest folder with a package.json, else the cwd', () => {
    const root = createProject();
    expect(findProjectRoot(join(root, 'src/users.ts'), root)).toBe(root);
    expect(findProjectRoot(join(root, 'packages/inner/index.ts'), root)).toBe(join(root, 'packages/inner'));
  });
});

const rule = createProbeRule<TSESTree.CallExpression>('CallExpression', (context, node) => {
  const origin = getOrigin(context, node.callee);
  return origin && `${origin.source}:${origin.path.join('.')} (${origin.via})`;
});

const project = createProject();
const filename = join(project, 'src/routes.ts');

createRuleTester().run('getOrigin through automatic project facts', rule, {
  valid: [
    // a same-file function is not a module API
    { code: 'function listUsers() { return []; } listUsers();', filename },
  ],
  invalid: [
    {
      // no pre-pass file and no settings: facts are collected automatically
      code: "import { prisma } from './db'; prisma.user.findMany();",
      filename,
      errors: [{ messageId: 'probe', data: { answer: '@prisma/client:PrismaClient.new.user.findMany (facts)' }, line: 1, column: 32, endLine: 1, endColumn: 54 }],
    },
    {
      // `facts: false` turns project facts off
      code: "import { prisma } from './db'; prisma.user.findMany();",
      filename,
      settings: { prodready: { facts: false } },
      errors: [{ messageId: 'probe', data: { answer: './db:prisma.user.findMany (import)' }, line: 1, column: 32, endLine: 1, endColumn: 54 }],
    },
    {
      // `facts: 'file'` (editor setting) uses a pre-pass file only
      code: "import { prisma } from './db'; prisma.user.findMany();",
      filename,
      settings: { prodready: { facts: 'file' } },
      errors: [{ messageId: 'probe', data: { answer: './db:prisma.user.findMany (import)' }, line: 1, column: 32, endLine: 1, endColumn: 54 }],
    },
    {
      // a cache folder from settings
      code: "import { prisma } from './db'; (prisma as any)?.user.findMany();",
      filename,
      settings: { prodready: { cacheDir: join(project, '.cache/facts') } },
      errors: [{ messageId: 'probe', data: { answer: '@prisma/client:PrismaClient.new.user.findMany (facts)' }, line: 1, column: 32, endLine: 1, endColumn: 64 }],
    },
  ],
});
