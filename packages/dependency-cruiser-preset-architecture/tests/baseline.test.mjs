import { describe, expect, it } from 'vitest';

import preset, { compareBaseline, createBaseline, findKnots, getBaselineProblems, getFindings } from '../index.mjs';
import { cruise } from 'dependency-cruiser';
import { fixturePath } from './cruise-fixture.mjs';

const NOW = new Date('2026-06-01T12:00:00Z');
const orphan = (from) => ({ rule: 'no-orphans', from });
const devDep = (from, to) => ({ rule: 'not-to-dev-dep', from, to });

describe('compareBaseline', () => {
  it('accepts the findings it was created from', () => {
    const findings = [orphan('src/old.ts'), devDep('src/server.ts', 'node_modules/semver/index.js')];
    const baseline = createBaseline(findings);
    expect(baseline).toEqual({ version: 1, counts: { 'src/old.ts': { 'no-orphans': 1 }, 'src/server.ts': { 'not-to-dev-dep': 1 } }, exceptions: [] });
    expect(compareBaseline(findings, baseline, { now: NOW })).toEqual({ ok: true, new: [], fixed: [], stale: [], expired: [], next: baseline });
  });

  it('reports every finding of a module and rule whose count went up, and none of another module', () => {
    const baseline = createBaseline([devDep('src/server.ts', 'node_modules/semver/index.js')]);
    const findings = [devDep('src/server.ts', 'node_modules/semver/index.js'), devDep('src/server.ts', 'node_modules/vitest/index.js'), orphan('src/old.ts')];
    const result = compareBaseline(findings, baseline, { now: NOW });
    expect(result.ok).toBe(false);
    expect(result.new).toEqual([orphan('src/old.ts'), devDep('src/server.ts', 'node_modules/semver/index.js'), devDep('src/server.ts', 'node_modules/vitest/index.js')]);
    expect(result.next).toEqual(baseline);
  });

  it('fails on a lower count and on an entry with no finding left, and tightens the next baseline', () => {
    const baseline = { version: 1, counts: { 'src/a.ts': { 'no-orphans': 1 }, 'src/server.ts': { 'not-to-dev-dep': 3 } }, exceptions: [] };
    const result = compareBaseline([devDep('src/server.ts', 'node_modules/semver/index.js')], baseline, { now: NOW });
    expect(result).toEqual({
      ok: false,
      new: [],
      fixed: [{ rule: 'not-to-dev-dep', from: 'src/server.ts', baseline: 3, current: 1 }],
      stale: [{ rule: 'no-orphans', from: 'src/a.ts', baseline: 1 }],
      expired: [],
      next: { version: 1, counts: { 'src/server.ts': { 'not-to-dev-dep': 1 } }, exceptions: [] },
    });
  });

  it('lets a live exception excuse its finding, fails an unused one and an expired one, whose finding counts again', () => {
    const live = { rule: 'not-to-dev-dep', from: 'src/server.ts', to: 'node_modules/semver/index.js', reason: 'Bundled by the build.', expires: '2026-12-31' };
    const unused = { rule: 'no-orphans', from: 'src/gone.ts', reason: 'Loaded by the plugin host.' };
    const expired = { rule: 'no-orphans', from: 'src/old.ts', reason: 'Removed in the next release.', expires: '2026-05-31' };
    const findings = [devDep('src/server.ts', 'node_modules/semver/index.js'), orphan('src/old.ts')];
    const result = compareBaseline(findings, { counts: {}, exceptions: [live, unused, expired] }, { now: NOW });
    expect(result).toEqual({
      ok: false,
      new: [orphan('src/old.ts')],
      fixed: [],
      stale: [{ ...unused, baseline: 'exception' }],
      expired: [expired],
      next: { version: 1, counts: {}, exceptions: [live] },
    });
  });

  it('throws on an invalid baseline, listing every problem', () => {
    const invalid = { counts: { 'src/a.ts': { 'no-orphans': 0 } }, exceptions: [{ rule: 'no-orphans', from: 'src/a.ts', expires: 'soon' }] };
    expect(getBaselineProblems(invalid)).toEqual([
      '`counts["src/a.ts"]["no-orphans"]` must be a positive integer, not 0.',
      '`exceptions[0]` must give a `reason`.',
      '`exceptions[0]`.expires must be a date as YYYY-MM-DD, not "soon".',
    ]);
    expect(() => compareBaseline([], invalid)).toThrow(TypeError);
    expect(getBaselineProblems([])).toEqual(['The baseline must be an object with `counts` and/or `exceptions`.']);
  });
});

describe('getFindings', () => {
  it('replaces per-edge cycle violations by one finding per knot member, so a knot that grows is new', async () => {
    const result = await cruise(['.'], { ...preset.options, baseDir: fixturePath('cycles'), validate: true, ruleSet: { forbidden: preset.forbidden } });
    const findings = getFindings(result, { knots: findKnots(result), extra: [{ rule: 'untested-module', from: 'src/index.ts' }] });
    expect(findings.map(({ rule, from }) => `${rule} ${from}`)).toEqual([
      'knot-runtime src/orders/order-service.ts',
      'knot-runtime src/users/user-service.ts',
      'knot-type-only src/billing/customer.ts',
      'knot-type-only src/billing/invoice.ts',
      'knot-type-only src/catalog/category.ts',
      'knot-type-only src/catalog/product.ts',
      'untested-module src/index.ts',
    ]);
    expect(findings[0].message).toMatch(/^A runtime knot of 2 modules/);
  });
});
