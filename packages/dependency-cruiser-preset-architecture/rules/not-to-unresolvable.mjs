import { RUNTIME_VIRTUAL_MODULE } from '../lib/patterns.mjs';

export default {
  name: 'not-to-unresolvable',
  comment:
    'This import cannot be resolved to a file: the module crashes at startup with ' +
    '`ERR_MODULE_NOT_FOUND` (or the bundler fails). Often a hallucinated package or path. Install the ' +
    'package, fix the path, or point `options.tsConfig` at the tsconfig that declares your path aliases.',
  severity: 'error',
  from: {},
  to: {
    couldNotResolve: true,
    pathNot: RUNTIME_VIRTUAL_MODULE,
  },
};
