import { NOT_APP_CODE, NOT_A_PACKAGE_AT_RUNTIME, packagePattern } from './patterns.mjs';

/**
 * A rule forbidding runtime imports of `packages` (minus `allow`) from application code, or
 * `undefined` when `allow` leaves nothing to forbid.
 * @param {{ name: string, comment: string, severity: string, packages: readonly string[],
 *   allow: readonly string[], fromPathNot?: readonly string[] }} spec
 */
export function forbidPackages({ name, comment, severity, packages, allow, fromPathNot = [] }) {
  const forbidden = packages.filter((packageName) => !allow.includes(packageName));
  if (forbidden.length === 0) return undefined;
  return {
    name,
    comment,
    severity,
    from: {
      pathNot: [...fromPathNot, ...NOT_APP_CODE],
    },
    to: {
      path: packagePattern(forbidden),
      dependencyTypesNot: NOT_A_PACKAGE_AT_RUNTIME,
    },
  };
}
