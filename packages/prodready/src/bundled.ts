import { createRequire } from 'node:module';
import { join } from 'node:path';

import type { ESLint, Linter } from 'eslint';
import { builtinRules } from 'eslint/use-at-your-own-risk';

import type { Area } from './plugins.js';

/**
 * Rules prodready does not write itself because ESLint or a test-runner plugin already gets them
 * right. Each is attributed to the production gap it closes, so the scorecard can count it.
 */
export const BUNDLED_RULE_AREAS: Readonly<Record<string, Area>> = {
  'preserve-caught-error': 'observability',
  'no-empty': 'observability',
  'no-useless-catch': 'observability',
  complexity: 'maintainability',
  'max-lines': 'maintainability',
  'max-depth': 'maintainability',
  'max-params': 'maintainability',
  'max-nested-callbacks': 'maintainability',
};

/** Rule-id prefixes of the optional test-runner plugins, all on the testing gap. */
export const BUNDLED_PLUGIN_AREAS: Readonly<Record<string, Area>> = { vitest: 'testing', jest: 'testing' };

/** The area a bundled rule id counts for, or `undefined` for rules prodready neither writes nor bundles. */
export function getBundledRuleArea(ruleId: string): Area | undefined {
  if (Object.hasOwn(BUNDLED_RULE_AREAS, ruleId)) return BUNDLED_RULE_AREAS[ruleId];
  const prefix = ruleId.includes('/') ? ruleId.slice(0, ruleId.indexOf('/')) : undefined;
  return prefix !== undefined && Object.hasOwn(BUNDLED_PLUGIN_AREAS, prefix) ? BUNDLED_PLUGIN_AREAS[prefix] : undefined;
}

type Level = 'recommended' | 'strict';

/**
 * ESLint's own rules that belong to an area. Limits are generous in `recommended` (a well-kept
 * codebase stays under them) and tighter in `strict`. `preserve-caught-error` arrived in ESLint
 * 9.35, so it is only set where the running ESLint has it.
 */
export function getCoreRules(area: Area, level: Level): Linter.RulesRecord {
  switch (area) {
    case 'observability':
      return {
        ...(builtinRules.has('preserve-caught-error') && { 'preserve-caught-error': 'error' }),
        'no-empty': ['error', { allowEmptyCatch: false }],
        'no-useless-catch': 'error',
      };
    case 'maintainability':
      return level === 'strict'
        ? {
            complexity: ['warn', 15],
            'max-lines': ['warn', { max: 400, skipBlankLines: true, skipComments: true }],
            'max-depth': ['warn', 4],
            'max-params': ['warn', 4],
            'max-nested-callbacks': ['warn', 4],
          }
        : {
            complexity: ['warn', 25],
            'max-lines': ['warn', { max: 800, skipBlankLines: true, skipComments: true }],
            'max-depth': ['warn', 5],
          };
    case 'performance':
      // The performance plugin reports awaited I/O in loops for the right reason; core
      // `no-await-in-loop` fires on every intentional sequential loop as well.
      return { 'no-await-in-loop': 'off' };
    default:
      return {};
  }
}

/** A test-runner plugin prodready can bundle when the project uses that runner and has it installed. */
export interface RunnerPlugin {
  name: 'vitest' | 'jest';
  plugin: ESLint.Plugin;
}

const RUNNER_PACKAGES = { vitest: '@vitest/eslint-plugin', jest: 'eslint-plugin-jest' } as const;

/**
 * Load a runner's ESLint plugin from the user's project (`cwd`), else from next to prodready
 * (an optional peer). Missing or broken plugins are skipped: they are optional.
 */
export function loadRunnerPlugin(name: RunnerPlugin['name'], cwd: string): RunnerPlugin | undefined {
  const id = RUNNER_PACKAGES[name];
  for (const base of [join(cwd, 'package.json'), import.meta.url]) {
    try {
      const loaded = createRequire(base)(id) as { default?: ESLint.Plugin } & ESLint.Plugin;
      const plugin = loaded.default ?? loaded;
      if (typeof plugin.rules === 'object') return { name, plugin };
    } catch {
      // not installed here; try the next place
    }
  }
  return undefined;
}

// What the runner plugins check well and prodready's testing plugin does not: tests that assert
// nothing, focused or disabled tests, conditional and misplaced expects, malformed suites.
// `expect-expect` knows supertest, chai and node:assert so those tests count as asserting.
const ASSERT_FUNCTIONS = ['expect', 'expect*', 'assert', 'assert.**', '**.expect', '**.should.**', 't.**'];
const RUNNER_RULES = {
  'expect-expect': ['error', { assertFunctionNames: ASSERT_FUNCTIONS }],
  'no-focused-tests': 'error',
  'no-disabled-tests': 'warn',
  'no-conditional-expect': 'error',
  'no-identical-title': 'error',
  'no-standalone-expect': 'error',
  'valid-expect': 'error',
  'valid-expect-in-promise': 'error',
  'valid-describe-callback': 'error',
  'no-commented-out-tests': 'warn',
} as const satisfies Record<string, Linter.RuleEntry>;

/** The bundled rules of a runner plugin, under its usual prefix, keeping only rules the installed version has. */
export function getRunnerRules({ name, plugin }: RunnerPlugin): Linter.RulesRecord {
  const rules: Linter.RulesRecord = {};
  for (const [id, entry] of Object.entries(RUNNER_RULES)) {
    if (plugin.rules?.[id] !== undefined) rules[`${name}/${id}`] = entry as Linter.RuleEntry;
  }
  return rules;
}

/**
 * Rules of plugins the user registers that work against observability: an optional catch binding
 * throws away the error that should have been logged or chained.
 */
export const FIGHTING_RULES: ReadonlyArray<{ plugin: string; rule: string; area: Area }> = [
  { plugin: 'unicorn', rule: 'unicorn/prefer-optional-catch-binding', area: 'observability' },
];
