import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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
  it('writes the configs and scripts once and is idempotent', async () => {
    const cwd = copyFixture('cli-app');
    const first = await run(['init'], cwd);
    const second = await run(['init'], cwd);
    expect(first.stdout).toBe(
      'created     eslint.config.js\ncreated     .dependency-cruiser.cjs\nupdated     package.json (added the `lint` and `prodready` scripts)\n',
    );
    expect(second.stdout).toBe('unchanged   eslint.config.js\nunchanged   .dependency-cruiser.cjs\nunchanged   package.json\n');
    expect(readFileSync(join(cwd, 'eslint.config.js'), 'utf8')).toBe("import prodready from 'prodready';\n\nexport default prodready();\n");
    expect(JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8')).scripts).toEqual({ test: 'vitest run', lint: 'eslint .', prodready: 'prodready check' });
  });

  it('merges prodready into an existing ESM flat config, once', async () => {
    const cwd = copyFixture('cli-app');
    writeFileSync(join(cwd, 'eslint.config.mjs'), "import js from '@eslint/js';\n\nexport default [\n  js.configs.recommended,\n  { rules: { 'no-console': 'off' } },\n];\n");
    const merged = await run(['init'], cwd);
    expect(merged.stdout).toContain('merged      eslint.config.mjs (added prodready before your own settings, which still win)\n');
    expect(readFileSync(join(cwd, 'eslint.config.mjs'), 'utf8')).toBe(
      "import js from '@eslint/js';\nimport prodready from 'prodready';\n\nexport default [\n  ...prodready(),\n  js.configs.recommended,\n  { rules: { 'no-console': 'off' } },\n];\n",
    );
    const again = await run(['init'], cwd);
    expect(again.stdout).toContain('unchanged   eslint.config.mjs (it already uses prodready)\n');
  });

  it('merges into a defineConfig call and a dependency-cruiser config without extends', async () => {
    const cwd = copyFixture('cli-app');
    writeFileSync(join(cwd, 'eslint.config.js'), "import { defineConfig } from 'eslint/config';\n\nexport default defineConfig([{ files: ['**/*.ts'] }]);\n");
    writeFileSync(join(cwd, '.dependency-cruiser.cjs'), "module.exports = {\n  forbidden: [],\n};\n");
    await run(['init'], cwd);
    expect(readFileSync(join(cwd, 'eslint.config.js'), 'utf8')).toContain('export default defineConfig(\n  ...prodready(),[{');
    expect(readFileSync(join(cwd, '.dependency-cruiser.cjs'), 'utf8')).toBe("module.exports = {\n  extends: 'prodready/dependency-cruiser',\n  forbidden: [],\n};\n");
  });

  it('keeps a config it cannot merge unless --force', async () => {
    const cwd = copyFixture('cli-app');
    writeFileSync(join(cwd, 'eslint.config.cjs'), 'module.exports = [];\n');
    const kept = await run(['init'], cwd);
    expect(kept.stdout).toContain('kept        eslint.config.cjs (it exists and could not be merged safely;');
    expect(readFileSync(join(cwd, 'eslint.config.cjs'), 'utf8')).toBe('module.exports = [];\n');
    const forced = await run(['init', '--force'], cwd);
    expect(forced.stdout).toContain('overwritten eslint.config.cjs\n');
  });

  it('proposes layers from the import graph', async () => {
    const cwd = copyFixture('cli-app');
    mkdirSync(join(cwd, 'src/routes'));
    mkdirSync(join(cwd, 'src/services'));
    writeFileSync(join(cwd, 'src/services/users.ts'), 'export const listUsers = () => [];\n');
    writeFileSync(join(cwd, 'src/routes/users.ts'), "import { listUsers } from '../services/users.js';\nexport const get = () => listUsers();\n");
    const { stdout } = await run(['init'], cwd);
    expect(stdout).toContain('proposed    architecture.proposal.json (2 layers from the import graph;');
    expect(JSON.parse(readFileSync(join(cwd, 'architecture.proposal.json'), 'utf8'))).toEqual({
      layers: [
        { name: 'routes', path: 'src/routes/**', mayImport: ['services'] },
        { name: 'services', path: 'src/services/**' },
      ],
    });
    expect((await run(['init'], cwd)).stdout).toContain('unchanged   architecture.proposal.json\n');
  });
});

describe('prodready explain', () => {
  it('explains a gap and exits 2 with a suggestion on a typo', async () => {
    expect((await run(['explain', 'coherence'], '.')).stdout).toMatch(/^Gap 7: Coherence\n/);
    expect(await run(['explain', 'no-sql-injektion'], '.')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'prodready: No rule or gap called `no-sql-injektion`. Did you mean `no-sql-injection`? Run `prodready explain --list` for all of them.\n',
    });
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
