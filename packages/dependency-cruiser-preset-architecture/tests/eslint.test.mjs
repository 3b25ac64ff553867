import { readFileSync } from 'node:fs';

import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import { toEslintConfig } from '../index.mjs';
import { fixturePath } from './cruise-fixture.mjs';

const ROOT = fixturePath('layered');
const manifest = JSON.parse(readFileSync(`${ROOT}/architecture.json`, 'utf8'));
const RULE = '@prodready/architecture/layers';

/** Lints `code` as the file `path` of the layered fixture; returns `[line, column, message]`. */
function lint(path, code = readFileSync(`${ROOT}/${path}`, 'utf8'), options = { rootDir: ROOT }) {
  const linter = new Linter({ configType: 'flat', cwd: ROOT });
  const config = [{ languageOptions: { parser: tsParser } }, toEslintConfig(manifest, options)];
  return linter.verify(code, config, { filename: `${ROOT}/${path}` }).map(({ ruleId, line, column, endColumn, message }) => {
    expect(ruleId).toBe(RULE);
    return [line, column, endColumn, message];
  });
}

describe('toEslintConfig', () => {
  it('returns a flat-config block registering the rule with the manifest', () => {
    const config = toEslintConfig(manifest, { aliases: { '@/': 'src/' } });
    expect(config.name).toBe('@prodready/architecture/manifest');
    expect(config.files).toEqual(['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}']);
    expect(config.rules).toEqual({ [RULE]: ['error', { manifest, aliases: { '@/': 'src/' } }] });
    expect(Object.keys(config.plugins['@prodready/architecture'].rules)).toEqual(['layers']);
  });

  it('reports, on the fixture files, what the compiled dependency-cruiser rules report', () => {
    expect(lint('src/services/report-service.ts')).toEqual([
      [1, 27, 44, 'The `services` layer may not import the `routes` layer (architecture.json); a dependency pointing the wrong way couples the layers so that a change in one breaks the other.'],
    ]);
    expect(lint('src/routes/admin.ts')).toEqual([
      [1, 23, 37, 'The `routes` layer may import the `db` layer for types only (architecture.json); use `import type`, or move the runtime code into a layer it may import.'],
    ]);
    expect(lint('src/features/checkout/index.ts')).toEqual([
      [2, 27, 47, 'This imports the internals of the `shop` feature `src/features/cart` instead of its public API (index.ts); internals change without notice, so import what the feature exports.'],
    ]);
    expect(lint('src/server.ts')).toEqual([
      [2, 31, 60, 'This imports the internals of the `shop` feature `src/features/checkout` instead of its public API (index.ts); internals change without notice, so import what the feature exports.'],
    ]);
    // Allowed: routes → services, routes → db with `import type`, services → db, a feature's own files.
    expect(lint('src/routes/users.ts')).toEqual([]);
    expect(lint('src/services/user-service.ts')).toEqual([]);
    expect(lint('src/features/cart/index.ts')).toEqual([]);
  });

  it('checks aliases, re-exports, dynamic imports and require(), and inline type specifiers', () => {
    const code = [
      "import { type UserRow } from '@/db/client';",
      "export { query } from '@/db/client';",
      "const lazy = () => import('../db/client');",
      "const cjs = require('../routes/users');",
      "export { lazy, cjs };",
    ].join('\n');
    expect(lint('src/routes/orders.ts', code, { rootDir: ROOT, aliases: { '@/': 'src/' } }).map(([line, column]) => [line, column])).toEqual([
      [2, 23],
      [3, 27],
    ]);
    // A local `require` is not the CommonJS one; packages and paths outside the root are not checked.
    const local = "const require = (name: string) => name;\nrequire('../db/client');\nimport express from 'express';\nimport '../../../elsewhere';";
    expect(lint('src/services/orders.ts', local)).toEqual([]);
    expect(lint('src/services/report-service.ts', undefined, { rootDir: `${ROOT}/src` })).toEqual([]);
  });

  it('does not crash on code with type errors or files outside the manifest', () => {
    expect(lint('src/routes/broken.ts', "import { query } from '../db/client';\nconst count: number = query('x');")).toHaveLength(1);
    expect(lint('scripts/seed.ts', "import { query } from '../src/db/client';")).toEqual([]);
  });

  it('throws on an invalid manifest', () => {
    expect(() => toEslintConfig({ layers: [{ name: 'Routes', path: '/abs' }] })).toThrow(TypeError);
  });
});
