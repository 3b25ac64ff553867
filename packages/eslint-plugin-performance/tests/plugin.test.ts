import { fileURLToPath } from 'node:url';

import { describePluginConsistency } from '@prodready/test-kit';

import plugin from '../src/index.js';

describePluginConsistency(plugin, fileURLToPath(new URL('..', import.meta.url)));
