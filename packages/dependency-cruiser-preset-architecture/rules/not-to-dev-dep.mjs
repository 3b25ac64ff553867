import { ERASED_AT_RUNTIME, NOT_PRODUCTION } from '../lib/patterns.mjs';

/** `@types/*` packages only provide types and are meant to be devDependencies. */
const TYPES_PACKAGE = '(?:^|/)node_modules/@types/';

export default {
  name: 'not-to-dev-dep',
  comment:
    'Production code imports a package listed only in `devDependencies`: `npm ci --omit=dev` (most ' +
    'Docker images and PaaS builds) does not install it and the server crashes on the first request ' +
    'that loads this module. Move the package to `dependencies`, or use `import type` if you only need its types.',
  severity: 'error',
  from: {
    pathNot: NOT_PRODUCTION,
  },
  to: {
    dependencyTypes: ['npm-dev'],
    dependencyTypesNot: ERASED_AT_RUNTIME,
    pathNot: TYPES_PACKAGE,
  },
};
