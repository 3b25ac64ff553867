import { cruise } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

import preset, { describeKnot, findKnots } from '../index.mjs';
import { fixturePath } from './cruise-fixture.mjs';

/** A cruise result with one module per key; `'a.ts': ['b.ts', 'type:c.ts']` imports b and, type-only, c. */
const cruiseResult = (graph) => ({
  modules: Object.entries(graph).map(([source, targets]) => ({
    source,
    dependencies: targets.map((target) => {
      const typeOnly = target.startsWith('type:');
      const resolved = typeOnly ? target.slice('type:'.length) : target;
      return { resolved, coreModule: false, couldNotResolve: false, dependencyTypes: typeOnly ? ['local', 'type-only'] : ['local'] };
    }),
  })),
});

describe('findKnots', () => {
  it('reports one knot per strongly connected component, not one finding per edge, through cruise()', async () => {
    const { output } = await cruise(['.'], { ...preset.options, baseDir: fixturePath('knots') });
    expect(findKnots(output)).toEqual([
      {
        kind: 'runtime',
        modules: ['src/billing/billing-service.ts', 'src/orders/order-service.ts', 'src/users/user-service.ts'],
        edgeCount: 5,
        cut: [
          { from: 'src/orders/order-service.ts', to: 'src/billing/billing-service.ts' },
          { from: 'src/users/user-service.ts', to: 'src/orders/order-service.ts' },
        ],
      },
      {
        kind: 'type-only',
        modules: ['src/shared/currency.ts', 'src/shared/money.ts'],
        edgeCount: 2,
        cut: [{ from: 'src/shared/money.ts', to: 'src/shared/currency.ts' }],
      },
    ]);
  });

  it('accepts the reporter output of cruise() as well as its `output`', async () => {
    const reporterOutput = await cruise(['.'], { ...preset.options, baseDir: fixturePath('knots') });
    expect(findKnots(reporterOutput)).toEqual(findKnots(reporterOutput.output));
  });

  it('leaves ORM entities out by default, as no-circular-runtime does, and keeps them with `pathNot: null`', async () => {
    const { output } = await cruise(['.'], { ...preset.options, baseDir: fixturePath('cycles') });
    expect(findKnots(output).map((knot) => [knot.kind, knot.modules])).toEqual([
      ['runtime', ['src/orders/order-service.ts', 'src/users/user-service.ts']],
      ['type-only', ['src/billing/customer.ts', 'src/billing/invoice.ts']],
      ['type-only', ['src/catalog/category.ts', 'src/catalog/product.ts']],
    ]);
    expect(findKnots(output, { pathNot: null }).map((knot) => [knot.kind, knot.modules])).toContainEqual([
      'runtime',
      ['src/entities/author.entity.ts', 'src/entities/book.entity.ts'],
    ]);
  });

  it('reports a module that imports itself', () => {
    expect(findKnots(cruiseResult({ 'a.ts': ['a.ts'] }))).toEqual([
      { kind: 'runtime', modules: ['a.ts'], edgeCount: 1, cut: [{ from: 'a.ts', to: 'a.ts' }] },
    ]);
  });

  it('reports nothing for an acyclic graph, core modules or unresolved imports', () => {
    const result = cruiseResult({ 'a.ts': ['b.ts', 'c.ts'], 'b.ts': ['c.ts'], 'c.ts': [] });
    result.modules[2].dependencies.push(
      { resolved: 'fs', coreModule: true, couldNotResolve: false, dependencyTypes: ['core'] },
      { resolved: './missing', coreModule: false, couldNotResolve: true, dependencyTypes: ['unknown'] },
    );
    expect(findKnots(result)).toEqual([]);
  });

  it('reports a runtime knot inside a larger type-level component once, as runtime', () => {
    expect(findKnots(cruiseResult({ 'a.ts': ['b.ts'], 'b.ts': ['a.ts', 'type:c.ts'], 'c.ts': ['type:a.ts'] }))).toEqual([
      { kind: 'runtime', modules: ['a.ts', 'b.ts'], edgeCount: 2, cut: [{ from: 'b.ts', to: 'a.ts' }] },
    ]);
  });

  it('counts an edge as runtime when any import along it is a runtime import', () => {
    const result = cruiseResult({ 'a.ts': ['type:b.ts', 'b.ts'], 'b.ts': ['a.ts'] });
    expect(findKnots(result).map((knot) => knot.kind)).toEqual(['runtime']);
  });

  it('cuts the one edge shared by every cycle of a knot', () => {
    // a → b → c → a and a → b → d → a share a → b (or the edges into a): one cut suffices.
    const knots = findKnots(cruiseResult({ 'a.ts': ['b.ts'], 'b.ts': ['c.ts', 'd.ts'], 'c.ts': ['a.ts'], 'd.ts': ['a.ts'] }));
    expect(knots).toHaveLength(1);
    expect(knots[0].cut).toHaveLength(1);
  });

  it('suggests importing a module directly instead of through its barrel when that takes no more cuts', () => {
    // Without the preference, the greedy order cuts src/index.ts → src/account.ts (it sorts first).
    const graph = { 'src/index.ts': ['src/account.ts', 'src/user.ts'], 'src/user.ts': [], 'src/account.ts': ['src/index.ts'] };
    expect(findKnots(cruiseResult(graph))[0].cut).toEqual([{ from: 'src/account.ts', to: 'src/index.ts' }]);
  });

  it('returns the same knots whatever the module order', () => {
    const graph = { 'a.ts': ['b.ts', 'c.ts'], 'b.ts': ['c.ts', 'a.ts'], 'c.ts': ['a.ts'], 'd.ts': ['e.ts'], 'e.ts': ['d.ts'] };
    const reversed = Object.fromEntries(Object.entries(graph).reverse().map(([source, targets]) => [source, [...targets].reverse()]));
    expect(findKnots(cruiseResult(reversed))).toEqual(findKnots(cruiseResult(graph)));
  });

  it('handles a knot of thousands of modules without overflowing the stack, and its cut breaks every cycle', () => {
    const size = 5000;
    const graph = Object.fromEntries(
      Array.from({ length: size }, (_, at) => [`m${at}.ts`, [`m${(at + 1) % size}.ts`, ...(at % 100 === 0 ? [`m${(at + 50) % size}.ts`] : [])]]),
    );
    const [knot] = findKnots(cruiseResult(graph));
    expect(knot.modules).toHaveLength(size);
    const cut = new Set(knot.cut.map(({ from, to }) => `${from} ${to}`));
    const remaining = cruiseResult(Object.fromEntries(Object.entries(graph).map(([from, targets]) => [from, targets.filter((to) => !cut.has(`${from} ${to}`))])));
    expect(findKnots(remaining)).toEqual([]);
  });

  it('throws a TypeError for anything but a cruise result', () => {
    expect(() => findKnots({ output: 'digraph {}' })).toThrow(TypeError);
  });
});

describe('describeKnot', () => {
  it('says the size and the imports to cut in one sentence', () => {
    expect(
      describeKnot({ kind: 'runtime', modules: ['a.ts', 'b.ts', 'c.ts'], edgeCount: 4, cut: [{ from: 'a.ts', to: 'b.ts' }, { from: 'c.ts', to: 'a.ts' }] }),
    ).toBe('A runtime knot of 3 modules (4 imports); cutting these 2 imports breaks it: a.ts → b.ts, c.ts → a.ts.');
    expect(describeKnot({ kind: 'type-only', modules: ['a.ts', 'b.ts'], edgeCount: 2, cut: [{ from: 'b.ts', to: 'a.ts' }] })).toBe(
      'A type-only knot of 2 modules (2 imports); cutting this import breaks it: b.ts → a.ts.',
    );
  });
});
