import { fileURLToPath } from 'node:url';

import { cruise } from 'dependency-cruiser';
import { expect, it } from 'vitest';

// The CLI's layers (STYLE.md §10): cli → core → report, never back up.
const LAYERS = [
  { name: 'report-is-a-leaf', from: { path: '^src/report/' }, to: { path: '^src/(cli|core)/' } },
  { name: 'core-does-not-use-cli', from: { path: '^src/core/' }, to: { path: '^src/cli/' } },
  { name: 'config-factory-does-not-use-cli', from: { path: '^src/[^/]+\\.ts$' }, to: { path: '^src/(cli|core|report)/' } },
] as const;

it('keeps the CLI layered: cli → core → report', async () => {
  const { output } = await cruise(['src'], {
    baseDir: fileURLToPath(new URL('..', import.meta.url)),
    doNotFollow: { path: ['node_modules'] },
    tsPreCompilationDeps: true,
    validate: true,
    ruleSet: { forbidden: LAYERS.map((rule) => ({ ...rule, severity: 'error' as const })) },
  });
  const { summary } = output as { summary: { violations: Array<{ rule: { name: string }; from: string; to: string }>; totalCruised: number } };
  expect(summary.totalCruised).toBeGreaterThan(15);
  expect(summary.violations.map(({ rule, from, to }) => `${rule.name}: ${from} → ${to}`)).toEqual([]);
});
