/** `node:fs` → `fs`; other specifiers unchanged. */
export function normaliseSource(source: string): string {
  return source.startsWith('node:') ? source.slice(5) : source;
}

/** A specifier that points into the project: relative, absolute, or a common path alias. */
export function isLocalSource(source: string): boolean {
  return /^(?:\.{1,2}\/|\/|@\/|~\/|#|\$)/.test(source) || source === '.' || source === '..';
}
