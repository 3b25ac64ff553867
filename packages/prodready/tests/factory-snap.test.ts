import type { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import { prodready, type ProdreadyOptions } from '../src/index.js';
import { getFixture } from './helpers.js';

const cwd = getFixture('with-vitest');

// The composed config as a reviewable aggregate: names, files, rule ids and levels, parser
// settings. Plugin objects and parsers are shown by name (antfu/eslint-config test/factory-snap).
function serialize(configs: Linter.Config[]): string {
  const items = configs.map(({ plugins, languageOptions, ...rest }) => ({
    ...rest,
    ...(plugins && { plugins: Object.keys(plugins) }),
    ...(languageOptions && {
      languageOptions: {
        ...languageOptions,
        ...(languageOptions.parser !== undefined && { parser: getParserName(languageOptions.parser) }),
      },
    }),
  }));
  return `${JSON.stringify(items, null, 2).replaceAll(cwd, '<cwd>')}\n`;
}

function getParserName(parser: unknown): string | undefined {
  return (parser as { meta?: { name?: string } }).meta?.name;
}

const optionSets: Record<string, ProdreadyOptions> = {
  default: { cwd },
  'type-checked-strict': { cwd, typeChecked: true, strict: true },
  'custom-globs': {
    cwd,
    files: ['src/**/*.ts'],
    testFiles: ['src/**/*.test.ts'],
    ignores: ['src/generated/**'],
    typeChecked: { tsconfigRootDir: '/repo', project: './tsconfig.eslint.json' },
  },
  'areas-off': {
    cwd,
    security: false,
    testing: false,
    performance: false,
    maintainability: false,
    observability: false,
  },
};

describe('factory snapshots', () => {
  for (const [name, options] of Object.entries(optionSets)) {
    it(name, async () => {
      await expect(serialize(prodready(options))).toMatchFileSnapshot(`./__snapshots__/factory/${name}.json`);
    });
  }
});
