import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import extractDepcruiseConfig from 'dependency-cruiser/config-utl/extract-depcruise-config';
import { describe, expect, it } from 'vitest';

import preset, { createCoherencePreset } from '../index.mjs';
import { GENERATORS } from '../lib/create-coherence-preset.mjs';
import { README, renderReadme } from '../scripts/readme.mjs';
import { cruiseFixture, fixturePath } from './cruise-fixture.mjs';

const SEVERITIES = ['error', 'warn', 'info'];
const ruleFiles = (folder) => readdirSync(fileURLToPath(new URL(`../${folder}/`, import.meta.url))).sort();

const everyOption = { httpClient: 'axios', logger: 'pino', orm: 'prisma', dataLayer: 'src/db/**' };

describe('rule files', () => {
  it('are all in the preset or the generator list, each named after its file', async () => {
    const files = ruleFiles('rules');
    const rules = await Promise.all(files.map(async (file) => (await import(`../rules/${file}`)).default));
    expect(rules.map((rule) => `${rule.name}.mjs`)).toEqual(files);
    expect(preset.forbidden.map((rule) => rule.name).sort()).toEqual(rules.map((rule) => rule.name));
    expect(GENERATORS.map((generator) => `${generator.name}.mjs`).sort()).toEqual(ruleFiles('generators'));
  });

  it('produce rules with exactly name, comment, severity, from and to, a kebab-case name and a full-sentence comment', () => {
    for (const rule of createCoherencePreset(everyOption).forbidden) {
      expect(Object.keys(rule).sort()).toEqual(['comment', 'from', 'name', 'severity', 'to']);
      expect(rule.name).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
      expect(SEVERITIES).toContain(rule.severity);
      expect(rule.comment).toMatch(/^[A-Z`].*\.$/s);
    }
  });
});

describe('createCoherencePreset', () => {
  it('returns new objects: changing the result leaves the preset and the next result untouched', () => {
    const before = globalThis.structuredClone(preset);
    const first = createCoherencePreset(everyOption);
    first.forbidden[0].severity = 'ignore';
    first.options.doNotFollow.path.push('vendor');
    expect(preset).toEqual(before);
    expect(createCoherencePreset(everyOption).forbidden[0].severity).toBe('warn');
  });

  it('names an unknown option and suggests the one meant', () => {
    expect(() => createCoherencePreset({ httpclient: 'axios' })).toThrow(TypeError);
    expect(() => createCoherencePreset({ httpclient: 'axios' })).toThrow(
      "createCoherencePreset: unknown option `httpclient`. Did you mean `httpClient`? Known options: 'httpClient', 'logger', 'orm', 'dataLayer', 'allow', 'severity'.",
    );
    expect(() => createCoherencePreset({ loger: 'pino' })).toThrow('Did you mean `logger`?');
    expect(() => createCoherencePreset({ database: 'postgres' })).toThrow(
      "createCoherencePreset: unknown option `database`. Known options: 'httpClient', 'logger', 'orm', 'dataLayer', 'allow', 'severity'.",
    );
  });

  it('lists the supported values for an unsupported choice', () => {
    expect(() => createCoherencePreset({ orm: 'hibernate' })).toThrow(
      "createCoherencePreset: `orm` must be one of 'drizzle', 'knex', 'kysely', 'mikro-orm', 'mongoose', 'objection', 'prisma', 'sequelize', 'typeorm', got \"hibernate\".",
    );
  });

  it('rejects malformed dataLayer, allow, severity and a non-object', () => {
    expect(() => createCoherencePreset({ dataLayer: [] })).toThrow('`dataLayer` must be a path glob');
    expect(() => createCoherencePreset({ allow: 'undici' })).toThrow('`allow` must be a non-empty array of package names');
    expect(() => createCoherencePreset({ severity: 'fatal' })).toThrow("`severity` must be one of 'error', 'warn', 'info'");
    expect(() => createCoherencePreset()).toThrow('expected an options object');
  });
});

describe('extends', () => {
  it('resolves the package name through dependency-cruiser', async () => {
    const config = await extractDepcruiseConfig(`${fixturePath('routes')}/../extends-coherence.cjs`);
    expect(config.forbidden).toEqual(preset.forbidden);
    expect(config.options).toEqual(preset.options);
  });

  it('combines with the architecture preset from a CommonJS config requiring this ESM package', async () => {
    const config = await extractDepcruiseConfig(`${fixturePath('combined')}/.dependency-cruiser.cjs`);
    expect(config.forbidden.map((rule) => rule.name)).toEqual([
      'no-legacy-request-libraries',
      'no-orm-in-ui',
      'no-route-importing-route',
      'one-http-client',
      'no-db-driver-outside-data-layer',
      'no-circular-runtime',
      'no-circular-type-only',
      'no-orphans',
      'not-to-unresolvable',
      'no-deprecated-core',
      'not-to-dev-dep',
      'no-non-package-json',
      'not-to-test',
      'not-to-spec',
      'no-test-library-in-production',
    ]);
    // `src` only: the config file itself imports this package.
    expect(await cruiseFixture('combined', config, config.forbidden, ['src'])).toEqual([
      { rule: 'one-http-client', severity: 'error', from: 'src/services/rates.ts', to: 'node_modules/got/index.js' },
    ]);
  });
});

describe('README', () => {
  it('has up-to-date rule tables (run `npm run readme` in the package)', () => {
    const readme = readFileSync(README, 'utf8');
    expect(renderReadme(readme)).toBe(readme);
  });
});

describe('index.d.mts', () => {
  it('lists exactly the supported values of each choice option', () => {
    const declarations = readFileSync(fileURLToPath(new URL('../index.d.mts', import.meta.url)), 'utf8');
    for (const { option, choices } of GENERATORS.filter((generator) => generator.choices)) {
      const union = new RegExp(`^  ${option}\\?: (.+);$`, 'm').exec(declarations)?.[1];
      expect(union?.split(' | ').map((value) => value.slice(1, -1))).toEqual(choices);
    }
  });
});

describe('docs', () => {
  it('has an up-to-date page per rule, generator and post-pass finding (run `node scripts/docs.mjs` in the package)', async () => {
    const { DOCS, renderDocs } = await import('../scripts/docs.mjs');
    for (const [file, content] of renderDocs()) expect(readFileSync(`${DOCS}${file}`, 'utf8')).toBe(content);
  });
});
