import { ERASED_AT_RUNTIME, NOT_PRODUCTION } from '../lib/patterns.mjs';

/** `@types/*` packages only provide types and are meant to be devDependencies. */
const TYPES_PACKAGE = '(?:^|/)node_modules/@types/';

export default {
  name: 'not-to-dev-dep',
  comment:
    'Production code imports a package listed only in `devDependencies`: `npm ci --omit=dev` (most ' +
    'Docker images and PaaS builds) does not install it and the server crashes on the first request ' +
    'that loads this module. Move the package to `dependencies`, or use `import type` if you only need its types. A package also listed in `peerDependencies` is not reported.',
  severity: 'error',
  from: {
    pathNot: NOT_PRODUCTION,
  },
  to: {
    dependencyTypes: ['npm-dev'],
    // A library declares what its host provides as a peer dependency and, to test against it, as a
    // dev dependency too: that is the intended setup, not a missing runtime dependency.
    dependencyTypesNot: [...ERASED_AT_RUNTIME, 'npm-peer'],
    pathNot: TYPES_PACKAGE,
  },
};
