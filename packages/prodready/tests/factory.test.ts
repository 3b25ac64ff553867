import maintainabilityPlugin from '@prodready/eslint-plugin-maintainability';
import observabilityPlugin from '@prodready/eslint-plugin-observability';
import performancePlugin from '@prodready/eslint-plugin-performance';
import securityPlugin from '@prodready/eslint-plugin-security';
import testingPlugin from '@prodready/eslint-plugin-testing';
import type { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterEach, describe, expect, it } from 'vitest';

import prodready, { type Area, plugins } from '../src/index.js';
import { getFixture, getItem } from './helpers.js';

const cwd = getFixture('with-vitest');
const AREAS = Object.keys(plugins) as Area[];
const TESTS_SOURCE = [
  ['**/*.{test,spec,e2e,cy}.*', '**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'],
  ['**/__tests__/**', '**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'],
  ['**/__mocks__/**', '**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'],
  ['**/{test,tests,spec,e2e}/**', '**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'],
  ['**/{fixture,fixtures}/**', '**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'],
];

describe('prodready()', () => {
  it('exports the five plugins by identity', () => {
    expect(plugins).toStrictEqual({
      security: securityPlugin,
      testing: testingPlugin,
      performance: performancePlugin,
      maintainability: maintainabilityPlugin,
      observability: observabilityPlugin,
    });
    const configs = prodready({ cwd });
    for (const area of AREAS) {
      const namespace = plugins[area].meta.namespace;
      expect(getItem(configs, `${namespace}/setup`).plugins?.[namespace]).toBe(plugins[area]);
    }
  });

  it('names every item and keeps the documented order', () => {
    const names = prodready({ cwd }).map((config) => config.name);
    expect(names.slice(0, 3)).toStrictEqual([
      '@prodready/ignores',
      '@prodready/javascript/setup',
      '@prodready/typescript/setup',
    ]);
    expect(names.every((name) => name?.startsWith('@prodready/'))).toBe(true);
    expect(new Set(names).size).toBe(names.length);
  });

  it("enables exactly each plugin's recommended rules, under their own ids", () => {
    const configs = prodready({ cwd });
    for (const area of AREAS) {
      const namespace = plugins[area].meta.namespace;
      expect(getItem(configs, `${namespace}/rules`).rules).toStrictEqual(plugins[area].configs.recommended.rules);
    }
  });

  it('uses the strict presets with `strict: true`', () => {
    const configs = prodready({ cwd, strict: true });
    for (const area of AREAS) {
      const namespace = plugins[area].meta.namespace;
      expect(getItem(configs, `${namespace}/rules`).rules).toStrictEqual(plugins[area].configs.strict.rules);
    }
  });

  it('adds the type-checked rules on TypeScript files with `typeChecked: true`', () => {
    const configs = prodready({ cwd, typeChecked: true });
    for (const area of AREAS) {
      const namespace = plugins[area].meta.namespace;
      const untyped = getItem(configs, `${namespace}/rules`).rules ?? {};
      const typed = configs.find((config) => config.name === `${namespace}/rules-type-checked`)?.rules ?? {};
      expect({ ...untyped, ...typed }).toStrictEqual(plugins[area].configs['recommended-type-checked'].rules);
    }
    expect(getItem(configs, '@prodready/typescript/type-checked')).toStrictEqual({
      name: '@prodready/typescript/type-checked',
      files: ['**/*.{ts,tsx,mts,cts}'],
      ignores: [
        '**/*.{test,spec,e2e,cy}.*',
        '**/__tests__/**',
        '**/__mocks__/**',
        '**/{test,tests,spec,e2e}/**',
        '**/{fixture,fixtures}/**',
      ],
      languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: cwd } },
    });
  });

  it('adds no type information without `typeChecked`', () => {
    const names = prodready({ cwd }).map((config) => config.name);
    expect(names).not.toContain('@prodready/typescript/type-checked');
    expect(names.filter((name) => name?.endsWith('/rules-type-checked'))).toStrictEqual([]);
  });

  it('passes `project` and `tsconfigRootDir` to the parser', () => {
    const configs = prodready({ cwd, typeChecked: { project: ['./tsconfig.json'], tsconfigRootDir: '/repo' } });
    expect(getItem(configs, '@prodready/typescript/type-checked').languageOptions?.parserOptions).toStrictEqual({
      project: ['./tsconfig.json'],
      tsconfigRootDir: '/repo',
    });
  });

  it("parses TypeScript and JavaScript (with JSX) with typescript-eslint's parser", () => {
    const configs = prodready({ cwd });
    expect(getItem(configs, '@prodready/typescript/setup')).toStrictEqual({
      name: '@prodready/typescript/setup',
      files: ['**/*.{ts,tsx,mts,cts}'],
      languageOptions: { parser: tseslint.parser },
    });
    expect(getItem(configs, '@prodready/javascript/setup')).toStrictEqual({
      name: '@prodready/javascript/setup',
      files: ['**/*.{js,jsx,mjs,cjs}'],
      languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
    });
  });

  it('runs testing rules on test files and the other areas on source files', () => {
    const configs = prodready({ cwd });
    expect(getItem(configs, '@prodready/testing/rules').files).toStrictEqual(TESTS_SOURCE);
    for (const area of AREAS.filter((name) => name !== 'testing')) {
      expect(getItem(configs, `${plugins[area].meta.namespace}/rules`).files).toStrictEqual([
        '**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}',
      ]);
    }
  });

  it('turns server-only (`problem`) rules off in test files, and nothing else', () => {
    const configs = prodready({ cwd, strict: true });
    for (const area of AREAS.filter((name) => name !== 'testing')) {
      const namespace = plugins[area].meta.namespace;
      const rules = plugins[area].rules as Record<string, { meta: { type: string } }>;
      const expected = Object.keys(plugins[area].configs.strict.rules).filter(
        (id) => rules[id.slice(namespace.length + 1)]?.meta.type === 'problem',
      );
      const testsOff = configs.find((config) => config.name === `${namespace}/tests-off`);
      expect(Object.keys(testsOff?.rules ?? {})).toStrictEqual(expected);
      expect(Object.values(testsOff?.rules ?? {}).every((entry) => entry === 'off')).toBe(true);
      if (testsOff) expect(testsOff.files).toStrictEqual(TESTS_SOURCE);
    }
    expect(getItem(configs, '@prodready/security/tests-off').rules).toHaveProperty(
      '@prodready/security/no-secret-fallback',
      'off',
    );
  });

  it('takes custom source and test globs', () => {
    const configs = prodready({ cwd, files: ['src/**/*.ts'], testFiles: ['src/**/*.test.ts'], typeChecked: true });
    expect(getItem(configs, '@prodready/security/rules').files).toStrictEqual(['src/**/*.ts']);
    expect(getItem(configs, '@prodready/security/tests-off').files).toStrictEqual([
      ['src/**/*.test.ts', '**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'],
    ]);
    expect(getItem(configs, '@prodready/testing/rules').files).toStrictEqual([
      ['src/**/*.test.ts', '**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'],
    ]);
  });

  it('adds user ignores to the defaults', () => {
    const [ignores] = prodready({ cwd, ignores: ['src/generated/**'] });
    expect(ignores).toStrictEqual({
      name: '@prodready/ignores',
      ignores: expect.arrayContaining(['**/dist/**', '**/.next/**', 'src/generated/**']),
    });
  });

  it('leaves a disabled area registered but without rules', () => {
    const names = prodready({ cwd, security: false }).map((config) => config.name);
    expect(names).toContain('@prodready/security/setup');
    expect(names).not.toContain('@prodready/security/rules');
    expect(names).not.toContain('@prodready/security/tests-off');
  });

  it('appends user configs verbatim, last', () => {
    const mine: Linter.Config = {
      name: 'app/overrides',
      files: ['scripts/**'],
      rules: { '@prodready/security/no-secret-fallback': 'off' },
    };
    const configs = prodready({ cwd }, mine, { ignores: ['tmp/**'] });
    expect(configs.at(-2)).toBe(mine);
    expect(configs.at(-1)).toStrictEqual({ ignores: ['tmp/**'] });
  });

  it('spreads an array of user configs in place', () => {
    const shared: Linter.Config[] = [{ name: 'shared/a' }, { name: 'shared/b' }];
    const configs = prodready({ cwd }, shared, { name: 'app/last' });
    expect(configs.slice(-3)).toStrictEqual([shared[0], shared[1], { name: 'app/last' }]);
    expect(configs.at(-3)).toBe(shared[0]);
  });

  it('turns testing off by default when the nearest package.json has no test runner', () => {
    const names = prodready({ cwd: getFixture('no-runner') }).map((config) => config.name);
    expect(names).toContain('@prodready/testing/setup');
    expect(names).not.toContain('@prodready/testing/rules');
    expect(prodready({ cwd: getFixture('no-runner'), testing: true }).map((config) => config.name)).toContain(
      '@prodready/testing/rules',
    );
  });

  it('counts `node --test` as a test runner', () => {
    expect(prodready({ cwd: getFixture('node-test') }).map((config) => config.name)).toContain(
      '@prodready/testing/rules',
    );
  });
});

