import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { main } from '../../src/cli/index.js';
import type { Report } from '../../src/report/index.js';
import { copyFixture } from '../helpers.js';

async function run(argv: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { cwd, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

describe('prodready check', () => {
  it('scores a project: lint, graph and project findings, exit 1 on errors', async () => {
    const cwd = copyFixture('cli-app');
    const { code, stdout, stderr } = await run(['check', '--format', 'json'], cwd);
    const report = JSON.parse(stdout) as Report;
    expect({ code, stderr }).toEqual({ code: 1, stderr: '' });
    expect(report.findings.map(({ tool, gap, ruleId, severity, file, line }) => ({ tool, gap, ruleId, severity, file, line }))).toEqual([
      { tool: 'project', gap: 'maintainability', ruleId: 'prodready/missing-lockfile', severity: 'warning', file: 'package.json', line: undefined },
      { tool: 'dependency-cruiser', gap: 'architecture', ruleId: 'no-circular-runtime', severity: 'error', file: 'src/config.ts', line: undefined },
      { tool: 'eslint', gap: 'security', ruleId: '@prodready/security/no-secret-fallback', severity: 'error', file: 'src/secrets.ts', line: 4 },
    ]);
    expect(existsSync(join(cwd, '.prodready'))).toBe(false);
  });

  it('exits 0 when only warnings remain', async () => {
    const cwd = copyFixture('cli-app');
    writeFileSync(join(cwd, 'src/secrets.ts'), "export function getJwtSecret(): string {\n  return process.env.JWT_SECRET ?? '';\n}\n");
    const { code, stdout } = await run(['check', '--quiet'], cwd);
    expect(code).toBe(0);
    expect(stdout).toContain('0 errors, 1 warning.');
  });

  it('exits 2 with one line for a missing project folder', async () => {
    const { code, stderr } = await run(['check', '--cwd', 'nowhere'], copyFixture('cli-app'));
    expect({ code, stderr }).toEqual({ code: 2, stderr: 'prodready: No such folder: nowhere\n' });
  });

  it('exits 2 with one line for a missing path', async () => {
    const { code, stdout, stderr } = await run(['check', 'nowhere'], copyFixture('cli-app'));
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: 'prodready: No such file or folder: nowhere\n' });
  });

  it('checks the vibe-coded example app without a crash', async () => {
    const root = fileURLToPath(new URL('../../../..', import.meta.url));
    const { code, stdout } = await run(['check', '--cwd', 'examples/vibe-app', '--format', 'json'], root);
    const report = JSON.parse(stdout) as Report;
    expect(code).toBe(1);
    expect(report.findings.filter((finding) => finding.ruleId === 'parse-error')).toEqual([]);
    expect(report.gaps.filter((gap) => gap.errors > 0).length).toBeGreaterThanOrEqual(5);
  });
});

describe('prodready facts', () => {
  it('writes the facts file', async () => {
    const cwd = copyFixture('cli-app');
    const { code, stdout } = await run(['facts'], cwd);
    expect({ code, stdout }).toEqual({ code: 0, stdout: 'Wrote .prodready/facts.json (3 files).\n' });
    const facts = JSON.parse(readFileSync(join(cwd, '.prodready/facts.json'), 'utf8')) as { version: number; modules: object };
    expect(facts.version).toBe(1);
    expect(Object.keys(facts.modules).sort()).toEqual(['src/config.ts', 'src/secrets.ts', 'tests/config.spec.ts']);
  });
});

describe('prodready init', () => {
  it('writes the configs once and is idempotent', async () => {
    const cwd = copyFixture('cli-app');
    const first = await run(['init'], cwd);
    const second = await run(['init'], cwd);
    expect(first.stdout).toBe(
      'created     eslint.config.js\ncreated     .dependency-cruiser.cjs\nupdated     package.json (added the `check:prodready` script)\n',
    );
    expect(second.stdout).toBe('unchanged   eslint.config.js\nunchanged   .dependency-cruiser.cjs\nunchanged   package.json\n');
    expect(readFileSync(join(cwd, 'eslint.config.js'), 'utf8')).toBe("import prodready from 'prodready';\n\nexport default prodready();\n");
  });

  it('keeps an existing config unless --force', async () => {
    const cwd = copyFixture('cli-app');
    writeFileSync(join(cwd, 'eslint.config.mjs'), 'export default [];\n');
    const kept = await run(['init'], cwd);
    expect(kept.stdout).toContain('kept        eslint.config.mjs (it exists; add prodready to it by hand or rerun with --force)\n');
    expect(readFileSync(join(cwd, 'eslint.config.mjs'), 'utf8')).toBe('export default [];\n');
    const forced = await run(['init', '--force'], cwd);
    expect(forced.stdout).toContain('overwritten eslint.config.mjs\n');
  });
});

describe('prodready help', () => {
  it('prints help and exits 0', async () => {
    const { code, stdout } = await run(['--help'], '.');
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: prodready <command> [options]');
  });

  it('prints the version', async () => {
    const { code, stdout } = await run(['--version'], '.');
    expect({ code, stdout }).toEqual({ code: 0, stdout: '0.1.0\n' });
  });
});
