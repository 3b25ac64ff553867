import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { createRuleTester } from '@prodready/test-kit';
import { parser } from 'typescript-eslint';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { collectProjectFacts } from '../../src/facts/collect-project-facts.js';
import { getExportFact, loadFacts, resolveModule } from '../../src/facts/project-facts.js';
import { getOrigin } from '../../src/origin/get-origin.js';
import { createProbeRule } from '../probe.js';

const root = fileURLToPath(new URL('../fixtures/facts-app', import.meta.url));

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const facts = collectProjectFacts({ root, files: listFiles(join(root, 'src')), parser: parser as never });
const factsFile = join(mkdtempSync(join(tmpdir(), 'prodready-facts-')), 'facts.json');
writeFileSync(factsFile, JSON.stringify(facts));

describe('collectProjectFacts', () => {
  it('records exported values by origin, including singletons, re-exports and CommonJS', () => {
    expect(facts.modules['src/lib/prisma.ts']?.exports).toEqual({
      prisma: { source: '@prisma/client', path: ['PrismaClient', 'new'] },
    });
    expect(facts.modules['src/lib/index.ts']).toEqual({
      exports: { db: { source: './prisma', path: ['prisma'], file: 'src/lib/prisma.ts' } },
      reexportAll: ['src/lib/http.ts'],
    });
    expect(facts.modules['src/db/index.ts']?.exports).toEqual({
      'module.exports': { source: 'pg', path: ['Pool', 'new'] },
    });
    expect(facts.modules['src/db/default.ts']?.exports.default).toEqual({
      source: 'drizzle-orm/node-postgres',
      path: ['drizzle', '()'],
    });
  });

  it('lists the packages the root package.json declares', () => {
    expect(facts.dependencies).toEqual(['@prisma/client', 'axios', 'drizzle-orm', 'pg', 'vitest']);
  });

  it('reads tsconfig paths (JSONC) as aliases', () => {
    expect(facts.aliases).toEqual([
      { prefix: '@/', targets: ['src/'] },
      { prefix: '#db', targets: ['src/db/index.ts'] },
    ]);
  });

  it('resolves specifiers with TypeScript extension rules and follows re-exports', () => {
    const from = join(root, 'src/routes/users.ts');
    expect(resolveModule(facts, from, '../lib/prisma.js')).toBe('src/lib/prisma.ts');
    expect(resolveModule(facts, from, '@/lib')).toBe('src/lib/index.ts');
    expect(resolveModule(facts, from, '#db')).toBe('src/db/index.ts');
    expect(resolveModule(facts, from, '../lib/missing')).toBeUndefined();
    expect(getExportFact(facts, 'src/lib/index.ts', 'db')).toEqual({ source: '@prisma/client', path: ['PrismaClient', 'new'] });
    expect(getExportFact(facts, 'src/lib/index.ts', 'api')).toEqual({ source: 'axios', path: ['create', '()'] });
    expect(getExportFact(facts, 'src/lib/index.ts', 'formatName')).toBeUndefined();
  });

  it("never mistakes Object.prototype's members for exports (`db.toString()` on a CommonJS module)", () => {
    // Regression: NodeBB crashed with "fact.path is not iterable" through getOriginFromFacts.
    for (const name of ['toString', 'constructor', 'hasOwnProperty', '__proto__']) {
      expect(getExportFact(facts, 'src/db/index.ts', name)).toBeUndefined();
      expect(getExportFact(facts, 'src/lib/index.ts', name)).toBeUndefined();
    }
    expect(getExportFact(facts, 'constructor', 'default')).toBeUndefined();
  });

  it('counts naming conventions per kind and file names per folder', () => {
    expect(facts.naming?.identifiers).toEqual({
      constants: { UPPER_CASE: 1, camelCase: 1 },
      booleans: { 'with an is/has prefix': 1, 'without an is/has prefix': 1 },
      classes: { PascalCase: 1 },
      functions: { snake_case: 1, camelCase: 3 },
      asyncFunctions: { 'without an Async suffix': 1 },
    });
    expect(facts.naming?.files).toEqual({ 'src/services': { snake_case: 1, camelCase: 1 } });
  });

  it('fingerprints functions above the size floor, equal for renamed and untyped copies', () => {
    const entries = Object.values(facts.functions ?? {});
    expect(entries).toEqual([
      [
        { file: 'src/services/reportService.ts', line: 2, size: 35 },
        { file: 'src/services/user_service.ts', line: 13, size: 35 },
      ],
    ]);
  });

  it('ignores a missing or foreign-version facts file', () => {
    expect(loadFacts(join(root, 'no-such-facts.json'))).toBeUndefined();
    const other = join(mkdtempSync(join(tmpdir(), 'prodready-facts-')), 'facts.json');
    writeFileSync(other, JSON.stringify({ ...facts, version: 99 }));
    expect(loadFacts(other)).toBeUndefined();
  });
});

const rule = createProbeRule<TSESTree.CallExpression>('CallExpression', (context, node) => {
  const origin = getOrigin(context, node.callee);
  return origin && `${origin.source}:${origin.path.join('.')} (${origin.via})`;
});

const filename = join(root, 'src/routes/users.ts');
const settings = { prodready: { factsFile } };

createRuleTester().run('getOrigin through project facts', rule, {
  valid: [
    {
      // a same-file function is not a module API
      code: 'function findMany() { return []; } findMany();',
      filename,
      settings,
    },
  ],
  invalid: [
    {
      code: "import { prisma } from '../lib/prisma'; prisma.user.findMany();",
      filename,
      settings,
      errors: [
        {
          messageId: 'probe',
          data: { answer: '@prisma/client:PrismaClient.new.user.findMany (facts)' },
          line: 1,
          column: 41,
          endLine: 1,
          endColumn: 63,
        },
      ],
    },
    {
      // through a barrel with a renamed re-export and a path alias
      code: "import { db, api } from '@/lib'; db.post.create({ data: {} }); api.get('/x');",
      filename,
      settings,
      errors: [
        {
          messageId: 'probe',
          data: { answer: '@prisma/client:PrismaClient.new.post.create (facts)' },
          line: 1,
          column: 34,
          endLine: 1,
          endColumn: 62,
        },
        { messageId: 'probe', data: { answer: 'axios:create.().get (facts)' }, line: 1, column: 64, endLine: 1, endColumn: 77 },
      ],
    },
    {
      // CommonJS module.exports = new Pool(), required by alias
      code: "const pool = require('#db'); pool.query('select 1');",
      filename,
      settings,
      errors: [
        { messageId: 'probe', data: { answer: 'global:require (global)' }, line: 1, column: 14, endLine: 1, endColumn: 28 },
        { messageId: 'probe', data: { answer: 'pg:Pool.new.query (facts)' }, line: 1, column: 30, endLine: 1, endColumn: 52 },
      ],
    },
    {
      // a default export
      code: "import db from '../db/default.js'; db.select();",
      filename,
      settings,
      errors: [
        {
          messageId: 'probe',
          data: { answer: 'drizzle-orm/node-postgres:drizzle.().select (facts)' },
          line: 1,
          column: 36,
          endLine: 1,
          endColumn: 47,
        },
      ],
    },
    {
      // without facts, the same call stays in the project module
      code: "import { prisma } from '../lib/prisma'; prisma.user.findMany();",
      filename,
      settings: { prodready: { factsFile: join(root, 'absent.json') } },
      errors: [
        { messageId: 'probe', data: { answer: '../lib/prisma:prisma.user.findMany (import)' }, line: 1, column: 41, endLine: 1, endColumn: 63 },
      ],
    },
  ],
});
