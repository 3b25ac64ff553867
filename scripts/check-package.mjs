#!/usr/bin/env node
// Package checks run from a package folder (turbo `check`): publint and
// @arethetypeswrong/cli on the `npm pack` output, and, for plugins, that the
// eslint-doc-generator output (doc headers, README rule table) is up to date.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ROOT } from './lib/workspace.mjs';

const cwd = process.cwd();
const pkg = JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8'));
const bin = (name) => join(ROOT, 'node_modules', '.bin', name);

function run(label, command, args) {
  try {
    execFileSync(command, args, { cwd, stdio: 'pipe', encoding: 'utf8' });
    console.log(`✓ ${pkg.name}: ${label}`);
  } catch (error) {
    console.error(`✗ ${pkg.name}: ${label}\n${error.stdout ?? ''}${error.stderr ?? ''}`);
    process.exitCode = 1;
  }
}

if (!pkg.private) {
  run('publint', bin('publint'), ['--strict', '--pack', 'npm']);
  if (pkg.exports?.['.']?.types) {
    run('are the types wrong', bin('attw'), ['--pack', '.', '--profile', 'esm-only', '--format', 'table-flipped']);
  }
}
if (existsSync(join(cwd, '.eslint-doc-generatorrc.mjs'))) {
  run('rule docs and README are generated', bin('eslint-doc-generator'), ['--check']);
}
