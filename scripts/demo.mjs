#!/usr/bin/env node
// The main job until the `prodready` CLI lands: lint an example app with every built
// prodready plugin's `recommended` config and print findings plus a per-gap tally.
// Usage: node scripts/demo.mjs [example-folder]   (default: examples/vibe-app)
import { createRequire } from 'node:module';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

import { ROOT } from './lib/workspace.mjs';

const GAPS = {
  security: '2 Security',
  testing: '3 Missing tests',
  performance: '4 Scalability',
  maintainability: '5 Maintainability',
  observability: '6 Observability',
};

const target = resolve(ROOT, process.argv[2] ?? 'examples/vibe-app');
if (!existsSync(target)) {
  console.error(`No such folder: ${relative(process.cwd(), target) || target}`);
  process.exit(2);
}

const require = createRequire(import.meta.url);
const plugins = readdirSync(join(ROOT, 'packages'))
  .filter((name) => name.startsWith('eslint-plugin-'))
  .map((name) => {
    const mod = require(join(ROOT, 'packages', name));
    return (mod.default ?? mod);
  });

const eslint = new ESLint({
  cwd: target,
  overrideConfigFile: true,
  overrideConfig: [
    {
      files: ['**/*.{ts,tsx,js,jsx,mjs,cjs}'],
      languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
    },
    ...plugins.map((plugin) => ({ ...plugin.configs.recommended, files: ['**/*.{ts,tsx,js,jsx,mjs,cjs}'] })),
  ],
});

const results = await eslint.lintFiles(['.']);
const formatter = await eslint.loadFormatter('stylish');
console.log(await formatter.format(results));

const tally = Object.fromEntries(Object.values(GAPS).map((gap) => [gap, 0]));
let crashes = 0;
for (const result of results) {
  for (const message of result.messages) {
    if (message.fatal || !message.ruleId) crashes += 1;
    const area = /^@prodready\/([^/]+)\//.exec(message.ruleId ?? '')?.[1];
    if (area && GAPS[area]) tally[GAPS[area]] += 1;
  }
}
console.log(`prodready findings in ${relative(ROOT, target)} (${results.length} files, ${plugins.length} plugins):`);
for (const [gap, count] of Object.entries(tally)) console.log(`  ${gap.padEnd(20)} ${count}`);
if (crashes > 0) {
  console.error(`${crashes} file(s) could not be linted.`);
  process.exit(1);
}
