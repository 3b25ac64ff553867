import { createRequire } from 'node:module';

import { definePlugin } from '@prodready/eslint-rule-kit';

import { rules } from './rules/index.js';

const packageJson = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

export default definePlugin({ packageJson, namespace: '@prodready/maintainability', rules });
