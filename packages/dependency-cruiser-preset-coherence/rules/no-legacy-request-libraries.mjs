import { DEPRECATED_HTTP_CLIENTS } from '../lib/packages.mjs';
import { NOT_APP_CODE, NOT_A_PACKAGE_AT_RUNTIME, packagePattern } from '../lib/patterns.mjs';

/**
 * node-fetch 2 ships its code in `lib/`, node-fetch 3 in `src/`: the resolved path tells the
 * versions apart, so node-fetch 3 and an uninstalled node-fetch are not reported.
 */
const NODE_FETCH_2 = '(?:^|/)node_modules/node-fetch/lib/';

export default {
  name: 'no-legacy-request-libraries',
  comment:
    'This module makes HTTP requests through a legacy library (`request`, `request-promise`, ' +
    '`isomorphic-fetch` or node-fetch 2): unmaintained code with no security fixes, and a second HTTP ' +
    'client beside the one the rest of the app uses, with its own timeout, retry and error behaviour. ' +
    'Use the global `fetch` (Node.js 18+) or the HTTP client the project already uses.',
  severity: 'warn',
  from: {
    pathNot: NOT_APP_CODE,
  },
  to: {
    path: [packagePattern(DEPRECATED_HTTP_CLIENTS), NODE_FETCH_2],
    dependencyTypesNot: NOT_A_PACKAGE_AT_RUNTIME,
  },
};
