// Severity variants. Each returns a NEW preset: the rules are copied, never mutated, so importing
// a variant cannot change the base preset another config extends (dependency-cruiser's own
// `recommended-strict` mutates the shared rule objects).

/**
 * @param {{ forbidden: Array<{ severity: string }>, options?: object }} preset
 * @param {(severity: string) => string} mapSeverity
 */
export function mapSeverities(preset, mapSeverity) {
  return {
    ...preset,
    forbidden: preset.forbidden.map((rule) => ({ ...rule, severity: mapSeverity(rule.severity) })),
    ...(preset.options ? { options: globalThis.structuredClone(preset.options) } : {}),
  };
}

/** Every rule becomes an error. */
export const toStrict = (preset) => mapSeverities(preset, () => 'error');

/** Errors become warnings; `info` rules stay informational. */
export const toWarnOnly = (preset) => mapSeverities(preset, (severity) => (severity === 'info' ? 'info' : 'warn'));
