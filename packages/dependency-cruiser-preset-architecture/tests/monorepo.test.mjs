import { cruise } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { describe, expect, it } from 'vitest';

import preset, { checkResolution, compileWorkspaces, mapWorkspaceSources, readWorkspaces } from '../index.mjs';
import { fixturePath } from './cruise-fixture.mjs';

// A pnpm monorepo with no node_modules: packages resolve only through the alias map, app code through tsconfig `paths`.
const ROOT = fixturePath('pnpm-monorepo');
const TSCONFIG = `${ROOT}/tsconfig.json`;
const relativeAliases = (alias) => Object.fromEntries(Object.entries(alias).map(([key, path]) => [key, path.slice(ROOT.length + 1)]));

/** Cruises the fixture with the workspace rules; `mapped` adds the alias map and the tsconfig. */
async function cruiseMonorepo(mapped) {
  const workspaces = readWorkspaces(ROOT);
  const { forbidden } = compileWorkspaces(workspaces, { rootDir: ROOT });
  const options = { ...preset.options, baseDir: ROOT, validate: true, ruleSet: { forbidden } };
  if (!mapped) return cruise(['apps', 'packages'], options);
  return cruise(
    ['apps', 'packages'],
    { ...options, tsConfig: { fileName: TSCONFIG } },
    { alias: mapWorkspaceSources(ROOT).alias },
    { tsConfig: extractTSConfig(TSCONFIG) },
  );
}

describe('readWorkspaces', () => {
  it('tells libraries (exports, types, not private, or depended on) from applications', () => {
    expect(readWorkspaces(ROOT).map(({ name, kind }) => [name, kind])).toEqual([
      ['@shop/admin', 'application'],
      ['@shop/web', 'library'],
      ['@shop/db', 'library'],
      ['@shop/mailer', 'library'],
      ['@shop/ui', 'library'],
    ]);
  });
});

describe('mapWorkspaceSources', () => {
  it('maps `exports` subpaths (wildcards too), `main`/`types` and build folders back to the sources, exact aliases first', () => {
    const { packages, alias } = mapWorkspaceSources(ROOT);
    expect(packages).toEqual([
      { name: '@shop/admin', dir: 'apps/admin', entries: { '.': 'apps/admin/src/index.ts' }, unmapped: [] },
      { name: '@shop/web', dir: 'apps/web', entries: { '.': 'apps/web/src/server.ts' }, unmapped: [] },
      {
        name: '@shop/db',
        dir: 'packages/db',
        entries: { '.': 'packages/db/src/index.ts', './schema': 'packages/db/src/schema.ts', './package.json': 'packages/db/package.json' },
        unmapped: [],
      },
      { name: '@shop/mailer', dir: 'packages/mailer', entries: { '.': 'packages/mailer/src/index.ts' }, unmapped: [] },
      { name: '@shop/ui', dir: 'packages/ui', entries: { '.': 'packages/ui/src/index.ts', './icons/*': 'packages/ui/src/icons/*' }, unmapped: [] },
    ]);
    expect(relativeAliases(alias)).toEqual({
      '@shop/admin$': 'apps/admin/src/index.ts',
      '@shop/web$': 'apps/web/src/server.ts',
      '@shop/db$': 'packages/db/src/index.ts',
      '@shop/db/schema$': 'packages/db/src/schema.ts',
      '@shop/db/package.json$': 'packages/db/package.json',
      '@shop/mailer$': 'packages/mailer/src/index.ts',
      '@shop/ui$': 'packages/ui/src/index.ts',
      '@shop/ui/icons/*': 'packages/ui/src/icons/*',
      '@shop/admin': 'apps/admin',
      '@shop/web': 'apps/web',
      '@shop/db': 'packages/db',
      '@shop/mailer': 'packages/mailer',
      '@shop/ui': 'packages/ui',
    });
  });

  it('returns no entries for a folder without a package.json or sources', () => {
    const { packages } = mapWorkspaceSources(ROOT, [{ name: '@shop/ghost', dir: 'packages/ghost' }, { name: '@shop/db', dir: 'packages/db' }]);
    expect(packages[0]).toEqual({ name: '@shop/ghost', dir: 'packages/ghost', entries: {}, unmapped: [] });
    expect(Object.keys(packages[1].entries)).toEqual(['.', './schema', './package.json']);
  });
});

