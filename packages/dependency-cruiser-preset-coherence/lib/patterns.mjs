// Path regexes and regex builders shared by the rules. dependency-cruiser matches `from.path`
// against the importing module's path relative to the cruise's base directory and `to.path`
// against the resolved path of the import (`node_modules/axios/index.js`).

const JS_EXTENSION = '\\.[cm]?[jt]sx?$';

/** Tests, fixtures, mocks, stories and config files: they may use whatever tool suits them. */
export const NOT_APP_CODE = [
  '(?:^|/)(?:__tests__|__mocks__|__fixtures__|tests?|specs?|e2e|fixtures|mocks|scripts)/',
  `\\.(?:test|spec|e2e|cy|stories|story|bench)${JS_EXTENSION}`,
  `(?:^|/)[^/]+\\.config${JS_EXTENSION}`,
  '\\.d\\.[cm]?ts$',
];

/**
 * Imports that do not exist at runtime: `import type`, and imports TypeScript elides (marked when
 * the preset's `tsPreCompilationDeps: 'specify'` is on).
 */
export const ERASED_AT_RUNTIME = ['type-only', 'pre-compilation-only'];

/** Dependencies that are not a package import at runtime: erased ones and the project's own files. */
export const NOT_A_PACKAGE_AT_RUNTIME = ['local', ...ERASED_AT_RUNTIME];

const escapeRegex = (text) => text.replaceAll(/[$()*+.?[\\\]^{|}]/g, '\\$&');

/**
 * A regex matching imports that resolve into any of `packages` (in any `node_modules`, pnpm's
 * included). A name ending in `/` matches a whole scope (`@mikro-orm/`). Packages that are not
 * installed are deliberately not matched: dependency-cruiser cannot tell a type import of an
 * unresolved package from a runtime one, and `not-to-unresolvable` reports them anyway.
 * @param {readonly string[]} packages
 */
export function packagePattern(packages) {
  const names = packages
    .map((name) => (name.endsWith('/') ? `${escapeRegex(name)}[^/]+` : escapeRegex(name)))
    .join('|');
  return `(?:^|/)node_modules/(?:${names})(?:/|$)`;
}

/**
 * A regex from a path glob relative to the project root: `**` spans folders, `*` and `?` stay
 * within one. A path without glob characters means that folder and everything below it.
 * @param {string} glob
 */
export function globPattern(glob) {
  const path = glob.replace(/^\.\//, '').replace(/\/$/, '');
  if (!/[*?]/.test(path)) return `^${escapeRegex(path)}(?:/|$)`;
  const source = path
    .split(/(\*\*\/|\*\*|\*|\?)/)
    .map((part) => {
      if (part === '**/') return '(?:.*/)?';
      if (part === '**') return '.*';
      if (part === '*') return '[^/]*';
      if (part === '?') return '[^/]';
      return escapeRegex(part);
    })
    .join('');
  return `^${source}$`;
}
