// The built binary, as a user runs it: `node bin/prodready.js` in a temp copy of a project.
// Build first (`npx tsc -p tsconfig.build.json`); the suite says so when dist/ is missing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { beforeAll, describe, expect, it } from 'vitest';

import { REPORT_SCHEMA, type Report } from '../../src/report/index.js';
import { copyFixture } from '../helpers.js';
import { SARIF_SCHEMA, validate } from '../report/validate.js';

const PACKAGE = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(PACKAGE, 'bin', 'prodready.js');

function prodready(cwd: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true', GITHUB_STEP_SUMMARY: '' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A temp copy of the fixture where `import 'prodready'` resolves to this package, as after `npm i -D prodready`. */
function project(): string {
  const cwd = copyFixture('cli-app');
  mkdirSync(join(cwd, 'node_modules'));
  symlinkSync(PACKAGE, join(cwd, 'node_modules', 'prodready'), 'dir');
  return cwd;
}

beforeAll(() => {
  if (!existsSync(join(PACKAGE, 'dist', 'cli', 'index.js'))) throw new Error('Build prodready first: npx tsc -p tsconfig.build.json');
});

// Each run starts Node, ESLint and dependency-cruiser: slow on a busy machine.
describe('the built binary', { timeout: 400_000 }, () => {
  it('exits 2 with a one-line cause for usage errors, never a stack trace', () => {
    const cwd = project();
    for (const args of [['chek'], ['check', '--format', 'xml'], ['check', 'nowhere'], ['explain', 'no-sekret-fallback'], ['init', 'src']]) {
      const { code, stdout, stderr } = prodready(cwd, ...args);
      expect({ args, code, stdout }).toEqual({ args, code: 2, stdout: '' });
      expect(stderr).toMatch(/^prodready: [^\n]+\n$/);
      expect(stderr).not.toMatch(/\bat \S+:\d+:\d+/);
    }
  });

  it('inits twice, then checks with the written config', () => {
    const cwd = project();
    expect(prodready(cwd, 'init')).toMatchObject({ code: 0, stdout: expect.stringContaining('created     eslint.config.js\n') });
    expect(prodready(cwd, 'init')).toMatchObject({ code: 0, stdout: 'unchanged   eslint.config.js\nunchanged   .dependency-cruiser.cjs\nunchanged   package.json\n' });
    const { code, stdout, stderr } = prodready(cwd, 'check', '--format', 'json');
    expect({ code, stderr }).toEqual({ code: 1, stderr: '' });
    const report = JSON.parse(stdout) as Report;
    expect(validate(REPORT_SCHEMA, report)).toEqual([]);
    expect(report.notes).toContain('Linted with the project’s own ESLint config; prodready rules it leaves out are not scored.');
    expect(report.findings.map((finding) => finding.ruleId)).toEqual(
      expect.arrayContaining(['@prodready/security/no-secret-fallback', 'no-circular-runtime']),
    );
  });

  it('fails only on new findings after a baseline, and reports fixed ones', () => {
    const cwd = project();
    expect(prodready(cwd, 'baseline')).toMatchObject({ code: 0, stdout: expect.stringContaining('wrote       eslint-suppressions.json (1 finding)\n') });
    expect(JSON.parse(readFileSync(join(cwd, 'eslint-suppressions.json'), 'utf8'))).toEqual({
      'src/secrets.ts': { '@prodready/security/no-secret-fallback': { count: 1 } },
    });
    const clean = prodready(cwd, 'check');
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain('Baseline: 3 known findings not failing, 0 new, 0 fixed.');

    writeFileSync(join(cwd, 'src/payments.ts'), "export const stripeKey = process.env.STRIPE_SECRET_KEY || 'sk_test_local';\n");
    const failing = prodready(cwd, 'check', '--no-graph');
    expect(failing.code).toBe(1);
    expect(failing.stdout).toMatch(/^src\/payments\.ts\n {2}1:\d+ +error +`STRIPE_SECRET_KEY` falls back/);
    expect(failing.stdout).toContain('Baseline: 2 known findings not failing, 1 new, 0 fixed.');
    expect(failing.stdout).not.toMatch(/^src\/secrets\.ts$/m);
    expect(prodready(cwd, 'check', '--no-baseline', '--no-graph').stdout).toMatch(/^src\/secrets\.ts$/m);

    writeFileSync(join(cwd, 'src/payments.ts'), 'export const stripeKey = process.env.STRIPE_SECRET_KEY;\n');
    writeFileSync(join(cwd, 'src/secrets.ts'), "import { config } from './config.js';\n\nexport function getJwtSecret(): string {\n  return process.env.JWT_SECRET ?? '';\n}\n\nexport const loaded = config;\n");
    const fixed = prodready(cwd, 'check');
    expect(fixed.code).toBe(0);
    // The new file is imported by nobody: a `no-orphans` warning, new but not failing.
    expect(fixed.stdout).toContain('Baseline: 2 known findings not failing, 1 new, 1 fixed.');
  });

  it('writes every format', () => {
    const cwd = project();
    const sarif = prodready(cwd, 'check', '-f', 'sarif');
    expect(sarif.code).toBe(1);
    expect(validate(SARIF_SCHEMA, JSON.parse(sarif.stdout))).toEqual([]);
    expect(prodready(cwd, 'check', '-f', 'markdown').stdout).toMatch(/^## prodready scorecard\n/);
    expect(prodready(cwd, 'check', '-f', 'github').stdout).toMatch(/^::error file=src\/secrets\.ts,line=4,col=\d+,endLine=4,endColumn=\d+,title=@prodready\/security\/no-secret-fallback::/m);
    expect(prodready(cwd, 'check', '-f', 'text', '-q').stdout).toMatch(/^prodready \d+\.\d+\.\d+\S* scorecard — 3 files linted\n/);
    const html = prodready(cwd, 'check', '-f', 'html', '-o', 'reports/prodready.html');
    expect(html).toMatchObject({ code: 1, stdout: 'Wrote reports/prodready.html (2 errors).\n' });
    expect(readFileSync(join(cwd, 'reports/prodready.html'), 'utf8')).toContain('data-testid="module-graph"');
  });
});
