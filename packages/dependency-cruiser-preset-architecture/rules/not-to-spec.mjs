import { SPEC_FILE } from '../lib/patterns.mjs';

export default {
  name: 'not-to-spec',
  comment:
    'This module imports a `*.spec`/`*.test` file: importing it registers and runs those tests again, ' +
    'and in production code it drags the test runner along. Move the shared helper into its own module.',
  severity: 'error',
  from: {},
  to: {
    path: SPEC_FILE,
  },
};
