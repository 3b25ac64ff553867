// @prodready/dependency-cruiser-preset-architecture: the default preset. Extend it from
// .dependency-cruiser.cjs with `extends: '@prodready/dependency-cruiser-preset-architecture'`.
import noCircularRuntime from './rules/no-circular-runtime.mjs';
import noCircularTypeOnly from './rules/no-circular-type-only.mjs';
import noDeprecatedCore from './rules/no-deprecated-core.mjs';
import noNonPackageJson from './rules/no-non-package-json.mjs';
import noOrphans from './rules/no-orphans.mjs';
import noTestLibraryInProduction from './rules/no-test-library-in-production.mjs';
import notToDevDep from './rules/not-to-dev-dep.mjs';
import notToSpec from './rules/not-to-spec.mjs';
import notToTest from './rules/not-to-test.mjs';
import notToUnresolvable from './rules/not-to-unresolvable.mjs';
import { toStrict, toWarnOnly } from './lib/variants.mjs';
import { mapWorkspaceSources as mapSources } from './lib/workspace-sources.mjs';
import { readWorkspaces } from './lib/workspaces.mjs';

export { describeKnot, findKnots } from './lib/knots.mjs';
export { compileArchitecture, getManifestProblems } from './lib/manifest.mjs';
export { compileWorkspaces, readWorkspaces } from './lib/workspaces.mjs';
export { checkResolution } from './lib/resolution.mjs';
export { compareBaseline, createBaseline, getBaselineProblems, getFindings } from './lib/baseline.mjs';
export { eslintPlugin, toEslintConfig } from './lib/eslint.mjs';

/**
 * Each workspace package's entry points mapped to its sources, and the resolver alias map that
 * makes one cruise resolve the whole monorepo. See lib/workspace-sources.mjs.
 * @param {string} rootDir
 * @param {ReadonlyArray<{ name: string, dir: string }>} [workspaces] default: `readWorkspaces(rootDir)`
 */
export function mapWorkspaceSources(rootDir, workspaces = readWorkspaces(rootDir)) {
  return mapSources(rootDir, workspaces);
}

/** @type {import('dependency-cruiser').IConfiguration} */
const preset = {
  forbidden: [
    noCircularRuntime,
    noCircularTypeOnly,
    noOrphans,
    notToUnresolvable,
    noDeprecatedCore,
    notToDevDep,
    noNonPackageJson,
    notToTest,
    notToSpec,
    noTestLibraryInProduction,
  ],
  options: {
    // Check the project's own code; packages are leaves.
    doNotFollow: { path: ['node_modules'] },
    // Keep type imports, marked `type-only` (`import type`) or `pre-compilation-only` (an import
    // TypeScript elides), so cycles and package use that vanish at runtime can be told apart.
    tsPreCompilationDeps: 'specify',
    // Resolve packages the way Node.js does (package.json `exports` with its conditions).
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
  },
};

export default preset;

/** The same rules, all `error`. Also available as `@prodready/dependency-cruiser-preset-architecture/strict`. */
export const strict = toStrict(preset);

/** The same rules, all `warn` (`info` stays `info`). Also available as `…/warn-only`. */
export const warnOnly = toWarnOnly(preset);