describe('one cruise over the monorepo', () => {
  it('resolves every import with the alias map and the tsconfig, and reports deep, relative and undeclared imports', async () => {
    // Not reported: `@shop/db` and `@shop/db/schema` (exported, declared), `@shop/ui` and `@shop/ui/icons/cart`
    // (declared, exported through a wildcard subpath), `@/routes/orders`
    // (an alias inside the app), imports inside a package (packages/db/src/index.ts → ./internal/pool).
    const result = await cruiseMonorepo(true);
    expect(result.output.summary.violations.map(({ rule, from, to }) => ({ rule: rule.name, from, to }))).toEqual([
      { rule: 'workspace-deep-import-into-packages-db', from: 'apps/web/src/server.ts', to: 'packages/db/src/internal/pool.ts' },
      { rule: 'workspace-no-relative-import', from: 'apps/web/src/server.ts', to: 'packages/mailer/src/template.ts' },
      { rule: 'workspace-undeclared-dependency-in-apps-web', from: 'apps/web/src/server.ts', to: 'packages/mailer/src/index.ts' },
    ]);
    expect(checkResolution(result)).toEqual({
      ok: true,
      total: 12,
      unresolved: 0,
      ratio: 0,
      causes: [],
      message: 'dependency-cruiser resolved all 12 imports.',
    });
  });

  it('adds a deep-import rule only for packages whose `exports` closes them (not `main`-only ones, nor ones a wildcard subpath opens)', () => {
    const { forbidden } = compileWorkspaces(readWorkspaces(ROOT), { rootDir: ROOT });
    expect(forbidden.filter(({ name }) => name.startsWith('workspace-deep-import')).map(({ name, to }) => [name, to.pathNot])).toEqual([
      ['workspace-deep-import-into-packages-db', ['^packages/db/src/index\\.ts$', '^packages/db/src/schema\\.ts$', '^packages/db/package\\.json$']],
    ]);
  });
});

describe('checkResolution', () => {
  it('fails a cruise without the mapping, naming the missing tsconfig and the unmapped workspace packages', async () => {
    const result = await cruiseMonorepo(false);
    const health = checkResolution(result, { workspaceNames: readWorkspaces(ROOT).map(({ name }) => name) });
    expect(health.ok).toBe(false);
    expect([health.total, health.unresolved]).toEqual([12, 9]);
    expect(health.causes).toEqual([
      {
        cause: 'tsconfig-paths',
        count: 1,
        examples: [{ specifier: '@/routes/orders', count: 1, from: 'apps/web/src/server.ts' }],
        hint: expect.stringContaining('options.tsConfig'),
      },
      {
        cause: 'workspace-mapping',
        count: 8,
        examples: [
          { specifier: '@shop/db', count: 4, from: 'apps/web/src/routes/orders.ts' },
          { specifier: '@shop/ui', count: 2, from: 'apps/web/src/server.ts' },
          { specifier: '@shop/mailer', count: 1, from: 'apps/web/src/server.ts' },
        ],
        hint: expect.stringContaining('mapWorkspaceSources'),
      },
    ]);
    expect(health.message.split('\n')[0]).toBe(
      'dependency-cruiser could not resolve 9 of 12 imports (75%, over the 1.0% limit): the rules never saw what those imports lead to, so "no violations" does not mean the code is clean.',
    );
  });

  it('classifies missing files, missing packages and aliases a passed tsconfig did not resolve, and passes within the limit', () => {
    const dependency = (module, couldNotResolve = true) => ({ module, resolved: module, couldNotResolve, coreModule: false, dependencyTypes: [] });
    const modules = [
      { source: 'src/a.ts', dependencies: [dependency('./gone'), dependency('left-pad'), dependency('left-pad/lib/x'), dependency('~/lib/db'), dependency('bun:sqlite')] },
      { source: 'src/b.ts', dependencies: [dependency('./c', false), dependency('fs', false), { ...dependency('node:fs', false), coreModule: true }] },
      // A scope named after a top-level folder is an alias of it.
      { source: 'server/c.ts', dependencies: [dependency('@server/models')] },
    ];
    const health = checkResolution({ modules, summary: { optionsUsed: { tsConfig: { fileName: 'tsconfig.json' } } } }, { maxUnresolvedRatio: 0.9 });
    expect(health.ok).toBe(true);
    expect([health.total, health.unresolved]).toEqual([7, 5]);
    expect(health.causes.map(({ cause, count, examples }) => [cause, count, examples.map(({ specifier }) => specifier)])).toEqual([
      ['unknown-alias', 2, ['@server/models', '~/lib/db']],
      ['missing-package', 2, ['left-pad']],
      ['missing-file', 1, ['./gone']],
    ]);
  });

  it('rejects something that is not a cruise result', () => {
    expect(() => checkResolution({ output: 'digraph {}' })).toThrow(TypeError);
  });
});
