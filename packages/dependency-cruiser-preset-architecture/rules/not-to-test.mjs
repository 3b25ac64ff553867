import { NOT_PRODUCTION, TEST_FOLDER } from '../lib/patterns.mjs';

export default {
  name: 'not-to-test',
  comment:
    'Production code imports a module from a test, fixture or mock folder: test data or a fake ' +
    'implementation ships to production, and the build breaks when the tests are left out. Move the ' +
    'shared code out of the test folder.',
  severity: 'error',
  from: {
    pathNot: NOT_PRODUCTION,
  },
  to: {
    path: TEST_FOLDER,
  },
};
