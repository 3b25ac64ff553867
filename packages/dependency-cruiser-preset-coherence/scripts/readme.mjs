#!/usr/bin/env node
// Renders the README's rule tables from the rule files and the generators, so the tables never
// drift from the code. `node scripts/readme.mjs` rewrites README.md; `--check` exits 1 when stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import preset from '../index.mjs';
import { GENERATORS } from '../lib/create-coherence-preset.mjs';

export const README = fileURLToPath(new URL('../README.md', import.meta.url));
const BEGIN = '<!-- begin generated rule tables: node scripts/readme.mjs -->';
const END = '<!-- end generated rule tables -->';

const cell = (text) => text.replaceAll('|', '\\|');
/** A rule comment up to its first colon: what the rule catches. */
const summary = (comment) => comment.slice(0, comment.indexOf(': ') > 0 ? comment.indexOf(': ') : undefined).replace(/[.:]$/, '');

export function renderRulesTables() {
  const staticRows = preset.forbidden.map((rule) => `| \`${rule.name}\` | ${rule.severity} | ${cell(summary(rule.comment))} |`);
  const generatedRows = GENERATORS.map(
    (generator) =>
      `| \`${generator.name}\` | \`${generator.option}\` | ${generator.choices ? generator.choices.map((choice) => `\`${choice}\``).join(', ') : 'path globs'} | ${cell(generator.summary)} |`,
  );
  return [
    '### In the preset (no options)',
    '',
    '| rule | severity | what it catches |',
    '| --- | --- | --- |',
    ...staticRows,
    '',
    '### Added by `createCoherencePreset(options)`',
    '',
    'Each rule is added when its option is set; severity `error` unless `severity` says otherwise.',
    '',
    '| rule | option | values | what it catches |',
    '| --- | --- | --- | --- |',
    ...generatedRows,
  ].join('\n');
}

/** `readme` with the text between the markers replaced by the current tables. */
export function renderReadme(readme) {
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (start === -1 || end < start) throw new Error(`README.md needs the markers\n${BEGIN}\n${END}`);
  return `${readme.slice(0, start + BEGIN.length)}\n${renderRulesTables()}\n${readme.slice(end)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const current = readFileSync(README, 'utf8');
  const next = renderReadme(current);
  if (process.argv.includes('--check')) {
    if (next !== current) {
      console.error('README.md rule tables are stale: run `node scripts/readme.mjs`.');
      process.exitCode = 1;
    }
  } else {
    writeFileSync(README, next);
  }
}
