// `architecture.json` → dependency-cruiser rules. The manifest speaks in globs and layer names; the
// generated rules are plain `forbidden` entries with stable names, so a config can extend, override
// or baseline them like the preset's own rules.
import { ERASED_AT_RUNTIME } from './patterns.mjs';
import { folderGlobToRegex, getGlobProblems, globToRegex } from './globs.mjs';

const NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const SEVERITIES = ['error', 'warn', 'info'];
const MANIFEST_KEYS = ['$schema', 'layers', 'features', 'severity'];
const LAYER_KEYS = ['name', 'path', 'mayImport', 'mayImportTypes'];
const FEATURE_KEYS = ['name', 'path', 'publicApi'];

/**
 * Compiles an architecture manifest to dependency-cruiser `forbidden` rules.
 *
 * - Each layer may import its own modules, the layers in `mayImport`, and the layers in
 *   `mayImportTypes` through type imports only; every other declared layer is forbidden
 *   (`layer-<name>`, `layer-<name>-types-only`). Modules in no layer are not constrained.
 * - Each folder matched by a feature's `path` (`src/features/*`) is one feature: features may import
 *   each other only through `publicApi` files (none when `publicApi` is absent) —
 *   `feature-<name>-isolation`; code outside the features may import only `publicApi` files when
 *   it is given — `feature-<name>-public-api`.
 *
 * Throws a `TypeError` listing every problem in the manifest.
 * @param {unknown} manifest the parsed `architecture.json`
 * @returns {{ forbidden: Array<{ name: string, comment: string, severity: string, from: object, to: object }> }}
 */
export function compileArchitecture(manifest) {
  const problems = getManifestProblems(manifest);
  if (problems.length > 0) {
    throw new TypeError(`Invalid architecture manifest:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
  const severity = manifest.severity ?? 'error';
  const layers = manifest.layers ?? [];
  const layerRegex = new Map(layers.map((layer) => [layer.name, toArray(layer.path).map(globToRegex)]));
  const forbidden = [];

  for (const layer of layers) {
    const allowed = new Set([layer.name, ...(layer.mayImport ?? [])]);
    const typesOnly = new Set((layer.mayImportTypes ?? []).filter((name) => !allowed.has(name)));
    const own = layerRegex.get(layer.name);
    const forbiddenLayers = layers.filter(({ name }) => !allowed.has(name) && !typesOnly.has(name));
    const allowedList = [...allowed].filter((name) => name !== layer.name);
    if (forbiddenLayers.length > 0) {
      forbidden.push({
        name: `layer-${layer.name}`,
        comment:
          `The \`${layer.name}\` layer imports a layer architecture.json does not let it use ` +
          `(it may use ${describeList([...allowedList, ...[...typesOnly].map((name) => `${name} (types only)`)])}). ` +
          'Dependencies that point the wrong way couple the layers so that a change in one breaks the other; ' +
          'move the code to the right layer, pass the dependency in, or change the manifest if the architecture changed.',
        severity,
        from: { path: own },
        to: { path: forbiddenLayers.flatMap(({ name }) => layerRegex.get(name)), pathNot: own },
      });
    }
    if (typesOnly.size > 0) {
      forbidden.push({
        name: `layer-${layer.name}-types-only`,
        comment:
          `The \`${layer.name}\` layer imports values from a layer architecture.json lets it use for types only ` +
          `(${describeList([...typesOnly])}). Use \`import type\`, or move the runtime code into a layer it may import.`,
        severity,
        from: { path: own },
        to: { path: [...typesOnly].flatMap((name) => layerRegex.get(name)), pathNot: own, dependencyTypesNot: ERASED_AT_RUNTIME },
      });
    }
  }

  for (const feature of manifest.features ?? []) {
    const folder = folderGlobToRegex(feature.path);
    const anyFeature = folder.replace(/^\^\((.*)\)\/$/, '^$1/');
    const publicApi = toArray(feature.publicApi ?? []).map((glob) => `${folder.replace(/^\^\((.*)\)\/$/, '^$1/')}${globToRegex(glob).slice(1)}`);
    const through = publicApi.length > 0 ? `only through its public API (${describeList(toArray(feature.publicApi))})` : 'not at all';
    forbidden.push({
      name: `feature-${feature.name}-isolation`,
      comment:
        `A \`${feature.name}\` feature imports another feature's internals; architecture.json lets features use each other ${through}. ` +
        'Reaching into another feature ties the two together so neither can change alone; import its public API, or move shared code to a shared module.',
      severity,
      from: { path: folder },
      to: { path: anyFeature, pathNot: ['^$1/', ...publicApi] },
    });
    if (publicApi.length > 0) {
      forbidden.push({
        name: `feature-${feature.name}-public-api`,
        comment:
          `This module imports a \`${feature.name}\` feature's internals instead of its public API (${describeList(toArray(feature.publicApi))}). ` +
          'Internals change without notice; import what the feature exports from its public API, or export what you need there.',
        severity,
        from: { pathNot: anyFeature },
        to: { path: anyFeature, pathNot: publicApi },
      });
    }
  }
  return { forbidden };
}

