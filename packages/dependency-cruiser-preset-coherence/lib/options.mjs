/** dependency-cruiser options the coherence rules rely on (the architecture preset sets the same). */
export const PRESET_OPTIONS = {
  // Check the project's own code; packages are leaves.
  doNotFollow: { path: ['node_modules'] },
  // Mark imports the compiler erases (`type-only`, `pre-compilation-only`): the rules allow them.
  tsPreCompilationDeps: 'specify',
  // Resolve packages the way Node.js does (package.json `exports` with its conditions).
  enhancedResolveOptions: {
    exportsFields: ['exports'],
    conditionNames: ['import', 'require', 'node', 'default', 'types'],
    mainFields: ['module', 'main', 'types', 'typings'],
  },
  skipAnalysisNotInRules: true,
};
