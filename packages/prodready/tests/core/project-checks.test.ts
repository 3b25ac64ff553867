import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { runProjectChecks } from '../../src/core/project-checks.js';

const STRIPE = ['sk', 'live', '51HxQ2eLkq8Vb3NzT7wYp0aRc'].join('_');

function project(files: Record<string, string>): string {
  const cwd = mkdtempSync(join(tmpdir(), 'prodready-project-'));
  writeFileSync(join(cwd, 'package.json'), '{ "scripts": { "test": "vitest run" } }\n');
  writeFileSync(join(cwd, 'package-lock.json'), '{}\n');
  mkdirSync(join(cwd, 'tests'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(cwd, file, '..'), { recursive: true });
    writeFileSync(join(cwd, file), text);
  }
  return cwd;
}

function ids(cwd: string): string[] {
  return runProjectChecks(cwd).map((finding) => `${finding.ruleId} ${finding.file}${finding.line === undefined ? '' : `:${finding.line}:${finding.column}`}`);
}

describe('project checks', () => {
  it('reports a .env file that .gitignore does not cover', () => {
    expect(ids(project({ '.env': 'JWT_SECRET=abc\n' }))).toEqual(['prodready/no-committed-env-file .env']);
  });

  it('skips ignored env files, templates and per-environment defaults', () => {
    expect(ids(project({ '.env': 'A=1\n', '.env.local': 'A=1\n', '.gitignore': 'node_modules\n.env*\n!.env.example\n' }))).toEqual([]);
    expect(ids(project({ '.env.example': 'A=\n', '.env.test': 'A=1\n', '.env.development': 'A=1\n' }))).toEqual([]);
  });

  it('reports a known key format in a committed config file, with its position', () => {
    expect(ids(project({ 'config/production.json': `{\n  "stripe": { "secretKey": "${STRIPE}" }\n}\n` }))).toEqual([
      'prodready/no-secret-in-config config/production.json:2:29',
    ]);
  });

  it('skips config files and folders .gitignore covers', () => {
    expect(ids(project({ 'config/local.json': `{ "k": "${STRIPE}" }`, 'secrets/prod.yml': `k: ${STRIPE}`, '.gitignore': 'config/local.json\nsecrets/\n' }))).toEqual([]);
  });
});

describe('missing indexes', () => {
  const schema = [
    'model Order {',
    '  id         String @id',
    '  customerId String',
    '  status     String',
    '  @@index([status])',
    '}',
    '',
  ].join('\n');
  const query = (field: string) =>
    [
      "import { PrismaClient } from '@prisma/client';",
      'const prisma = new PrismaClient();',
      `export const find = (value: string) => prisma.order.findMany({ where: { ${field}: value }, take: 10 });`,
      '',
    ].join('\n');

  it('reports a filtered field without an index as a scalability warning at the query', () => {
    const cwd = project({ 'prisma/schema.prisma': schema, 'src/orders.ts': query('customerId') });
    const findings = runProjectChecks(cwd);
    expect(findings.map((finding) => [finding.ruleId, finding.gap, finding.severity, finding.file, finding.line])).toEqual([
      ['prodready/missing-index', 'scalability', 'warning', 'src/orders.ts', 3],
    ]);
    expect(findings[0]?.message).toContain('Order on `customerId`');
  });

  it('stays silent for an indexed field', () => {
    expect(ids(project({ 'prisma/schema.prisma': schema, 'src/orders.ts': query('status') }))).toEqual([]);
  });
});
