#!/usr/bin/env node
// Renders one docs page per rule (docs/rules/<name>.md) from the rule objects, and one per family of
// generated rules and post-pass findings from FAMILIES below, so a page never drifts from its rule.
// `node scripts/docs.mjs` writes them; `--check` exits 1 when one is stale or missing.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import preset, { strict, warnOnly } from '../index.mjs';

export const DOCS = fileURLToPath(new URL('../docs/rules/', import.meta.url));

/** Rules generated from a manifest or the workspaces, and findings of the post-passes: one page per family. */
const FAMILIES = [
  {
    name: 'layer',
    title: '`layer-<name>`, `layer-<name>-types-only`',
    source: '`compileArchitecture(manifest)` (and `toEslintConfig(manifest)` in the editor)',
    why: 'A layer of architecture.json imports a layer it may not use, or imports values from a layer it may use for types only. Dependencies that point the wrong way couple the layers so that a change in one breaks the other.',
    fix: 'Move the code to the right layer, pass the dependency in, use `import type` for a types-only layer, or change the manifest if the architecture changed.',
  },
  {
    name: 'feature',
    title: '`feature-<name>-isolation`, `feature-<name>-public-api`',
    source: '`compileArchitecture(manifest)` (and `toEslintConfig(manifest)` in the editor)',
    why: 'A feature folder imports another feature\'s internals, or code outside the features imports a feature\'s internals instead of its public API. Reaching into another feature ties the two together so neither can change alone.',
    fix: 'Import the feature\'s public API (its `publicApi` files), export what you need there, or move shared code to a shared module.',
  },
  {
    name: 'workspace',
    title: '`workspace-no-relative-import`, `workspace-undeclared-dependency-in-<dir>`, `workspace-deep-import-into-<dir>`',
    source: '`compileWorkspaces(readWorkspaces(root), { rootDir: root })`',
    why: 'A relative import into another workspace package, an import of a workspace package the importing package does not declare, or an import of a file a package\'s `exports` does not expose. Each works in the monorepo checkout and breaks once the package is built, published, installed or deployed on its own (`ERR_PACKAGE_PATH_NOT_EXPORTED`, a missing dependency, a path that does not exist).',
    fix: 'Import the package by its name through an exported entry point, declare it in package.json (`"workspace:*"`), or export what you need.',
  },
  {
    name: 'knot',
    title: '`knot-runtime`, `knot-type-only` (baseline findings)',
    source: '`findKnots(result)` through `getFindings(result, { knots })`',
    why: 'A strongly connected component of the import graph: every module of it can reach every other. Runtime knots hand a module `undefined` at startup depending on load order; type-only knots vanish at runtime but still tie the modules together. One finding per module of the knot, so a knot that grows shows as new findings in the baseline.',
    fix: 'Cut the imports `describeKnot(knot)` lists (move shared code to a third module, pass the dependency in, or use `import type`); when a barrel (`index.ts`) is in the knot, import the module directly.',
  },
];

const cell = (text) => text.replaceAll('|', '\\|');

function renderRulePage(rule, index) {
  return [
    `# \`${rule.name}\``,
    '',
    `Severity: \`${rule.severity}\` in the preset, \`${strict.forbidden[index].severity}\` in \`/strict\`, \`${warnOnly.forbidden[index].severity}\` in \`/warn-only\`.`,
    '',
    '## Why, and what to do',
    '',
    rule.comment,
    '',
    '## Change or turn off',
    '',
    'Declare a rule with the same name in your config; dependency-cruiser merges it with the preset\'s:',
    '',
    '```js',
    `{ name: '${rule.name}', severity: 'warn' } // or 'ignore'`,
    '```',
    '',
    'Or record known findings in a baseline (`compareBaseline`, see the package README).',
    '',
  ].join('\n');
}

function renderFamilyPage(family) {
  return [`# ${family.title}`, '', `From ${family.source}.`, '', '## Why', '', family.why, '', '## What to do', '', family.fix, ''].join('\n');
}

export function renderDocs() {
  const pages = new Map(preset.forbidden.map((rule, index) => [`${rule.name}.md`, renderRulePage(rule, index)]));
  for (const family of FAMILIES) pages.set(`${family.name}.md`, renderFamilyPage(family));
  const index = [
    '# Rules',
    '',
    '| page | what it catches |',
    '| --- | --- |',
    ...preset.forbidden.map((rule) => `| [\`${rule.name}\`](${rule.name}.md) | ${cell(rule.comment.split(/: |\. /)[0])} |`),
    ...FAMILIES.map((family) => `| [${family.title}](${family.name}.md) | ${cell(family.why.split('. ')[0])} |`),
    '',
  ].join('\n');
  pages.set('README.md', index);
  return pages;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(DOCS, { recursive: true });
  let stale = false;
  for (const [file, content] of renderDocs()) {
    let current = '';
    try {
      current = readFileSync(`${DOCS}${file}`, 'utf8');
    } catch {
      // missing
    }
    if (current === content) continue;
    if (process.argv.includes('--check')) stale = true;
    else writeFileSync(`${DOCS}${file}`, content);
  }
  if (stale) {
    console.error('docs/rules is stale: run `node scripts/docs.mjs`.');
    process.exitCode = 1;
  }
}
