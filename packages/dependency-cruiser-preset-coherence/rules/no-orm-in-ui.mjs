import { DB_DRIVERS, ORMS } from '../lib/packages.mjs';
import { NOT_APP_CODE, NOT_A_PACKAGE_AT_RUNTIME, packagePattern } from '../lib/patterns.mjs';

/** React components, hooks and UI folders, and Next.js/Remix `*.client.*` modules. */
const UI_MODULE = ['(?:^|/)(?:components|hooks|ui)/', '\\.client\\.[cm]?[jt]sx?$'];

const DATA_ACCESS_PACKAGES = [...new Set([...Object.values(ORMS).flat(), ...DB_DRIVERS])];

export default {
  name: 'no-orm-in-ui',
  comment:
    'A UI module (component, hook, `*.client.*` file) imports an ORM or database driver: in a client ' +
    'bundle it fails to build or ships database code and connection settings to the browser, and in a ' +
    'server component it puts a query in every render with no place for authorization or caching. Move ' +
    'the query into a server-only data module and pass the result in as props. Type imports are allowed.',
  severity: 'warn',
  from: {
    path: UI_MODULE,
    pathNot: NOT_APP_CODE,
  },
  to: {
    path: packagePattern(DATA_ACCESS_PACKAGES),
    dependencyTypesNot: NOT_A_PACKAGE_AT_RUNTIME,
  },
};
