// architecture.json → an ESLint flat-config block, so editors show layer and feature violations as
// the import is typed. The rule reads one file at a time: it resolves relative imports and the
// given path-alias prefixes by path arithmetic (no file-system access, no type information), which
// is why it is fast enough to run on every keystroke; the dependency-cruiser rules compiled from the
// same manifest remain the complete check (they also see packages, re-exports and resolved aliases).
import { isAbsolute, posix, relative, sep } from 'node:path';

import { folderGlobToRegex, globToRegex } from './globs.mjs';
import { getManifestProblems } from './manifest.mjs';

const EXTENSIONS = ['', '.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const PLUGIN = '@prodready/architecture';

/** @type {import('eslint').Rule.RuleModule} */
const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the layers and feature boundaries declared in architecture.json' },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          manifest: { type: 'object', description: 'The parsed architecture.json.' },
          rootDir: { type: 'string', description: 'The folder the manifest globs are relative to; ESLint\'s working directory by default.' },
          aliases: {
            type: 'object',
            additionalProperties: { type: 'string' },
            description: 'Import prefixes mapped to folders relative to `rootDir`, as in tsconfig `paths`: `{ "@/": "src/" }`.',
          },
        },
      },
    ],
    defaultOptions: [{ manifest: {}, aliases: {} }],
    messages: {
      forbiddenLayer:
        'The `{{from}}` layer may not import the `{{to}}` layer (architecture.json); a dependency pointing the wrong way couples the layers so that a change in one breaks the other.',
      typesOnlyLayer:
        'The `{{from}}` layer may import the `{{to}}` layer for types only (architecture.json); use `import type`, or move the runtime code into a layer it may import.',
      featureInternals:
        'This imports the internals of the `{{feature}}` feature `{{folder}}` instead of its public API ({{publicApi}}); internals change without notice, so import what the feature exports.',
    },
  },
  create(context) {
    const [{ manifest = {}, rootDir = context.cwd, aliases = {} } = {}] = context.options;
    const model = getModel(manifest);
    const file = toRootRelative(context.filename, rootDir);
    if (file === undefined) return {};
    const ownLayer = model.layers.find((layer) => layer.regexes.some((regex) => regex.test(file)));
    const ownFeatures = model.features.map((feature) => feature.folder.exec(file)?.[1]);
    if (!ownLayer && model.features.length === 0) return {};

    const check = (node, source, typeOnly) => {
      if (typeof source?.value !== 'string') return;
      const target = resolveTarget(source.value, file, aliases);
      if (target === undefined) return;
      const candidates = EXTENSIONS.flatMap((extension) => [`${target}${extension}`, ...(extension ? [`${target}/index${extension}`] : [])]);
      const matchesAny = (regexes) => candidates.some((candidate) => regexes.some((regex) => regex.test(candidate)));
      if (ownLayer && !matchesAny(ownLayer.regexes)) {
        const targetLayer = model.layers.find((layer) => layer !== ownLayer && matchesAny(layer.regexes));
        if (targetLayer && !ownLayer.mayImport.has(targetLayer.name)) {
          if (!ownLayer.mayImportTypes.has(targetLayer.name)) {
            context.report({ node: source, messageId: 'forbiddenLayer', data: { from: ownLayer.name, to: targetLayer.name } });
            return;
          }
          if (!typeOnly) {
            context.report({ node: source, messageId: 'typesOnlyLayer', data: { from: ownLayer.name, to: targetLayer.name } });
            return;
          }
        }
      }
      for (const [at, feature] of model.features.entries()) {
        const folder = candidates.map((candidate) => feature.folder.exec(candidate)?.[1]).find(Boolean);
        if (folder === undefined || folder === ownFeatures[at]) continue;
        const isPublic = candidates.some((candidate) => feature.publicApi.some((glob) => glob.test(candidate.slice(folder.length + 1))));
        // Without `publicApi`, code outside the features may import them; features may not import each other.
        if (isPublic || (feature.publicApi.length === 0 && ownFeatures[at] === undefined)) continue;
        const publicApi = feature.publicApi.length > 0 ? feature.publicApiGlobs.join(', ') : 'none: features may not import each other';
        context.report({ node: source, messageId: 'featureInternals', data: { feature: feature.name, folder, publicApi } });
        return;
      }
    };

    return {
      ImportDeclaration(node) {
        const typeOnly = node.importKind === 'type' || (node.specifiers.length > 0 && node.specifiers.every((specifier) => specifier.importKind === 'type'));
        check(node, node.source, typeOnly);
      },
      ExportNamedDeclaration(node) {
        if (node.source) check(node, node.source, node.exportKind === 'type');
      },
      ExportAllDeclaration(node) {
        check(node, node.source, node.exportKind === 'type');
      },
      ImportExpression(node) {
        if (node.source.type === 'Literal') check(node, node.source, false);
      },
      CallExpression(node) {
        // CommonJS `require('…')`, only when `require` is the global one.
        if (node.callee.type !== 'Identifier' || node.callee.name !== 'require' || node.arguments[0]?.type !== 'Literal') return;
        const variable = context.sourceCode.getScope(node).references.find((reference) => reference.identifier === node.callee)?.resolved;
        if (variable && variable.defs.length > 0) return;
        check(node, node.arguments[0], false);
      },
    };
  },
};

