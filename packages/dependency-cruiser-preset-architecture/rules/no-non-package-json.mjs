export default {
  name: 'no-non-package-json',
  comment:
    'This module imports a package that is not declared in any package.json: it works only because ' +
    'another package happened to install it, and breaks (or silently changes version) when that ' +
    'package updates or the lockfile is regenerated. Add it to `dependencies`.',
  severity: 'error',
  from: {},
  to: {
    dependencyTypes: ['npm-no-pkg', 'npm-unknown'],
  },
};
