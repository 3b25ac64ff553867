#!/usr/bin/env node
// The main job until the `prodready` CLI lands: lint an example app with every built
// prodready plugin's `recommended` config and print findings plus a per-gap tally.
// Usage: node scripts/demo.mjs [example-folder]   (default: examples/vibe-app)
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
    try {
      const mod = require(join(ROOT, 'packages', name));
      return mod.default ?? mod;
    } catch (error) {
      if (error?.code !== 'MODULE_NOT_FOUND') throw error;
      console.error(`packages/${name} is not built; run \`npm run build\` first.`);
      process.exit(2);
    }
  });

// The project-facts pre-pass lets rules follow `import { prisma } from '../lib/db'` into @prisma/client.
const { collectProjectFacts } = require(join(ROOT, 'packages', 'eslint-rule-kit'));
const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const listSources = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) return [];
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listSources(path) : SOURCE.test(entry.name) ? [path] : [];
  });
const facts = collectProjectFacts({ root: target, files: listSources(target), parser: tseslint.parser });
const factsFile = join(mkdtempSync(join(tmpdir(), 'prodready-demo-')), 'facts.json');
writeFileSync(factsFile, JSON.stringify(facts));

const eslint = new ESLint({
  cwd: target,
  overrideConfigFile: true,
  overrideConfig: [
    {
      files: ['**/*.{ts,tsx,js,jsx,mjs,cjs}'],
      languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
      settings: { prodready: { factsFile } },
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