/** The ESLint plugin holding the `layers` rule; `toEslintConfig` registers it as `@prodready/architecture`. */
export const eslintPlugin = { meta: { name: '@prodready/dependency-cruiser-preset-architecture', namespace: PLUGIN }, rules: { layers: layersRule } };

/**
 * An ESLint flat-config block enforcing `manifest`'s layers and features on each file as it is
 * edited. Throws a `TypeError` listing every problem when the manifest is invalid.
 *
 * @param {unknown} manifest the parsed architecture.json
 * @param {{ rootDir?: string, aliases?: Record<string, string>, files?: string[], severity?: 'error' | 'warn' }} [options]
 *   `rootDir`: what the manifest globs are relative to (default: ESLint's working directory);
 *   `aliases`: import prefixes → folders relative to `rootDir` (`{ '@/': 'src/' }`);
 *   `files`: the files to check (default: every JavaScript and TypeScript file);
 *   `severity`: default the manifest's `severity` (`info` becomes `warn`), else `error`.
 */
export function toEslintConfig(manifest, options = {}) {
  const problems = getManifestProblems(manifest);
  if (problems.length > 0) throw new TypeError(`Invalid architecture manifest:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  const severity = options.severity ?? (manifest.severity === 'warn' || manifest.severity === 'info' ? 'warn' : 'error');
  const ruleOptions = { manifest, aliases: options.aliases ?? {}, ...(options.rootDir === undefined ? {} : { rootDir: options.rootDir }) };
  return {
    name: `${PLUGIN}/manifest`,
    files: options.files ?? ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'],
    plugins: { [PLUGIN]: eslintPlugin },
    rules: { [`${PLUGIN}/layers`]: [severity, ruleOptions] },
  };
}

/** @type {WeakMap<object, ReturnType<typeof buildModel>>} compiled once per manifest object */
const models = new WeakMap();

function getModel(manifest) {
  let model = models.get(manifest);
  if (!model) {
    model = buildModel(manifest);
    models.set(manifest, model);
  }
  return model;
}

function buildModel(manifest) {
  const toArray = (value) => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
  return {
    layers: (manifest.layers ?? []).map((layer) => ({
      name: layer.name,
      regexes: toArray(layer.path).map((glob) => new RegExp(globToRegex(glob))),
      mayImport: new Set(layer.mayImport ?? []),
      mayImportTypes: new Set(layer.mayImportTypes ?? []),
    })),
    features: (manifest.features ?? []).map((feature) => ({
      name: feature.name,
      folder: new RegExp(folderGlobToRegex(feature.path)),
      publicApiGlobs: toArray(feature.publicApi),
      publicApi: toArray(feature.publicApi).map((glob) => new RegExp(globToRegex(glob))),
    })),
  };
}

/** `filename` relative to `rootDir`, `/`-separated, or `undefined` outside it. */
function toRootRelative(filename, rootDir) {
  if (!isAbsolute(filename)) return undefined;
  const path = relative(rootDir, filename).split(sep).join('/');
  return path.startsWith('../') || path === '..' || isAbsolute(path) ? undefined : path;
}

/** The root-relative path an import points at, or `undefined` for a package. */
function resolveTarget(specifier, file, aliases) {
  if (specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..') {
    const target = posix.normalize(posix.join(posix.dirname(file), specifier));
    return target.startsWith('../') ? undefined : target;
  }
  const prefix = Object.keys(aliases)
    .filter((key) => specifier === key.replace(/\/$/, '') || specifier.startsWith(key))
    .sort((left, right) => right.length - left.length)[0];
  if (prefix === undefined) return undefined;
  return posix.normalize(`${aliases[prefix].replace(/\/?$/, '/')}${specifier.slice(prefix.length).replace(/^\//, '')}`).replace(/\/$/, '');
}
