import { createRuleTester } from '@prodready/test-kit';

import { isCommandLineModule } from '../../src/frameworks/logging/is-command-line-module.js';
import { createProbeRule } from '../probe.js';

// Reports the `Program` of command-line modules.
const rule = createProbeRule('Program', (context) => (isCommandLineModule(context) ? 'cli' : undefined));

createRuleTester().run('isCommandLineModule', rule, {
  valid: [
    // server code
    { code: "console.log('listening');", filename: 'src/server.ts' },
    // a folder whose name only contains `cli`
    { code: "console.log('client');", filename: 'src/clients/http.ts' },
    // a file named like a folder
    { code: "console.log('scripts');", filename: 'src/scripts.ts' },
  ],
  invalid: [
    {
      code: "#!/usr/bin/env node\nconsole.log('done');",
      filename: 'src/reset-password.ts',
      errors: [{ messageId: 'probe', data: { answer: 'cli' }, line: 1, column: 1, endLine: 2, endColumn: 21 }],
    },
    {
      code: "console.log('seeded');",
      filename: 'scripts/seed.ts',
      errors: [{ messageId: 'probe', data: { answer: 'cli' }, line: 1, column: 1, endLine: 1, endColumn: 23 }],
    },
    {
      code: "console.log('usage: app <command>');",
      filename: 'src/cli.ts',
      errors: [{ messageId: 'probe', data: { answer: 'cli' }, line: 1, column: 1, endLine: 1, endColumn: 37 }],
    },
    {
      code: "console.log('admin created');",
      filename: 'src/cli/setup.js',
      errors: [{ messageId: 'probe', data: { answer: 'cli' }, line: 1, column: 1, endLine: 1, endColumn: 30 }],
    },
  ],
});
