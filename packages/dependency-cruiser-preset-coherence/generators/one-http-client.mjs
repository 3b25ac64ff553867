import { forbidPackages } from '../lib/forbid-packages.mjs';
import { FETCH_POLYFILLS, HTTP_CLIENTS } from '../lib/packages.mjs';

const describe = (choice) => (choice === 'fetch' ? 'the global `fetch`' : `\`${choice}\``);

export default {
  name: 'one-http-client',
  option: 'httpClient',
  summary: 'A second HTTP client: any client or fetch polyfill other than the chosen one (deprecated clients are `no-legacy-request-libraries`)',
  choices: Object.keys(HTTP_CLIENTS),
  /**
   * @param {string} choice
   * @param {{ severity: string, allow: readonly string[] }} settings
   */
  create(choice, { severity, allow }) {
    return forbidPackages({
      name: 'one-http-client',
      comment:
        `This module uses a second HTTP client: the project standardised on ${describe(choice)}. ` +
        'Each client has its own timeout, retry, proxy and error-shape behaviour, so a fix made for one ' +
        '(a timeout, an auth header, error logging) silently misses the calls made with the other. ' +
        `Rewrite the call with ${describe(choice)}.`,
      severity,
      allow,
      packages: [...new Set([...Object.values(HTTP_CLIENTS).flat(), ...FETCH_POLYFILLS])].filter(
        (name) => !HTTP_CLIENTS[choice].includes(name),
      ),
    });
  },
};
