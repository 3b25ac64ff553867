// The repo lints itself: typescript-eslint, eslint-plugin-eslint-plugin on rules and tests,
// and prodready's own plugins on prodready's own code.
import js from '@eslint/js';
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

import { ownPluginConfigs } from './scripts/lib/own-plugins.mjs';

export default defineConfig(
  globalIgnores([
    '**/dist/**',
    '**/node_modules/**',
    '**/.turbo/**',
    'examples/**',
    'bench/.corpus/**',
    'packages/*/tests/fixtures/**',
    'packages/test-kit/fixtures/**',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    name: 'prodready/repo/base',
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    name: 'prodready/repo/rules',
    files: ['packages/eslint-plugin-*/src/rules/**/*.ts'],
    extends: [eslintPlugin.configs['rules-recommended']],
    rules: {
      'eslint-plugin/meta-property-ordering': [
        'error',
        ['type', 'docs', 'fixable', 'hasSuggestions', 'deprecated', 'schema', 'defaultOptions', 'messages'],
      ],
      'eslint-plugin/require-meta-docs-description': ['error', { pattern: '^(Enforce|Require|Disallow) .+[^. ]$' }],
      'eslint-plugin/require-meta-schema-description': 'error',
      'eslint-plugin/require-meta-default-options': 'error',
      'eslint-plugin/no-meta-schema-default': 'error',
      'eslint-plugin/prefer-message-ids': 'error',
      'eslint-plugin/report-message-format': ['error', '^[A-Z`].*\\.$'],
      'eslint-plugin/require-meta-docs-url': 'off',
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@prodready/test-kit', message: 'Rules never import the test kit.' }],
          patterns: [
            {
              group: ['@typescript-eslint/*/*', '@typescript-eslint/utils/*'],
              message: 'Import AST types and helpers from @prodready/eslint-rule-kit (STYLE.md §8).',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'MemberExpression[object.name="context"][property.name="options"]',
          message: "Read options from create's second parameter (defaults applied), never context.options.",
        },
      ],
    },
  },
  {
    name: 'prodready/repo/rule-tests',
    files: ['packages/eslint-plugin-*/tests/rules/**/*.ts'],
    extends: [eslintPlugin.configs['tests-recommended']],
    rules: {
      'eslint-plugin/require-test-error-positions': 'error',
      'eslint-plugin/no-only-tests': 'error',
      'eslint-plugin/unique-test-case-names': 'error',
      'eslint-plugin/test-case-shorthand-strings': 'error',
    },
  },
  {
    name: 'prodready/repo/scripts',
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly' } },
  },
  ...ownPluginConfigs(['packages/*/src/**/*.ts', 'scripts/**/*.mjs', 'bench/**/*.mjs']),
);
