import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { Linter } from 'eslint';

import { aggressiveOptions, applyFix, crashedRule, listFiles, lostComments, random, reduceToStatement, sample, variantOf } from '../sweep.mjs';

describe('sample', () => {
  const items = Array.from({ length: 100 }, (_, index) => `file-${index}`);

  it('returns every item when there is no limit', () => {
    expect(sample(items, undefined, 1)).toEqual(items);
  });

  it('returns every item when the limit exceeds the count', () => {
    expect(sample(items, 500, 1)).toEqual(items);
  });

  it('picks the same items for the same seed, in their original order', () => {
    const first = sample(items, 10, 7);
    expect(first).toHaveLength(10);
    expect(sample(items, 10, 7)).toEqual(first);
    expect([...first].sort((a, b) => items.indexOf(a) - items.indexOf(b))).toEqual(first);
  });

  it('picks other items for another seed', () => {
    expect(sample(items, 10, 8)).not.toEqual(sample(items, 10, 7));
  });
});

describe('random', () => {
  it('gives numbers in [0, 1), the same sequence for the same seed', () => {
    const a = random(3);
    const b = random(3);
    const values = Array.from({ length: 5 }, () => a());
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
    expect(Array.from({ length: 5 }, () => b())).toEqual(values);
  });
});

describe('aggressiveOptions', () => {
  it('is undefined for a rule without options', () => {
    expect(aggressiveOptions({ schema: [] })).toBeUndefined();
  });

  it('turns booleans on and empties lists', () => {
    const meta = {
      schema: [
        {
          type: 'object',
          properties: { allow: { type: 'array', items: { type: 'string' } }, checkWrites: { type: 'boolean' } },
        },
      ],
      defaultOptions: [{ allow: ['a'], checkWrites: false }],
    };
    expect(aggressiveOptions(meta)).toEqual([{ allow: [], checkWrites: true }]);
  });

  it('takes the last enum value and the minimum of numbers', () => {
    const meta = {
      schema: [
        {
          type: 'object',
          properties: { mode: { enum: ['loose', 'strict'] }, max: { type: 'integer', minimum: 1 } },
        },
      ],
      defaultOptions: [{ mode: 'loose', max: 10 }],
    };
    expect(aggressiveOptions(meta)).toEqual([{ mode: 'strict', max: 1 }]);
  });

  it('is undefined when the aggressive options equal the defaults', () => {
    const meta = {
      schema: [{ type: 'object', properties: { allow: { type: 'array', items: { type: 'string' } } } }],
      defaultOptions: [{ allow: [] }],
    };
    expect(aggressiveOptions(meta)).toBeUndefined();
  });
});

describe('crashedRule', () => {
  it('reads the rule ESLint names in a crash', () => {
    const error = new Error('Cannot read properties of undefined\nOccurred while linting /x.ts:3\nRule: "@prodready/security/no-x"');
    expect(crashedRule(error)).toBe('@prodready/security/no-x');
  });

  it('is undefined for an error that names no rule', () => {
    expect(crashedRule(new Error('Parsing error'))).toBeUndefined();
    expect(crashedRule(undefined)).toBeUndefined();
  });
});

describe('lostComments', () => {
  it('is empty when every comment survives', () => {
    expect(lostComments([{ value: ' a ' }, { value: ' b ' }], [{ value: ' b ' }, { value: ' a ' }])).toEqual([]);
  });

  it('names a comment the fix dropped, counting duplicates', () => {
    expect(lostComments([{ value: ' a ' }, { value: ' a ' }], [{ value: ' a ' }])).toEqual([' a ']);
  });
});

describe('listFiles', () => {
  it('finds JS/TS files in nested folders, sorted, and nothing else', () => {
    const root = mkdtempSync(join(tmpdir(), 'prodready-sweep-'));
    mkdirSync(join(root, 'pkg', 'node_modules', 'inner'), { recursive: true });
    for (const file of ['pkg/index.cjs', 'pkg/node_modules/inner/a.mts', 'pkg/readme.md', 'b.tsx', 'pkg/data.json']) {
      writeFileSync(join(root, file), '');
    }
    expect(listFiles(root).map((file) => file.slice(root.length + 1))).toEqual([
      'b.tsx',
      'pkg/index.cjs',
      'pkg/node_modules/inner/a.mts',
    ]);
  });
});

describe('applyFix', () => {
  it('replaces the fixed range with the fix text, as ESLint applies a suggestion', () => {
    expect(applyFix('fetch(url);', { range: [6, 9], text: 'url, { signal }' })).toBe('fetch(url, { signal });');
  });
});

describe('variantOf', () => {
  it('tells the aggressive registration of a rule from the default one', () => {
    expect(variantOf('@prodready-aggressive/security/no-x')).toBe('aggressive');
    expect(variantOf('@prodready/security/no-x')).toBe('default');
    expect(variantOf(undefined)).toBe('default');
  });
});

describe('reduceToStatement', () => {
  const parse = (code) => {
    const linter = new Linter({ configType: 'flat' });
    linter.verify(code, [{ languageOptions: { sourceType: 'module' } }]);
    return linter.getSourceCode().ast;
  };
  const code = [
    "import express from 'express';",
    "const db = require('./db');",
    'const unrelated = 1;',
    'export function handler(req) {',
    '  return db.query(req.body.sql);',
    '}',
    'const other = 2;',
  ].join('\n');

  it('keeps the imports, the requires and the statement spanning the line', () => {
    expect(reduceToStatement(parse(code), code, 5)).toBe(
      "import express from 'express';\nconst db = require('./db');\nexport function handler(req) {\n  return db.query(req.body.sql);\n}\n",
    );
  });

  it('is undefined when no statement spans the line or nothing would be dropped', () => {
    expect(reduceToStatement(parse(code), code, 99)).toBeUndefined();
    const small = "import express from 'express';\nexpress();";
    expect(reduceToStatement(parse(small), small, 2)).toBeUndefined();
  });
});
