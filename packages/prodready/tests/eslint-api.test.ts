import { ESLint, type Linter } from 'eslint';
import { rmSync } from 'node:fs';

import { afterAll, describe, expect, it } from 'vitest';

import prodready from '../src/index.js';
import { copyFixture } from './helpers.js';

const cwd = copyFixture('with-vitest');
const typedCwd = copyFixture('typed');

afterAll(() => {
  rmSync(cwd, { recursive: true, force: true });
  rmSync(typedCwd, { recursive: true, force: true });
});
const SERVER = `export const jwtSecret = process.env.JWT_SECRET || 'dev';\n`;

async function lint(
  filePath: string,
  code: string,
  eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: prodready({ cwd }) }),
) {
  const [result] = await eslint.lintText(code, { filePath });
  return result?.messages.map(({ ruleId, line, column, fatal }) => ({ ruleId, line, column, fatal })) ?? [];
}

describe('with the ESLint Node API', () => {
  it('reports a secret fallback in server code', async () => {
    expect(await lint('src/config.ts', SERVER)).toStrictEqual([
      { ruleId: '@prodready/security/no-secret-fallback', line: 1, column: 52, fatal: undefined },
    ]);
  });

  it('does not report it in a test file', async () => {
    expect(await lint('src/config.test.ts', SERVER)).toStrictEqual([]);
    expect(await lint('tests/config.ts', SERVER)).toStrictEqual([]);
  });

  it('parses TypeScript, TSX and JSX in JavaScript', async () => {
    const tsx = `type Props = { name: string };\nexport const Hello = ({ name }: Props) => <p>{name as string}</p>;\n`;
    const jsx = `export const Hello = ({ name }) => <p>{name}</p>;\n`;
    expect(await lint('src/hello.tsx', tsx)).toStrictEqual([]);
    expect(await lint('src/hello.jsx', jsx)).toStrictEqual([]);
    expect(await lint('src/hello.js', jsx)).toStrictEqual([]);
  });

  it('calculates a config for .ts, .tsx, .js and .mjs files', async () => {
    const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: prodready({ cwd }) });
    for (const file of ['src/app.ts', 'src/page.tsx', 'src/app.js', 'src/app.mjs', 'src/app.cjs', 'src/app.mts']) {
      const config = (await eslint.calculateConfigForFile(file)) as Linter.Config | undefined;
      expect(config?.rules?.['@prodready/security/no-secret-fallback'], file).toStrictEqual([2, { allow: [] }]);
    }
    const test = (await eslint.calculateConfigForFile('src/app.test.ts')) as Linter.Config | undefined;
    expect(test?.rules?.['@prodready/security/no-secret-fallback']).toStrictEqual([0, { allow: [] }]);
    expect(await eslint.isPathIgnored('dist/app.js')).toBe(true);
    expect(await eslint.calculateConfigForFile('tests/data.json')).toBeUndefined();
  });

  it('lints with type information when `typeChecked` is on', async () => {
    const eslint = new ESLint({
      cwd: typedCwd,
      overrideConfigFile: true,
      overrideConfig: prodready({ cwd: typedCwd, typeChecked: true }),
    });
    const results = await eslint.lintFiles(['src']);
    const messages = results.flatMap((result) =>
      result.messages.map(({ ruleId, message }) => ({
        file: result.filePath.slice(typedCwd.length + 1),
        ruleId,
        message,
      })),
    );
    expect(messages.filter(({ ruleId }) => ruleId === null)).toStrictEqual([]);
    expect(messages.map(({ file, ruleId }) => ({ file, ruleId }))).toContainEqual({
      file: 'src/server.ts',
      ruleId: '@prodready/security/no-secret-fallback',
    });
    expect(messages.map(({ file }) => file)).not.toContain('src/server.spec.ts');
  });
});
