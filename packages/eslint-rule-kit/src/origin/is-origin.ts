import type { Origin } from './get-origin.js';

/**
 * What an API is: a module (or several, e.g. `['fs', 'fs/promises']`) and the access
 * path in it. `'*'` in the path matches any one step (`['*', 'new', 'query']` is
 * `query` on an instance of any export).
 */
export interface OriginPattern {
  readonly source: string | readonly string[] | RegExp;
  readonly path: readonly string[];
}

/** `true` when `origin` is exactly the API `pattern` describes. */
export function isOrigin(origin: Origin | undefined, pattern: OriginPattern): boolean {
  if (!origin || !isSourceMatch(origin.source, pattern.source)) return false;
  if (origin.path.length !== pattern.path.length) return false;
  return pattern.path.every((step, index) => step === '*' || step === origin.path[index]);
}

function isSourceMatch(source: string, expected: OriginPattern['source']): boolean {
  if (typeof expected === 'string') return source === expected;
  if (expected instanceof RegExp) return expected.test(source);
  return expected.includes(source);
}
