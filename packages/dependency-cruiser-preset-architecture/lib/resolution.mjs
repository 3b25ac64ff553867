// Resolution health gate. An import dependency-cruiser cannot resolve is a leaf no rule looks
// behind: with tsconfig `paths` not passed or a monorepo's packages not mapped, most of the graph
// is missing and the cruise reports "0 violations" about code it never read. This post-pass says
// so, with the likely cause, instead of letting that pass as a clean result.
import { RUNTIME_VIRTUAL_MODULE } from './patterns.mjs';

const RUNTIME_VIRTUAL = new RegExp(RUNTIME_VIRTUAL_MODULE);
const PACKAGE_NAME = /^(?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*(?:\/|$)/;
const EXAMPLES_PER_CAUSE = 3;

/** The causes, in report order, with what to do about each. */
const CAUSES = {
  'tsconfig-paths': 'path aliases, and no tsconfig was passed: set `options.tsConfig: { fileName: \'tsconfig.json\' }` (CLI: `--ts-config`)',
  'unknown-alias': 'path aliases that did not resolve although a tsconfig was passed: check that it is the tsconfig that declares them (not one that `extends` another without `paths`) and that its `paths` cover them, or pass the bundler\'s aliases (`options.webpackConfig`)',
  'workspace-mapping': 'workspace packages that are not mapped to their sources: pass `mapWorkspaceSources(root, readWorkspaces(root)).alias` as the resolver\'s `alias`, or run the package manager\'s install first',
  'missing-package': 'packages that are not installed: run the install before the cruise, or remove the import if the package does not exist',
  'missing-file': 'relative imports of files that do not exist',
};

/**
 * Checks that a cruise resolved enough of the project's imports to be trusted.
 *
 * Counts every import except core modules and runtime-provided ones (`bun:`…), classifies the
 * unresolved ones by likely cause (path aliases without a tsconfig, aliases the tsconfig lacks,
 * unmapped workspace packages, packages not installed, missing files), and fails when the share of
 * unresolved imports is above `maxUnresolvedRatio`. Deterministic: causes in a fixed order,
 * specifiers sorted by count then name.
 *
 * @param {{ output: unknown } | { modules: readonly object[], summary?: object }} result `cruise()`'s result or its output
 * @param {{ maxUnresolvedRatio?: number, workspaceNames?: readonly string[] }} [options] `workspaceNames`: package names of the monorepo's workspaces (`readWorkspaces(root).map(({ name }) => name)`)
 */
export function checkResolution(result, options = {}) {
  const { maxUnresolvedRatio = 0.01, workspaceNames = [] } = options;
  const output = result && typeof result === 'object' && 'output' in result ? result.output : result;
  if (!output || typeof output !== 'object' || !Array.isArray(output.modules)) {
    throw new TypeError('checkResolution expects the result of dependency-cruiser\'s `cruise()` with the default (JSON object) output type.');
  }
  const tsConfigPassed = Boolean(output.summary?.optionsUsed?.tsConfig?.fileName ?? output.summary?.optionsUsed?.tsConfig);
  const workspaces = new Set(workspaceNames);
  // `@server/models` in a repo with a `server/` folder is an alias of that folder, not a package.
  const topFolders = new Set(output.modules.map(({ source }) => source.split('/')[0]));
  let total = 0;
  /** @type {Map<string, Map<string, { count: number, from: string }>>} cause → specifier → count */
  const byCause = new Map();
  for (const module of output.modules) {
    for (const dependency of module.dependencies ?? []) {
      if (dependency.coreModule || RUNTIME_VIRTUAL.test(dependency.module)) continue;
      total += 1;
      if (!dependency.couldNotResolve) continue;
      const cause = classify(dependency.module, tsConfigPassed, workspaces, topFolders);
      const specifiers = byCause.get(cause) ?? new Map();
      byCause.set(cause, specifiers);
      const key = cause === 'missing-file' ? dependency.module : getPackageName(dependency.module) ?? dependency.module;
      const entry = specifiers.get(key) ?? { count: 0, from: module.source };
      entry.count += 1;
      if (module.source < entry.from) entry.from = module.source;
      specifiers.set(key, entry);
    }
  }
  const causes = Object.keys(CAUSES)
    .filter((cause) => byCause.has(cause))
    .map((cause) => {
      const specifiers = [...byCause.get(cause)].sort(([left, a], [right, b]) => b.count - a.count || (left < right ? -1 : 1));
      return {
        cause,
        count: specifiers.reduce((sum, [, { count }]) => sum + count, 0),
        examples: specifiers.slice(0, EXAMPLES_PER_CAUSE).map(([specifier, { count, from }]) => ({ specifier, count, from })),
        hint: CAUSES[cause],
      };
    });
  const unresolved = causes.reduce((sum, { count }) => sum + count, 0);
  const ratio = total === 0 ? 0 : unresolved / total;
  const ok = ratio <= maxUnresolvedRatio;
  return { ok, total, unresolved, ratio, causes, message: describe({ ok, total, unresolved, ratio, causes, maxUnresolvedRatio }) };
}

function classify(specifier, tsConfigPassed, workspaces, topFolders) {
  if (specifier.startsWith('.') || specifier.startsWith('/')) return 'missing-file';
  const packageName = getPackageName(specifier);
  if (packageName !== undefined && workspaces.has(packageName)) return 'workspace-mapping';
  // `@/lib/db`, `~/utils`, `#config`, `src/db` (baseUrl), `$lib/x`, `@server/models` (a `server/` folder): not a package name on npm.
  const aliasedFolder = /^[@~#$]([^/]+)\//.exec(specifier)?.[1];
  const isAlias = packageName === undefined || /^(?:src|app|lib|server|components|utils)\//.test(specifier) || (aliasedFolder !== undefined && topFolders.has(aliasedFolder));
  if (isAlias) return tsConfigPassed ? 'unknown-alias' : 'tsconfig-paths';
  return 'missing-package';
}

/** `@scope/name` or `name` of a bare specifier, `undefined` when it cannot be a package name. */
function getPackageName(specifier) {
  if (!PACKAGE_NAME.test(specifier)) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

const percent = (ratio) => `${(ratio * 100).toFixed(ratio < 0.1 ? 1 : 0)}%`;

function describe({ ok, total, unresolved, ratio, causes, maxUnresolvedRatio }) {
  if (unresolved === 0) return `dependency-cruiser resolved all ${total} imports.`;
  const head = ok
    ? `dependency-cruiser could not resolve ${unresolved} of ${total} imports (${percent(ratio)}, within the ${percent(maxUnresolvedRatio)} limit).`
    : `dependency-cruiser could not resolve ${unresolved} of ${total} imports (${percent(ratio)}, over the ${percent(maxUnresolvedRatio)} limit): ` +
      'the rules never saw what those imports lead to, so "no violations" does not mean the code is clean.';
  const lines = causes.map(({ count, examples, hint }) => {
    const shown = examples.map(({ specifier, count: times, from }) => `\`${specifier}\` ×${times} (first in ${from})`).join(', ');
    return `  - ${count} ${count === 1 ? 'import' : 'imports'} of ${hint}. For example ${shown}.`;
  });
  return [head, ...lines].join('\n');
}
