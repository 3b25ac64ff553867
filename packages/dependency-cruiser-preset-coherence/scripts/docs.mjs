#!/usr/bin/env node
// Renders one docs page per rule (docs/rules/<name>.md) from the rule objects and the generators,
// and one per post-pass finding family from FAMILIES below, so a page never drifts from its rule.
// `node scripts/docs.mjs` writes them; `--check` exits 1 when one is stale or missing.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import preset, { createCoherencePreset } from '../index.mjs';
import { GENERATORS } from '../lib/create-coherence-preset.mjs';

export const DOCS = fileURLToPath(new URL('../docs/rules/', import.meta.url));

/** Findings of the post-passes (lib/infer.mjs): one page per family. */
const FAMILIES = [
  {
    name: 'one-concern-proposal',
    title: '`one-<concern>` proposals (`proposeCoherence`)',
    why: 'The project uses two libraries for one concern (HTTP client, logger, ORM, database driver, environment loader, validation, date/time, state management, test runner). Each brings its own timeouts, retries, redaction, pooling and error shapes, so a fix made for one silently misses the code using the other. The choice is inferred from the import graph (the majority, with counts) and shown as a proposal, never as a silent error.',
    fix: 'Accept the proposal (pass `options` to `createCoherencePreset`, which then enforces it) and rewrite the outliers with the chosen library, or record the deliberate exception in the baseline with its reason.',
  },
  {
    name: 'gateway',
    title: '`gateway-<concern>` (`findGatewayBypasses`)',
    why: 'A module imports a database driver, logger, HTTP client or environment loader (or, when configured, any concern such as the ORM) directly although the project reaches it through one gateway module (configured, or inferred from how most modules import it). The direct import skips what the gateway sets up: connection pooling, redaction, timeouts, validated configuration.',
    fix: 'Import the gateway module instead; if the gateway lacks what you need, add it there.',
  },
  {
    name: 'convention-by-analogy',
    title: '`convention-by-analogy` (`findConventionOutliers`)',
    why: 'Most modules of a folder (three of four `routes/*`, by default) import the same cross-cutting module, such as an auth middleware, an error handler or a validator, and this one does not. The sibling that skips the auth middleware is the unauthenticated endpoint.',
    fix: 'Import it like the siblings do; if this module is the deliberate exception (a public health check), record it in the baseline with the reason.',
  },
  {
    name: 'untested-module',
    title: '`untested-module` (`findUntestedModules`)',
    why: 'No test file reaches this module through imports, so no test runs its code before it ships. Computed once over the graph from every test file, not with per-source `reachable` rules.',
    fix: 'Add a test that imports the module (or the module that uses it), or delete it if nothing needs it.',
  },
];

const cell = (text) => text.replaceAll('|', '\\|');
const EVERY_OPTION = { httpClient: 'axios', logger: 'pino', orm: 'prisma', dataLayer: 'src/db/**' };

function renderRulePage(rule, how) {
  return [
    `# \`${rule.name}\``,
    '',
    how,
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
  ].join('\n');
}

export function renderDocs() {
  const pages = new Map();
  for (const rule of preset.forbidden) pages.set(`${rule.name}.md`, renderRulePage(rule, `In the preset, severity \`${rule.severity}\`.`));
  const generated = createCoherencePreset(EVERY_OPTION).forbidden;
  for (const generator of GENERATORS) {
    const rule = generated.find(({ name }) => name === generator.name);
    const values = generator.choices ? generator.choices.map((choice) => `\`${choice}\``).join(', ') : 'path globs';
    pages.set(`${rule.name}.md`, renderRulePage(rule, `Added by \`createCoherencePreset({ ${generator.option} })\` (${values}); severity \`error\` unless \`severity\` says otherwise. The comment below is the one generated for \`${JSON.stringify(EVERY_OPTION[generator.option])}\`.`));
  }
  for (const family of FAMILIES) pages.set(`${family.name}.md`, [`# ${family.title}`, '', '## Why', '', family.why, '', '## What to do', '', family.fix, ''].join('\n'));
  pages.set('README.md', [
    '# Rules',
    '',
    '| page | what it catches |',
    '| --- | --- |',
    ...preset.forbidden.map((rule) => `| [\`${rule.name}\`](${rule.name}.md) | ${cell(rule.comment.split(/: |\. /)[0])} |`),
    ...GENERATORS.map((generator) => `| [\`${generator.name}\`](${generator.name}.md) | ${cell(generator.summary)} |`),
    ...FAMILIES.map((family) => `| [${family.title}](${family.name}.md) | ${cell(family.why.split('. ')[0])} |`),
    '',
  ].join('\n'));
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
