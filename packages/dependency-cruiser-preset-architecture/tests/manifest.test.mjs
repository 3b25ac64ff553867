import { readFileSync } from 'node:fs';

import extractDepcruiseConfig from 'dependency-cruiser/config-utl/extract-depcruise-config';
import { describe, expect, it } from 'vitest';

import preset, { compileArchitecture, getManifestProblems } from '../index.mjs';
import { cruiseFixture, fixturePath } from './cruise-fixture.mjs';

const layeredManifest = JSON.parse(readFileSync(`${fixturePath('layered')}/architecture.json`, 'utf8'));

describe('compileArchitecture through cruise()', () => {
  it('reports wrong-way layer imports, value imports of a types-only layer and feature internals', async () => {
    // Not reported: routes → services and `import type` routes → db (allowed), services → db,
    // checkout → cart through its index.ts, server → cart's index.ts, imports inside a feature.
    expect(await cruiseFixture('layered', preset, compileArchitecture(layeredManifest).forbidden)).toEqual([
      { rule: 'feature-shop-isolation', severity: 'error', from: 'src/features/checkout/index.ts', to: 'src/features/cart/cart-store.ts' },
      { rule: 'feature-shop-public-api', severity: 'error', from: 'src/server.ts', to: 'src/features/checkout/payment.ts' },
      { rule: 'layer-routes-types-only', severity: 'error', from: 'src/routes/admin.ts', to: 'src/db/client.ts' },
      { rule: 'layer-services', severity: 'error', from: 'src/services/report-service.ts', to: 'src/routes/users.ts' },
    ]);
  });

  it('works from a .dependency-cruiser.mjs that extends the preset, alongside the preset rules', async () => {
    const config = await extractDepcruiseConfig(`${fixturePath('layered')}/.dependency-cruiser.mjs`);
    expect(config.forbidden.map((rule) => rule.name)).toEqual([
      'layer-routes-types-only',
      'layer-services',
      'layer-db',
      'feature-shop-isolation',
      'feature-shop-public-api',
      ...preset.forbidden.map((rule) => rule.name),
    ]);
    const violations = await cruiseFixture('layered', preset, config.forbidden);
    expect(violations.filter(({ rule }) => rule.startsWith('layer-') || rule.startsWith('feature-'))).toHaveLength(4);
  });

  it('forbids every cross-feature import when no public API is declared', async () => {
    const { forbidden } = compileArchitecture({ features: [{ name: 'shop', path: 'src/features/*' }] });
    expect(forbidden.map((rule) => rule.name)).toEqual(['feature-shop-isolation']);
    expect(await cruiseFixture('layered', preset, forbidden)).toEqual([
      { rule: 'feature-shop-isolation', severity: 'error', from: 'src/features/checkout/index.ts', to: 'src/features/cart/cart-store.ts' },
      { rule: 'feature-shop-isolation', severity: 'error', from: 'src/features/checkout/index.ts', to: 'src/features/cart/index.ts' },
    ]);
  });

  it('uses the manifest severity and accepts a folder path without wildcards', async () => {
    const { forbidden } = compileArchitecture({
      severity: 'warn',
      layers: [
        { name: 'services', path: 'src/services', mayImport: ['db'] },
        { name: 'routes', path: ['src/routes'] },
        { name: 'db', path: 'src/db' },
      ],
    });
    expect(await cruiseFixture('layered', preset, forbidden)).toEqual([
      { rule: 'layer-routes', severity: 'warn', from: 'src/routes/admin.ts', to: 'src/db/client.ts' },
      { rule: 'layer-routes', severity: 'warn', from: 'src/routes/users.ts', to: 'src/db/client.ts' },
      { rule: 'layer-routes', severity: 'warn', from: 'src/routes/users.ts', to: 'src/services/user-service.ts' },
      { rule: 'layer-services', severity: 'warn', from: 'src/services/report-service.ts', to: 'src/routes/users.ts' },
    ]);
  });
});

describe('compileArchitecture', () => {
  it('returns rules in the preset rule shape, with stable names and full-sentence comments', () => {
    const { forbidden } = compileArchitecture(layeredManifest);
    expect(forbidden.map((rule) => rule.name)).toEqual([
      'layer-routes-types-only',
      'layer-services',
      'layer-db',
      'feature-shop-isolation',
      'feature-shop-public-api',
    ]);
    for (const rule of forbidden) {
      expect(Object.keys(rule).sort()).toEqual(['comment', 'from', 'name', 'severity', 'to']);
      expect(rule.comment).toMatch(/^[A-Z].*\.$/s);
    }
  });

  it('compiles globs to anchored regexes', () => {
    const { forbidden } = compileArchitecture({
      layers: [
        { name: 'api', path: ['src/**/*.controller.{ts,js}', 'src/api/'] },
        { name: 'domain', path: 'src/domain/?.ts' },
      ],
    });
    expect(forbidden[0].from.path).toEqual(['^src/(?:[^/]+/)*[^/]*\\.controller\\.(?:ts|js)$', '^src/api(?:/|$)']);
    expect(forbidden[1].from.path).toEqual(['^src/domain/[^/]\\.ts$']);
  });

  it('throws one TypeError listing every problem', () => {
    expect(() =>
      compileArchitecture({
        layers: [
          { name: 'Routes', path: '/abs/routes', mayImport: ['services'] },
          { name: 'db', path: [], mayImportTypes: 'routes' },
          { name: 'db', path: 'src/db', tier: 1 },
        ],
        features: [{ name: 'shop', path: 'src/features' }],
        severity: 'fatal',
      }),
    ).toThrow(
      new TypeError(
        [
          'Invalid architecture manifest:',
          '  - `severity` must be one of "error", "warn", "info", not "fatal".',
          '  - `layers[0].name` must be a kebab-case name (it becomes part of the rule name), not "Routes".',
          '  - `layers[0].path` glob "/abs/routes" must be relative to the project root.',
          '  - `layers[1].path` must be a glob or a non-empty array of globs relative to the project root.',
          '  - `layers[2]` has an unknown key `tier` (known: `name`, `path`, `mayImport`, `mayImportTypes`).',
          '  - `layers[2].name` "db" is declared twice.',
          '  - `features[0].path` must match the feature folders with a wildcard, as in "src/features/*".',
          '  - `layers[0].mayImport` names "services", which is not a declared layer (declared: db).',
          '  - `layers[1].mayImportTypes` must be an array of layer names.',
        ].join('\n'),
      ),
    );
  });

  it('reports a manifest that is not an object or declares nothing', () => {
    expect(getManifestProblems([])).toEqual(['The manifest must be a JSON object with `layers` and/or `features`.']);
    expect(getManifestProblems({ $schema: './schema.json' })).toEqual(['The manifest declares no `layers` and no `features`.']);
    expect(getManifestProblems(layeredManifest)).toEqual([]);
  });
});
