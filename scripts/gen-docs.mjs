#!/usr/bin/env node
// Regenerates rule doc headers and README rule tables with eslint-doc-generator in every plugin (after a build).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

import { listPluginDirs, ROOT } from './lib/workspace.mjs';

for (const dir of listPluginDirs()) {
  execFileSync(join(ROOT, 'node_modules', '.bin', 'eslint-doc-generator'), [], { cwd: join(ROOT, dir), stdio: 'inherit' });
}
