import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { beforeEach, describe, expect, it } from 'vitest';

const scripts = fileURLToPath(new URL('..', import.meta.url));

/** A scratch repo with one empty plugin package, the shape the generators expect. */
function makeRepo() {
  const root = mkdtempSync(join(tmpdir(), 'prodready-scripts-'));
  for (const dir of ['src/rules', 'tests/rules', 'docs/rules']) {
    mkdirSync(join(root, 'packages', 'eslint-plugin-demo', dir), { recursive: true });
  }
  return root;
}

function run(script, args, root) {
  return spawnSync(process.execPath, [join(scripts, script), ...args], {
    env: { ...process.env, PRODREADY_ROOT: root },
    encoding: 'utf8',
  });
}

describe('npm run new-rule', () => {
  let root;
  beforeEach(() => {
    root = makeRepo();
  });

  it('scaffolds the rule, its test and its doc, and regenerates the index', () => {
    const result = run('new-rule.mjs', ['demo', 'no-thing'], root);
    expect(result.status).toBe(0);
    const pkg = join(root, 'packages', 'eslint-plugin-demo');
    const rule = readFileSync(join(pkg, 'src/rules/no-thing.ts'), 'utf8');
    expect(rule).toContain("name: 'no-thing'");
    expect(rule).toContain('defaultOptions: [{ allow: [] }]');
    expect(readFileSync(join(pkg, 'tests/rules/no-thing.test.ts'), 'utf8')).toContain(
      "import rule from '../../src/rules/no-thing.js';",
    );
    expect(readFileSync(join(pkg, 'docs/rules/no-thing.md'), 'utf8')).toContain('<!-- end auto-generated rule header -->');
    const index = readFileSync(join(pkg, 'src/rules/index.ts'), 'utf8');
    expect(index).toContain("import noThing from './no-thing.js';");
    expect(index).toContain("'no-thing': noThing,");
  });

  it('refuses an existing rule, an unknown area and a bad name with a usage line, not a stack trace', () => {
    expect(run('new-rule.mjs', ['demo', 'no-thing'], root).status).toBe(0);
    const again = run('new-rule.mjs', ['demo', 'no-thing'], root);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('packages/eslint-plugin-demo/src/rules/no-thing.ts already exists.');
    const area = run('new-rule.mjs', ['secuirty', 'no-thing'], root);
    expect(area.stderr).toContain('unknown area "secuirty".');
    expect(area.stderr).toContain('Usage: npm run new-rule -- <demo> <rule-name>');
    expect(run('new-rule.mjs', ['demo', 'NoThing'], root).stderr).toContain('"NoThing" is not a kebab-case rule name.');
    expect(run('new-rule.mjs', [], root).stderr).not.toMatch(/\n\s+at /);
  });
});

describe('gen-rules-index --check', () => {
  it('fails on a stale index and passes once regenerated', () => {
    const root = makeRepo();
    const rules = join(root, 'packages', 'eslint-plugin-demo', 'src', 'rules');
    writeFileSync(join(rules, 'require-thing.ts'), 'export default {};\n');
    const stale = run('gen-rules-index.mjs', ['--check'], root);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain('Run `npm run gen`');
    expect(existsSync(join(rules, 'index.ts'))).toBe(false);
    execFileSync(process.execPath, [join(scripts, 'gen-rules-index.mjs')], { env: { ...process.env, PRODREADY_ROOT: root } });
    expect(run('gen-rules-index.mjs', ['--check'], root).status).toBe(0);
  });
});
