// Config safety (issue #11): the shared checks in @prodready/test-kit, on every rule of this plugin.
import { describeOptionSchemas } from '@prodready/test-kit';

import plugin from '../src/index.js';

describeOptionSchemas(plugin);