/**
 * Every problem in a manifest, as sentences naming where it is; empty when it is valid.
 * @param {unknown} manifest
 * @returns {string[]}
 */
export function getManifestProblems(manifest) {
  if (!isObject(manifest)) return ['The manifest must be a JSON object with `layers` and/or `features`.'];
  const problems = [...unknownKeys(manifest, MANIFEST_KEYS, 'The manifest')];
  if (manifest.severity !== undefined && !SEVERITIES.includes(manifest.severity)) {
    problems.push(`\`severity\` must be one of ${SEVERITIES.map((name) => `"${name}"`).join(', ')}, not ${JSON.stringify(manifest.severity)}.`);
  }
  if (manifest.layers === undefined && manifest.features === undefined) problems.push('The manifest declares no `layers` and no `features`.');
  const layerNames = new Set();
  problems.push(...checkEntries(manifest.layers, 'layers', LAYER_KEYS, layerNames));
  problems.push(...checkEntries(manifest.features, 'features', FEATURE_KEYS, new Set()));

  for (const [at, layer] of (Array.isArray(manifest.layers) ? manifest.layers : []).entries()) {
    if (!isObject(layer)) continue;
    for (const key of ['mayImport', 'mayImportTypes']) {
      if (layer[key] === undefined) continue;
      if (!isStringArray(layer[key])) {
        problems.push(`\`layers[${at}].${key}\` must be an array of layer names.`);
        continue;
      }
      for (const name of layer[key]) {
        if (!layerNames.has(name)) problems.push(`\`layers[${at}].${key}\` names "${name}", which is not a declared layer (declared: ${describeList([...layerNames])}).`);
      }
    }
  }
  for (const [at, feature] of (Array.isArray(manifest.features) ? manifest.features : []).entries()) {
    if (!isObject(feature) || feature.publicApi === undefined) continue;
    if (!isStringOrStringArray(feature.publicApi)) problems.push(`\`features[${at}].publicApi\` must be a glob or an array of globs relative to the feature folder.`);
    else for (const glob of toArray(feature.publicApi)) for (const problem of getGlobProblems(glob)) problems.push(`\`features[${at}].publicApi\` glob "${glob}" ${problem}.`);
  }
  return problems;
}

function checkEntries(entries, key, allowedKeys, names) {
  if (entries === undefined) return [];
  if (!Array.isArray(entries)) return [`\`${key}\` must be an array of objects.`];
  const problems = [];
  for (const [at, entry] of entries.entries()) {
    const where = `${key}[${at}]`;
    if (!isObject(entry)) {
      problems.push(`\`${where}\` must be an object.`);
      continue;
    }
    problems.push(...unknownKeys(entry, allowedKeys, `\`${where}\``));
    if (typeof entry.name !== 'string' || !NAME.test(entry.name)) {
      problems.push(`\`${where}.name\` must be a kebab-case name (it becomes part of the rule name), not ${JSON.stringify(entry.name)}.`);
    } else if (names.has(entry.name)) {
      problems.push(`\`${where}.name\` "${entry.name}" is declared twice.`);
    } else {
      names.add(entry.name);
    }
    if (key === 'features' && typeof entry.path !== 'string') {
      problems.push(`\`${where}.path\` must be one glob matching the feature folders, as in "src/features/*".`);
    } else if (!isStringOrStringArray(entry.path) || toArray(entry.path).length === 0) {
      problems.push(`\`${where}.path\` must be a glob or a non-empty array of globs relative to the project root.`);
    } else {
      for (const glob of toArray(entry.path)) for (const problem of getGlobProblems(glob)) problems.push(`\`${where}.path\` glob "${glob}" ${problem}.`);
      if (key === 'features' && !/[*?{]/.test(entry.path)) problems.push(`\`${where}.path\` must match the feature folders with a wildcard, as in "src/features/*".`);
    }
  }
  return problems;
}

function unknownKeys(object, allowed, where) {
  return Object.keys(object)
    .filter((key) => !allowed.includes(key))
    .map((key) => `${where} has an unknown key \`${key}\` (known: ${allowed.map((name) => `\`${name}\``).join(', ')}).`);
}

const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
const isStringArray = (value) => Array.isArray(value) && value.every((item) => typeof item === 'string');
const isStringOrStringArray = (value) => typeof value === 'string' || isStringArray(value);
const toArray = (value) => (Array.isArray(value) ? value : [value]);
const describeList = (names) => (names.length === 0 ? 'no other layer' : names.join(', '));
