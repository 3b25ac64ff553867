import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createRuleTester } from '@prodready/test-kit';
import { describe, expect, it } from 'vitest';

import { getRunnerRestores, readRunnerRestores } from '../../src/frameworks/testing/get-runner-restores.js';
import { createProbeRule } from '../probe.js';

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'runner-restores-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

describe('readRunnerRestores', () => {
  it('reads vitest settings from the config', () => {
    const root = project({
      'package.json': '{"name":"app"}',
      'vitest.config.ts': "export default defineConfig({ test: { restoreMocks: true, unstubEnvs: true, unstubGlobals: false } });",
    });
    expect(readRunnerRestores(root)).toEqual(['envs', 'mocks']);
  });

  it('reads jest settings from package.json', () => {
    const root = project({ 'package.json': '{"name":"app","jest":{"restoreMocks":true}}' });
    expect(readRunnerRestores(root)).toEqual(['mocks']);
  });

  it('ignores the same words outside the jest key', () => {
    const root = project({ 'package.json': '{"name":"app","description":"restoreMocks: true"}' });
    expect(readRunnerRestores(root)).toEqual([]);
  });

  it('reads jest.config.js and ignores clearMocks', () => {
    const root = project({ 'package.json': '{}', 'jest.config.js': 'module.exports = { clearMocks: true, "restoreMocks": true };' });
    expect(readRunnerRestores(root)).toEqual(['mocks']);
  });

  it('answers nothing without a config', () => {
    expect(readRunnerRestores(project({ 'package.json': '{}' }))).toEqual([]);
  });
});

const root = project({ 'package.json': '{"name":"app"}', 'vitest.config.mts': 'export default { test: { unstubGlobals: true } };' });
const probe = createProbeRule('Program', (context) => getRunnerRestores(context).join(',') || undefined);

createRuleTester().run('getRunnerRestores', probe, {
  valid: [
    // a file outside any project
    { code: 'const answer = 42;', filename: '/nowhere/src/users.test.ts' },
  ],
  invalid: [
    {
      code: 'const answer = 42;',
      filename: join(root, 'src', 'users.test.ts'),
      errors: [{ messageId: 'probe', data: { answer: 'globals' }, line: 1, column: 1, endLine: 1, endColumn: 19 }],
    },
  ],
});
