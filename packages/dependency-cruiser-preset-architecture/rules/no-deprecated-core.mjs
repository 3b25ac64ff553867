/** Node.js core modules deprecated in the Node.js docs (DEP0008, DEP0025, DEP0032, DEP0037, DEP0040, DEP0125). */
const DEPRECATED_CORE_MODULE = '^(?:punycode|domain|constants|sys|_linklist|_stream_wrap)$';

export default {
  name: 'no-deprecated-core',
  comment:
    'This module imports a deprecated Node.js core module: it prints a deprecation warning at runtime ' +
    'and may be removed in a future Node.js release. Use the replacement named in the Node.js ' +
    'deprecations list (for `punycode`, the `url` module or the `punycode` npm package).',
  severity: 'error',
  from: {},
  to: {
    dependencyTypes: ['core'],
    path: DEPRECATED_CORE_MODULE,
  },
};
