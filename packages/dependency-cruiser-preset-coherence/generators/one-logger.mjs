import { forbidPackages } from '../lib/forbid-packages.mjs';
import { LOGGERS } from '../lib/packages.mjs';

export default {
  name: 'one-logger',
  option: 'logger',
  summary: 'A second logging library beside the chosen one',
  choices: Object.keys(LOGGERS),
  /**
   * @param {string} choice
   * @param {{ severity: string, allow: readonly string[] }} settings
   */
  create(choice, { severity, allow }) {
    return forbidPackages({
      name: 'one-logger',
      comment:
        `This module logs through a second logging library: the project standardised on \`${choice}\`. ` +
        'Lines from the other logger miss the configured format, level, redaction and request context, ' +
        `so they are unsearchable or leak secrets in production. Log through the project's \`${choice}\` instance.`,
      severity,
      allow,
      packages: Object.values(LOGGERS).flat().filter((name) => !LOGGERS[choice].includes(name)),
    });
  },
};
