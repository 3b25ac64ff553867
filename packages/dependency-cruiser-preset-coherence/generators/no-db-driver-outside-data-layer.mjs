import { forbidPackages } from '../lib/forbid-packages.mjs';
import { DB_DRIVERS } from '../lib/packages.mjs';
import { globPattern } from '../lib/patterns.mjs';

export default {
  name: 'no-db-driver-outside-data-layer',
  option: 'dataLayer',
  summary: 'A database driver (`pg`, `mysql2`, `mongodb`…) imported outside the data layer globs',
  choices: undefined,
  /**
   * @param {string[]} dataLayer path globs
   * @param {{ severity: string, allow: readonly string[] }} settings
   */
  create(dataLayer, { severity, allow }) {
    return forbidPackages({
      name: 'no-db-driver-outside-data-layer',
      comment:
        `This module imports a database driver outside the data layer (${dataLayer.map((glob) => `\`${glob}\``).join(', ')}): ` +
        'raw queries scattered through handlers bypass the data layer\'s pooling, transactions and ' +
        'parameterisation, and each call site opens its own connections. Add a function to the data layer and call it.',
      severity,
      allow,
      packages: DB_DRIVERS,
      fromPathNot: dataLayer.map(globPattern),
    });
  },
};
