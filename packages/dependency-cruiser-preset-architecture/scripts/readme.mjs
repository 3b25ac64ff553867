#!/usr/bin/env node
// Renders the README's rule table from the preset's rule objects, so the table never drifts from
// the rules. `node scripts/readme.mjs` rewrites README.md; `--check` exits 1 when it is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import preset, { strict, warnOnly } from '../index.mjs';

export const README = fileURLToPath(new URL('../README.md', import.meta.url));
const BEGIN = '<!-- begin generated rule table: node scripts/readme.mjs -->';
const END = '<!-- end generated rule table -->';

const cell = (text) => text.replaceAll('|', '\\|');
/** The first sentence of a rule comment: what the rule catches. */
const summary = (comment) => comment.slice(0, comment.indexOf(': ') > 0 ? comment.indexOf(': ') : undefined).replace(/[.:]$/, '');

export function renderRulesTable() {
  const rows = preset.forbidden.map((rule, index) =>
    `| \`${rule.name}\` | ${rule.severity} | ${strict.forbidden[index].severity} | ${warnOnly.forbidden[index].severity} | ${cell(summary(rule.comment))} |`,
  );
  return ['| rule | default | `/strict` | `/warn-only` | what it catches |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

/** `readme` with the text between the markers replaced by the current table. */
export function renderReadme(readme) {
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (start === -1 || end < start) throw new Error(`README.md needs the markers\n${BEGIN}\n${END}`);
  return `${readme.slice(0, start + BEGIN.length)}\n${renderRulesTable()}\n${readme.slice(end)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const current = readFileSync(README, 'utf8');
  const next = renderReadme(current);
  if (process.argv.includes('--check')) {
    if (next !== current) {
      console.error('README.md rule table is stale: run `node scripts/readme.mjs`.');
      process.exitCode = 1;
    }
  } else {
    writeFileSync(README, next);
  }
}
