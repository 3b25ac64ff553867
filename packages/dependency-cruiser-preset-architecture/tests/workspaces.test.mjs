import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { cruise } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { afterAll, describe, expect, it } from 'vitest';

import preset, { compileWorkspaces, readWorkspaces } from '../index.mjs';
import { fixturePath } from './cruise-fixture.mjs';

const MONOREPO = fixturePath('monorepo');
const temporaryRoots = [];

/** A throwaway monorepo: `files` maps relative paths to contents. */
function writeRepo(files) {
  const root = mkdtempSync(join(tmpdir(), 'prodready-workspaces-'));
  temporaryRoots.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

afterAll(() => {
  for (const root of temporaryRoots) rmSync(root, { recursive: true, force: true });
});

describe('readWorkspaces', () => {
  it('reads pnpm-workspace.yaml (with comments, quotes and a negated glob) before package.json', () => {
    expect(readWorkspaces(MONOREPO)).toEqual([
      { name: '@acme/api', dir: 'apps/api', kind: 'application', dependencies: ['@acme/billing'] },
      { name: '@acme/billing', dir: 'packages/billing', kind: 'library', dependencies: ['@acme/logger'] },
      { name: '@acme/logger', dir: 'packages/logger', kind: 'library', dependencies: [] },
    ]);
  });

  it('reads npm/yarn `workspaces` as an array or as `{ packages }`, and a pnpm flow-style list', () => {
    const packageFiles = {
      'libs/db/package.json': '{ "name": "@shop/db", "peerDependencies": { "pg": "^8" } }',
      'libs/db/src/index.ts': 'export {};',
      'services/orders/package.json': '{ "name": "@shop/orders", "devDependencies": { "@shop/db": "*" } }',
      'docs/package.json': '{ "name": "docs" }',
    };
    const expected = [
      { name: '@shop/db', dir: 'libs/db', kind: 'library', dependencies: ['pg'] },
      { name: '@shop/orders', dir: 'services/orders', kind: 'library', dependencies: ['@shop/db'] },
    ];
    expect(readWorkspaces(writeRepo({ 'package.json': '{ "workspaces": ["libs/*", "services/*"] }', ...packageFiles }))).toEqual(expected);
    expect(readWorkspaces(writeRepo({ 'package.json': '{ "workspaces": { "packages": ["libs/**", "services/*"] } }', ...packageFiles }))).toEqual(expected);
    expect(readWorkspaces(writeRepo({ 'pnpm-workspace.yaml': "packages: ['libs/*', 'services/*']\n", ...packageFiles }))).toEqual(expected);
  });

  it('returns no workspaces for a single-package repository', () => {
    expect(readWorkspaces(writeRepo({ 'package.json': '{ "name": "api" }' }))).toEqual([]);
  });
});

describe('compileWorkspaces through cruise()', () => {
  it('reports a relative import into another package and an alias import of an undeclared package', async () => {
    // Not reported: apps/api → @acme/billing (declared), billing → @acme/logger (declared), imports
    // inside a package, packages/legacy (excluded from the workspaces).
    const { forbidden } = compileWorkspaces(readWorkspaces(MONOREPO));
    const { output } = await cruise(
      ['apps', 'packages'],
      { ...preset.options, baseDir: MONOREPO, validate: true, ruleSet: { forbidden }, tsConfig: { fileName: `${MONOREPO}/tsconfig.json` } },
      undefined,
      { tsConfig: extractTSConfig(`${MONOREPO}/tsconfig.json`) },
    );
    expect(output.summary.violations.map(({ rule, from, to }) => ({ rule: rule.name, severity: rule.severity, from, to }))).toEqual([
      { rule: 'workspace-no-relative-import', severity: 'error', from: 'apps/api/src/server.ts', to: 'packages/billing/src/format.ts' },
      { rule: 'workspace-undeclared-dependency-in-apps-api', severity: 'error', from: 'apps/api/src/server.ts', to: 'packages/logger/src/index.ts' },
    ]);
  });
});

describe('compileWorkspaces', () => {
  it('names one undeclared-dependency rule per package and applies the severity', () => {
    const { forbidden } = compileWorkspaces(readWorkspaces(MONOREPO), { severity: 'warn' });
    expect(forbidden.map((rule) => [rule.name, rule.severity])).toEqual([
      ['workspace-no-relative-import', 'warn'],
      ['workspace-undeclared-dependency-in-apps-api', 'warn'],
      ['workspace-undeclared-dependency-in-packages-billing', 'warn'],
      ['workspace-undeclared-dependency-in-packages-logger', 'warn'],
    ]);
    for (const rule of forbidden) expect(rule.comment).toMatch(/^[A-Z`].*\.$/s);
  });

  it('returns no rules for fewer than two packages', () => {
    expect(compileWorkspaces([{ name: 'api', dir: 'apps/api', dependencies: [] }])).toEqual({ forbidden: [] });
  });
});
