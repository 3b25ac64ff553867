import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';

import { ESLint, type Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

import { getBundledRuleArea } from '../src/bundled.js';
import prodready from '../src/index.js';
import { copyFixture, getFixture, getItem } from './helpers.js';

const require = createRequire(import.meta.url);
const withVitest = getFixture('with-vitest');
const noRunner = getFixture('no-runner');
const lintCwd = copyFixture('with-vitest');

afterAll(() => rmSync(lintCwd, { recursive: true, force: true }));

function names(configs: Linter.Config[]): Array<string | undefined> {
  return configs.map((config) => config.name);
}

describe('bundled core rules', () => {
  it('turns on the catch rules, generous size limits and turns off no-await-in-loop', () => {
    const core = getItem(prodready({ cwd: withVitest }), '@prodready/core/rules');
    expect(core.rules).toStrictEqual({
      'preserve-caught-error': 'error',
      'no-empty': ['error', { allowEmptyCatch: false }],
      'no-useless-catch': 'error',
      complexity: ['warn', 25],
      'max-lines': ['warn', { max: 800, skipBlankLines: true, skipComments: true }],
      'max-depth': ['warn', 5],
      'no-await-in-loop': 'off',
    });
    expect(core.ignores).toContain('**/*.{test,spec,e2e,cy}.*');
  });

  it('tightens the size limits with `strict: true`', () => {
    const core = getItem(prodready({ cwd: withVitest, strict: true }), '@prodready/core/rules');
    expect(core.rules?.complexity).toStrictEqual(['warn', 15]);
    expect(core.rules?.['max-params']).toStrictEqual(['warn', 4]);
  });

  it('leaves no-await-in-loop alone when the performance rules are off', () => {
    const core = getItem(prodready({ cwd: withVitest, performance: false }), '@prodready/core/rules');
    expect(core.rules).not.toHaveProperty('no-await-in-loop');
    expect(core.rules).toHaveProperty('no-empty');
  });

  it('bundles nothing with `bundled: false`', () => {
    const configs = prodready({ cwd: withVitest, bundled: false });
    expect(names(configs)).not.toContain('@prodready/core/rules');
    expect(names(configs)).not.toContain('@prodready/vitest/rules');
  });

  it('drops the core block when every area that bundles rules is off', () => {
    const configs = prodready({ cwd: withVitest, observability: false, maintainability: false, performance: false });
    expect(names(configs)).not.toContain('@prodready/core/rules');
  });
});

describe('test-runner plugins', () => {
  it('registers @vitest/eslint-plugin (the installed object) on test files when package.json names vitest', () => {
    const item = getItem(prodready({ cwd: withVitest }), '@prodready/vitest/rules');
    expect(item.plugins?.vitest).toBe(require('@vitest/eslint-plugin'));
    expect(item.files).toContainEqual(['**/*.{test,spec,e2e,cy}.*', '**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}']);
    expect(item.rules).toMatchObject({ 'vitest/no-focused-tests': 'error', 'vitest/expect-expect': ['error', {}] });
  });

  it('adds no runner plugin for a project without that runner', () => {
    const configs = prodready({ cwd: noRunner, testing: true });
    expect(names(configs)).not.toContain('@prodready/vitest/rules');
    expect(names(configs)).not.toContain('@prodready/jest/rules');
  });

  it('adds eslint-plugin-jest when asked for, and none when the testing area is off', () => {
    expect(names(prodready({ cwd: noRunner, testing: true, jest: true }))).toContain('@prodready/jest/rules');
    expect(names(prodready({ cwd: withVitest, testing: false }))).not.toContain('@prodready/vitest/rules');
    expect(names(prodready({ cwd: withVitest, vitest: false }))).not.toContain('@prodready/vitest/rules');
  });
});

describe('rules that fight observability', () => {
  const unicorn = { name: 'user/unicorn', plugins: { unicorn: { rules: {} } } } satisfies Linter.Config;

  it("turns off unicorn's optional catch binding after the user's configs that register unicorn", () => {
    const configs = prodready({ cwd: withVitest }, unicorn);
    expect(configs.at(-1)).toStrictEqual({
      name: '@prodready/fighting-rules-off',
      rules: { 'unicorn/prefer-optional-catch-binding': 'off' },
    });
  });

  it('adds nothing when unicorn is not registered or observability is off', () => {
    expect(names(prodready({ cwd: withVitest }))).not.toContain('@prodready/fighting-rules-off');
    expect(names(prodready({ cwd: withVitest, observability: false }, unicorn))).not.toContain(
      '@prodready/fighting-rules-off',
    );
  });
});

describe('scorecard attribution', () => {
  it('maps bundled rule ids to their area and leaves others out', () => {
    expect(getBundledRuleArea('no-empty')).toBe('observability');
    expect(getBundledRuleArea('max-lines')).toBe('maintainability');
    expect(getBundledRuleArea('vitest/no-focused-tests')).toBe('testing');
    expect(getBundledRuleArea('jest/expect-expect')).toBe('testing');
    expect(getBundledRuleArea('no-unused-vars')).toBeUndefined();
    expect(getBundledRuleArea('toString')).toBeUndefined();
    expect(getBundledRuleArea('react/jsx-key')).toBeUndefined();
  });
});

describe('linting with the bundled rules', () => {
  async function lint(filePath: string, code: string) {
    const eslint = new ESLint({ cwd: lintCwd, overrideConfigFile: true, overrideConfig: prodready({ cwd: lintCwd }) });
    const [result] = await eslint.lintText(code, { filePath });
    return result?.messages.map(({ ruleId, line }) => ({ ruleId, line })) ?? [];
  }

  it('reports an empty catch in server code and a focused test in a test file', async () => {
    expect(await lint('src/load.ts', 'export function load(f: () => void) {\n  try { f(); } catch {}\n}\n')).toStrictEqual([
      { ruleId: 'no-empty', line: 2 },
    ]);
    const test = "import { expect, it } from 'vitest';\nit.only('adds', () => {\n  expect(1 + 1).toBe(2);\n});\n";
    expect(await lint('src/add.test.ts', test)).toStrictEqual([{ ruleId: 'vitest/no-focused-tests', line: 2 }]);
  });

  it('counts supertest and node:assert calls as assertions', async () => {
    const supertest =
      "import request from 'supertest';\nimport { it } from 'vitest';\nimport { app } from '../src/app';\n" +
      "it('answers', async () => {\n  await request(app).get('/health').expect(200);\n});\n";
    expect(await lint('tests/health.test.ts', supertest)).toStrictEqual([]);
    const assert =
      "import assert from 'node:assert';\nimport { it } from 'vitest';\nit('adds', () => {\n  assert.strictEqual(1 + 1, 2);\n});\n";
    expect(await lint('tests/add.test.ts', assert)).toStrictEqual([]);
  });

  it('does not report awaits in loops through core no-await-in-loop', async () => {
    const code = 'export async function run(jobs: Array<() => Promise<void>>) {\n  for (const job of jobs) await job();\n}\n';
    expect(await lint('src/run.ts', code)).toStrictEqual([]);
  });
});
