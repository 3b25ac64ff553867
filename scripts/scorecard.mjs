#!/usr/bin/env node
// The README's main job: `prodready check` of the vibe-coded example app, printing the seven-gap
// scorecard. The example is full of problems on purpose, so "findings reported" (exit 1) is the
// expected outcome here; only a usage or internal error (exit >= 2) fails this script.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

import { ROOT } from './lib/workspace.mjs';

const target = process.argv[2] ?? 'examples/vibe-app';
const result = spawnSync(
  process.execPath,
  [join(ROOT, 'packages', 'prodready', 'bin', 'prodready.js'), 'check', '--cwd', join(ROOT, target), ...process.argv.slice(3)],
  { stdio: 'inherit' },
);
process.exit(result.status === 0 || result.status === 1 ? 0 : (result.status ?? 2));
