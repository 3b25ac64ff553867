import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import extractDepcruiseConfig from 'dependency-cruiser/config-utl/extract-depcruise-config';
import { describe, expect, it } from 'vitest';

import preset, { strict, warnOnly } from '../index.mjs';
import strictEntry from '../strict.mjs';
import warnOnlyEntry from '../warn-only.mjs';
import { README, renderReadme } from '../scripts/readme.mjs';
import { cruiseFixture, fixturePath } from './cruise-fixture.mjs';

const RULES_DIR = fileURLToPath(new URL('../rules/', import.meta.url));
const SEVERITIES = ['error', 'warn', 'info'];

describe('rule files', () => {
  it('are all in the preset, each named after its file', async () => {
    const files = readdirSync(RULES_DIR).sort();
    const rules = await Promise.all(files.map(async (file) => (await import(`../rules/${file}`)).default));
    expect(rules.map((rule) => `${rule.name}.mjs`)).toEqual(files);
    expect(preset.forbidden.map((rule) => rule.name).sort()).toEqual(rules.map((rule) => rule.name));
  });

  it('have exactly name, comment, severity, from and to, with a kebab-case name and a full-sentence comment', () => {
    for (const rule of preset.forbidden) {
      expect(Object.keys(rule).sort()).toEqual(['comment', 'from', 'name', 'severity', 'to']);
      expect(rule.name).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
      expect(SEVERITIES).toContain(rule.severity);
      expect(rule.comment).toMatch(/^[A-Z`].*\.$/s);
    }
  });
});

describe('variants', () => {
  it('raise every rule to error in strict and lower every error and warning to warn in warn-only', () => {
    expect(strict.forbidden.map((rule) => rule.severity)).toEqual(preset.forbidden.map(() => 'error'));
    expect(warnOnly.forbidden.map((rule) => [rule.name, rule.severity])).toEqual(
      preset.forbidden.map((rule) => [rule.name, rule.severity === 'info' ? 'info' : 'warn']),
    );
  });

  it('are new objects that leave the base preset untouched', () => {
    const before = globalThis.structuredClone(preset);
    strict.forbidden[0].severity = 'ignore';
    strict.options.doNotFollow.path.push('vendor');
    expect(preset).toEqual(before);
    expect(strict.forbidden.every((rule, index) => rule !== preset.forbidden[index])).toBe(true);
    expect(warnOnly.forbidden.every((rule, index) => rule !== preset.forbidden[index])).toBe(true);
    strict.forbidden[0].severity = 'error';
    strict.options.doNotFollow.path.pop();
  });

  it('are the default exports of the /strict and /warn-only entry points', () => {
    expect(strictEntry).toBe(strict);
    expect(warnOnlyEntry).toBe(warnOnly);
  });
});

describe('extends', () => {
  it('resolves the package name through dependency-cruiser and merges a same-named override', async () => {
    const config = await extractDepcruiseConfig(`${fixturePath('extends')}/.dependency-cruiser.cjs`);
    expect(config.forbidden.map((rule) => [rule.name, rule.severity])).toEqual([
      ['no-orphans', 'error'],
      ['no-circular-runtime', 'error'],
      ['no-circular-type-only', 'info'],
      ['not-to-unresolvable', 'error'],
      ['no-deprecated-core', 'error'],
      ['not-to-dev-dep', 'error'],
      ['no-non-package-json', 'error'],
      ['not-to-test', 'error'],
      ['not-to-spec', 'error'],
      ['no-test-library-in-production', 'error'],
    ]);
    expect(config.forbidden[0].from).toEqual(preset.forbidden.find((rule) => rule.name === 'no-orphans').from);
    expect(config.options).toEqual(preset.options);
    expect(await cruiseFixture('extends', config)).toEqual([
      { rule: 'no-circular-runtime', severity: 'error', from: 'src/handler.ts', to: 'src/index.ts' },
      { rule: 'no-orphans', severity: 'error', from: 'src/legacy-handler.ts', to: 'src/legacy-handler.ts' },
    ]);
  });

  it('resolves the /strict entry point through dependency-cruiser', async () => {
    const config = await extractDepcruiseConfig(`${fixturePath('extends-strict')}/.dependency-cruiser.cjs`);
    expect(config.forbidden).toEqual(strict.forbidden);
    expect(await cruiseFixture('extends-strict', config)).toEqual([
      { rule: 'no-orphans', severity: 'error', from: 'src/legacy-handler.ts', to: 'src/legacy-handler.ts' },
    ]);
  });
});

describe('README', () => {
  it('has an up-to-date rule table (run `npm run readme` in the package)', () => {
    const readme = readFileSync(README, 'utf8');
    expect(renderReadme(readme)).toBe(readme);
  });
});

describe('docs', () => {
  it('has an up-to-date page per rule and per rule family (run `node scripts/docs.mjs` in the package)', async () => {
    const { DOCS, renderDocs } = await import('../scripts/docs.mjs');
    for (const [file, content] of renderDocs()) expect(readFileSync(`${DOCS}${file}`, 'utf8')).toBe(content);
  });
});
