import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { TSESLint } from '@typescript-eslint/utils';
import { ESLint } from 'eslint';
import { defineConfig } from 'eslint/config';
import { describe, expect, it } from 'vitest';

interface RuleLike {
  meta: TSESLint.RuleMetaData<string, { recommended?: unknown; requiresTypeChecking?: boolean }, readonly unknown[]>;
}

interface PluginLike {
  meta: { name: string; version: string; namespace: string };
  rules: Record<string, RuleLike>;
  configs: Record<string, { name: string; plugins: Record<string, unknown>; rules: Record<string, unknown> }>;
}

const CONFIG_NAMES = [
  'recommended',
  'recommended-type-checked',
  'strict',
  'strict-type-checked',
  'all',
  'disable-type-checked',
];
const DESCRIPTION = /^(?:Enforce|Require|Disallow) .+[^. ]$/;

/**
 * The package-level test every plugin runs (STYLE.md §5): rules exported, tested and
 * documented; metadata well-formed; configs derived, loadable and snapshotted.
 */
export function describePluginConsistency(plugin: PluginLike, packageDir: string): void {
  const ruleFiles = readdirSync(join(packageDir, 'src', 'rules'))
    .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
    .map((file) => file.slice(0, -3))
    .sort();
  const packageJson = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };

  describe(`${plugin.meta.namespace} plugin`, () => {
    it('names itself after its package', () => {
      expect(plugin.meta).toEqual({
        name: packageJson.name,
        version: packageJson.version,
        namespace: packageJson.name.replace('/eslint-plugin-', '/'),
      });
    });

    it('exports exactly the rules in src/rules', () => {
      expect(Object.keys(plugin.rules).sort()).toEqual(ruleFiles);
    });

    it('has the derived configs, each registering this very plugin', () => {
      expect(Object.keys(plugin.configs).sort()).toEqual([...CONFIG_NAMES].sort());
      for (const [name, config] of Object.entries(plugin.configs)) {
        expect(config.name).toBe(`${plugin.meta.namespace}/${name}`);
        expect(config.plugins[plugin.meta.namespace]).toBe(plugin);
      }
    });

    it('lists each config’s rules as in its snapshot', async () => {
      const lists = Object.fromEntries(
        CONFIG_NAMES.map((name) => [name, plugin.configs[name]?.rules ?? {}]),
      );
      await expect(`${JSON.stringify(lists, null, 2)}\n`).toMatchFileSnapshot(
        join(packageDir, 'tests', '__snapshots__', 'configs.snap'),
      );
    });

    it('loads every config in ESLint', async () => {
      for (const name of CONFIG_NAMES) {
        const config = plugin.configs[name];
        const withConfig = new ESLint({ cwd: packageDir, overrideConfigFile: true, overrideConfig: [config as never] });
        const calculated = (await withConfig.calculateConfigForFile('src/example.js')) as { rules: object };
        expect(Object.keys(calculated.rules)).toEqual(expect.arrayContaining(Object.keys(config?.rules ?? {})));
      }
    });

    it('lints a sample through defineConfig({ extends })', async () => {
      const eslint = new ESLint({
        cwd: packageDir,
        overrideConfigFile: true,
        overrideConfig: defineConfig({
          files: ['**/*.ts', '**/*.js'],
          plugins: { [plugin.meta.namespace]: plugin as never },
          extends: [`${plugin.meta.namespace}/recommended`],
        }) as never,
      });
      const [result] = await eslint.lintText('export const answer = 42;\n', { filePath: 'src/sample.js' });
      expect(result?.messages).toEqual([]);
    });

    describe.each(ruleFiles)('rule %s', (ruleName) => {
      const rule = plugin.rules[ruleName];
      const meta = rule?.meta;

      it('is tested and documented', () => {
        expect(existsSync(join(packageDir, 'tests', 'rules', `${ruleName}.test.ts`))).toBe(true);
        expect(existsSync(join(packageDir, 'docs', 'rules', `${ruleName}.md`))).toBe(true);
      });

      it('has complete, well-formed metadata', () => {
        expect(meta?.docs?.url).toMatch(new RegExp(`/${ruleName}\\.md$`));
        expect(['problem', 'suggestion', 'layout']).toContain(meta?.type);
        expect(['recommended', 'strict', false]).toContain(meta?.docs?.recommended);
        expect(meta?.docs?.description).toMatch(DESCRIPTION);
        for (const [id, message] of Object.entries(meta?.messages ?? {})) {
          expect(['default', 'error']).not.toContain(id);
          expect(message).toMatch(/\.$/);
        }
        if (Array.isArray(meta?.schema) && meta.schema.length > 0) {
          expect(meta.defaultOptions).toBeDefined();
        }
      });

      it('declares requiresTypeChecking exactly when it reads parser services', () => {
        const source = readFileSync(join(packageDir, 'src', 'rules', `${ruleName}.ts`), 'utf8');
        expect(meta?.docs?.requiresTypeChecking === true).toBe(source.includes('getParserServices('));
      });

      it('is in no preset when deprecated', () => {
        if (!meta?.deprecated) {
          expect(meta?.deprecated).toBeFalsy();
          return;
        }
        for (const config of Object.values(plugin.configs)) {
          expect(Object.keys(config.rules)).not.toContain(`${plugin.meta.namespace}/${ruleName}`);
        }
      });

      it('has a doc with the generated header and the required sections', () => {
        const doc = readFileSync(join(packageDir, 'docs', 'rules', `${ruleName}.md`), 'utf8');
        expect(doc).toContain('<!-- end auto-generated rule header -->');
        expect(doc).toMatch(/^## Examples$/m);
        expect(doc).toMatch(/^## When Not To Use It$/m);
      });
    });
  });
}
