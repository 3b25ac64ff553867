import { forbidPackages } from '../lib/forbid-packages.mjs';
import { ORMS } from '../lib/packages.mjs';

export default {
  name: 'one-orm',
  option: 'orm',
  summary: 'A second ORM or query builder beside the chosen one',
  choices: Object.keys(ORMS),
  /**
   * @param {string} choice
   * @param {{ severity: string, allow: readonly string[] }} settings
   */
  create(choice, { severity, allow }) {
    return forbidPackages({
      name: 'one-orm',
      comment:
        `This module talks to the database through a second ORM or query builder: the project standardised on \`${choice}\`. ` +
        'Two ORMs mean two connection pools (twice the database connections), two migration histories ' +
        `and transactions that cannot span both. Query through \`${choice}\`.`,
      severity,
      allow,
      packages: [...new Set(Object.values(ORMS).flat())].filter((name) => !ORMS[choice].includes(name)),
    });
  },
};