describe('overrides', () => {
  it('layers overrides over the preset', () => {
    const configs = prodready({
      cwd,
      security: { overrides: { '@prodready/security/no-secret-fallback': ['warn', { allow: ['SESSION_SECRET'] }] } },
    });
    expect(getItem(configs, '@prodready/security/rules').rules).toHaveProperty(
      '@prodready/security/no-secret-fallback',
      ['warn', { allow: ['SESSION_SECRET'] }],
    );
  });

  it('keeps a rule turned off by an override out of the tests-off item', () => {
    const configs = prodready({ cwd, security: { overrides: { '@prodready/security/no-secret-fallback': 'off' } } });
    expect(getItem(configs, '@prodready/security/rules').rules).toHaveProperty(
      '@prodready/security/no-secret-fallback',
      'off',
    );
    expect(configs.find((config) => config.name === '@prodready/security/tests-off')?.rules ?? {}).not.toHaveProperty(
      '@prodready/security/no-secret-fallback',
    );
  });

  it('throws on a misspelt rule id, naming the close match', () => {
    expect(() =>
      prodready({ cwd, security: { overrides: { '@prodready/security/no-secret-fallbak': 'off' } as never } }),
    ).toThrow(
      'prodready: `security.overrides` names `@prodready/security/no-secret-fallbak`, which is not a rule of @prodready/eslint-plugin-security.\nDid you mean `@prodready/security/no-secret-fallback`?',
    );
  });

  it('throws on a rule id without its namespace, naming the full id', () => {
    expect(() => prodready({ cwd, security: { overrides: { 'no-secret-fallback': 'off' } as never } })).toThrow(
      'Did you mean `@prodready/security/no-secret-fallback`?',
    );
  });

  it('throws on a rule id given to the wrong area, naming the right one', () => {
    expect(() =>
      prodready({ cwd, performance: { overrides: { '@prodready/security/no-secret-fallback': 'off' } as never } }),
    ).toThrow('It belongs to the security plugin: move it to `security.overrides`.');
  });

  it("throws on an unrelated id, listing the plugin's rules", () => {
    expect(() => prodready({ cwd, security: { overrides: { semi: 'off' } as never } })).toThrow(
      /names `semi`, which is not a rule of @prodready\/eslint-plugin-security\.\nIts rules are: `@prodready\/security\//,
    );
  });

  describe('a rule that needs type information', () => {
    const rules = plugins.security.rules as Record<string, unknown>;
    afterEach(() => {
      delete rules['fake-typed-rule'];
    });
    function addTypedRule(type: 'problem' | 'suggestion' = 'problem'): void {
      rules['fake-typed-rule'] = {
        meta: {
          type,
          docs: { description: 'Disallow nothing', recommended: false, requiresTypeChecking: true },
          schema: [],
          messages: {},
        },
        create: () => ({}),
      };
    }

    it('throws when it is turned on without typed linting', () => {
      addTypedRule();
      expect(() =>
        prodready({ cwd, security: { overrides: { '@prodready/security/fake-typed-rule': 'error' } as never } }),
      ).toThrow(
        'prodready: `@prodready/security/fake-typed-rule` needs type information, so it only runs with typed linting. Pass `typeChecked: true` to prodready()',
      );
    });

    it('goes to the TypeScript-only item with typed linting', () => {
      addTypedRule();
      const configs = prodready({
        cwd,
        typeChecked: true,
        security: { overrides: { '@prodready/security/fake-typed-rule': 'error' } as never },
      });
      expect(getItem(configs, '@prodready/security/rules-type-checked')).toStrictEqual({
        name: '@prodready/security/rules-type-checked',
        files: ['**/*.{ts,tsx,mts,cts}'],
        rules: expect.objectContaining({ '@prodready/security/fake-typed-rule': 'error' }),
      });
      expect(getItem(configs, '@prodready/security/rules').rules).not.toHaveProperty(
        '@prodready/security/fake-typed-rule',
      );
      // A `problem` rule is off in tests, so test files still get no type information.
      expect(getItem(configs, '@prodready/security/tests-off').rules).toHaveProperty(
        '@prodready/security/fake-typed-rule',
        'off',
      );
      expect(getItem(configs, '@prodready/typescript/type-checked')).toHaveProperty('ignores');
    });

    it('gives test files type information when it runs on them', () => {
      addTypedRule('suggestion');
      const configs = prodready({
        cwd,
        typeChecked: true,
        security: { overrides: { '@prodready/security/fake-typed-rule': 'error' } as never },
      });
      const typedSetup = getItem(configs, '@prodready/typescript/type-checked');
      expect(typedSetup).not.toHaveProperty('ignores');
      expect(typedSetup.files).toStrictEqual([
        '**/*.{ts,tsx,mts,cts}',
        ['**/*.{test,spec,e2e,cy}.*', '**/*.{ts,tsx,mts,cts}'],
        ['**/__tests__/**', '**/*.{ts,tsx,mts,cts}'],
        ['**/__mocks__/**', '**/*.{ts,tsx,mts,cts}'],
        ['**/{test,tests,spec,e2e}/**', '**/*.{ts,tsx,mts,cts}'],
        ['**/{fixture,fixtures}/**', '**/*.{ts,tsx,mts,cts}'],
      ]);
    });
  });
});
