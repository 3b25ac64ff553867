// Glob → regular-expression source for dependency-cruiser's `path` matchers, which test paths
// relative to the cruise's base directory with `/` separators. Supports `*`, `**`, `?` and `{a,b}`;
// anything else is literal.

const SPECIAL = /[.+^$()|[\]\\]/;

/**
 * The regex source for one glob, anchored at both ends. A glob with no wildcard names a folder or a
 * file: it matches that path and everything below it.
 * @param {string} glob
 */
export function globToRegex(glob) {
  const trimmed = glob.replace(/^\.\//, '').replace(/\/+$/, '');
  if (!/[*?{]/.test(trimmed)) return `^${escape(trimmed)}(?:/|$)`;
  return `^${translate(trimmed)}$`;
}

/**
 * The regex source for a folder glob (`src/features/*`), capturing the matched folder in one group,
 * for dependency-cruiser's group matching (`$1` in `to`).
 * @param {string} glob
 */
export function folderGlobToRegex(glob) {
  const trimmed = glob.replace(/^\.\//, '').replace(/\/+$/, '');
  return `^(${translate(trimmed)})/`;
}

/** Errors in a glob's syntax, as sentences; empty when it is fine. */
export function getGlobProblems(glob) {
  const problems = [];
  if (glob.trim() === '') problems.push('is empty');
  if (glob.startsWith('/') || /^[A-Za-z]:/.test(glob)) problems.push('must be relative to the project root');
  if (glob.split('/').includes('..')) problems.push('must not contain `..`');
  if (glob.includes('\\')) problems.push('must use `/` as separator');
  if ((glob.match(/\{/g) ?? []).length !== (glob.match(/\}/g) ?? []).length) problems.push('has unbalanced `{}`');
  return problems;
}

function escape(text) {
  return [...text].map((character) => (SPECIAL.test(character) ? `\\${character}` : character)).join('');
}

function translate(glob) {
  let source = '';
  for (let at = 0; at < glob.length; at += 1) {
    const character = glob[at];
    if (character === '*' && glob[at + 1] === '*') {
      const slashAfter = glob[at + 2] === '/';
      // `**/` is zero or more folders; a trailing `**` is anything below.
      source += slashAfter ? '(?:[^/]+/)*' : '.*';
      at += slashAfter ? 2 : 1;
    } else if (character === '*') {
      source += '[^/]*';
    } else if (character === '?') {
      source += '[^/]';
    } else if (character === '{') {
      source += '(?:';
    } else if (character === '}') {
      source += ')';
    } else if (character === ',' && isInsideBraces(glob, at)) {
      source += '|';
    } else {
      source += escape(character);
    }
  }
  return source;
}

function isInsideBraces(glob, at) {
  const before = glob.slice(0, at);
  return before.lastIndexOf('{') > before.lastIndexOf('}');
}
