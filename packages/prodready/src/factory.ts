import type { ESLint, Linter } from 'eslint';
import tseslint from 'typescript-eslint';

import { FIGHTING_RULES, getCoreRules, getRunnerRules, loadRunnerPlugin, type RunnerPlugin } from './bundled.js';
import { detectProject } from './detect.js';
import { GLOB_EXCLUDE, GLOB_JS, GLOB_SRC, GLOB_TESTS, GLOB_TS } from './globs.js';
import type { ProdreadyOptions, TypeCheckedOptions } from './options.js';
import { checkOverrides, isOff, type RuleEntry } from './overrides.js';
import { AREAS, type Area, getRule, plugins } from './plugins.js';

/** A flat-config `files` entry; an inner array matches a file only when all of its globs do. */
type FilesEntry = string | string[];

interface Context {
  level: 'recommended' | 'strict';
  typeChecked: boolean;
  files: FilesEntry[];
  /** Test globs narrowed to JavaScript and TypeScript files. */
  testFiles: FilesEntry[];
  /** Test globs as given, for `ignores` (which takes no nested arrays). */
  testGlobs: string[];
}

/**
 * prodready's ESLint flat config: the five plugins' presets composed for a Node/TypeScript
 * server, plus a parser setup for TypeScript and JSX. `userConfigs` are appended as they are
 * (an array, such as `tseslint.configs.recommended`, is spread in place).
 *
 * ```js
 * // eslint.config.js
 * import prodready from 'prodready';
 * export default prodready();
 * ```
 */
export function prodready(
  options: ProdreadyOptions = {},
  ...userConfigs: Array<Linter.Config | readonly Linter.Config[]>
): Linter.Config[] {
  const cwd = options.cwd ?? process.cwd();
  const typeChecked = getTypeCheckedOptions(options.typeChecked);
  const files = options.files ?? [GLOB_SRC];
  const testFiles = options.testFiles ?? [...GLOB_TESTS];
  const context: Context = {
    level: options.strict === true ? 'strict' : 'recommended',
    typeChecked: typeChecked !== undefined,
    files,
    // `**/tests/**` also matches fixtures.json; only ever lint the JS/TS files among the tests.
    testFiles: intersect(testFiles, GLOB_SRC),
    testGlobs: testFiles,
  };

  const areaConfigs: Linter.Config[] = [];
  const enabledAreas = new Set<Area>();
  let hasTypedRulesInTests = false;
  for (const area of AREAS) {
    const setting = options[area] ?? (area === 'testing' ? getTestingDefault(cwd) : true);
    const result = getAreaConfigs(area, setting as AreaSetting, context);
    areaConfigs.push(...result.configs);
    if (setting !== false) enabledAreas.add(area);
    hasTypedRulesInTests ||= result.hasTypedRulesInTests;
  }
  const user = userConfigs.flat();

  return [
    { name: '@prodready/ignores', ignores: [...GLOB_EXCLUDE, ...(options.ignores ?? [])] },
    {
      // typescript-eslint's parser for JavaScript too: one AST everywhere, and parser services
      // (without a program) for helpers that ask for types.
      name: '@prodready/javascript/setup',
      files: [GLOB_JS],
      languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
    },
    { name: '@prodready/typescript/setup', files: [GLOB_TS], languageOptions: { parser: tseslint.parser } },
    ...(typeChecked ? [getTypeCheckedSetup(typeChecked, cwd, context, hasTypedRulesInTests)] : []),
    ...(options.bundled === false ? [] : getCoreConfigs(enabledAreas, context)),
    ...areaConfigs,
    ...(options.bundled === false || !enabledAreas.has('testing') ? [] : getRunnerConfigs(options, cwd, context)),
    ...user,
    ...(options.bundled === false ? [] : getFightingRulesOff(enabledAreas, user)),
  ];
}

/** ESLint's own rules each enabled area bundles, on source files (size limits and catch rules make no sense on tests). */
function getCoreConfigs(areas: ReadonlySet<Area>, context: Context): Linter.Config[] {
  const rules: Linter.RulesRecord = {};
  for (const area of AREAS) if (areas.has(area)) Object.assign(rules, getCoreRules(area, context.level));
  if (Object.keys(rules).length === 0) return [];
  return [{ name: '@prodready/core/rules', files: context.files, ignores: context.testGlobs, rules }];
}

/** The test-runner plugins the project uses and has installed, on test files only. */
function getRunnerConfigs(options: ProdreadyOptions, cwd: string, context: Context): Linter.Config[] {
  const detected = detectProject(cwd).runners;
  const configs: Linter.Config[] = [];
  for (const name of ['vitest', 'jest'] as const) {
    const wanted = options[name] ?? detected[name];
    if (!wanted) continue;
    const runner: RunnerPlugin | undefined = loadRunnerPlugin(name, cwd);
    if (runner === undefined) {
      if (options[name] === true) {
        const pkg = name === 'vitest' ? '@vitest/eslint-plugin' : 'eslint-plugin-jest';
        throw new Error(`prodready: \`${name}: true\` needs ${pkg}; install it with \`npm i -D ${pkg}\`.`);
      }
      continue;
    }
    configs.push({
      name: `@prodready/${name}/rules`,
      files: context.testFiles,
      plugins: { [name]: runner.plugin },
      rules: getRunnerRules(runner),
    });
  }
  return configs;
}

/** Turn off rules of the user's own plugins that work against an enabled area (see `FIGHTING_RULES`). */
function getFightingRulesOff(areas: ReadonlySet<Area>, user: readonly Linter.Config[]): Linter.Config[] {
  const registered = new Set(user.flatMap((config) => Object.keys(config.plugins ?? {})));
  const rules = Object.fromEntries(
    FIGHTING_RULES.filter(({ plugin, area }) => areas.has(area) && registered.has(plugin)).map(({ rule }): [string, Linter.RuleEntry] => [rule, 'off']),
  );
  return Object.keys(rules).length === 0 ? [] : [{ name: '@prodready/fighting-rules-off', rules }];
}

/**
 * Type information for TypeScript source files. Test files get it only when a type-aware rule
 * runs on them: building their program is slow, and test helpers are often outside every tsconfig
 * (a parse error under the project service).
 */
function getTypeCheckedSetup(
  { tsconfigRootDir, project }: TypeCheckedOptions,
  cwd: string,
  context: Context,
  hasTypedRulesInTests: boolean,
): Linter.Config {
  const rootDir = tsconfigRootDir ?? cwd;
  return {
    name: '@prodready/typescript/type-checked',
    files: hasTypedRulesInTests
      ? [...intersect(context.files, GLOB_TS), ...intersect(context.testFiles, GLOB_TS)]
      : intersect(context.files, GLOB_TS),
    ...(!hasTypedRulesInTests && { ignores: context.testGlobs }),
    languageOptions: {
      parserOptions:
        project === undefined
          ? { projectService: true, tsconfigRootDir: rootDir }
          : { project, tsconfigRootDir: rootDir },
    },
  };
}

/** An area's setting, with its overrides widened to any rule id (they are checked at runtime). */
type AreaSetting = boolean | { overrides?: Record<string, RuleEntry | undefined> };

function getAreaConfigs(
  area: Area,
  setting: AreaSetting,
  context: Context,
): { configs: Linter.Config[]; hasTypedRulesInTests: boolean } {
  const plugin = plugins[area];
  const namespace = plugin.meta.namespace;
  // The plugin is registered even when its area is off, so users can still turn single rules on.
  const configs: Linter.Config[] = [
    { name: `${namespace}/setup`, plugins: { [namespace]: plugin as unknown as ESLint.Plugin } },
  ];
  if (setting === false) return { configs, hasTypedRulesInTests: false };

  const overrides = Object.entries((setting === true ? undefined : setting.overrides) ?? {}).filter(
    (entry): entry is [string, RuleEntry] => entry[1] !== undefined,
  );
  const facts = checkOverrides(area, Object.fromEntries(overrides), context.typeChecked);

  const rules: Linter.RulesRecord = { ...plugin.configs[context.level].rules };
  const typedRules: Linter.RulesRecord = {};
  if (context.typeChecked) {
    for (const [id, entry] of Object.entries(plugin.configs[`${context.level}-type-checked`].rules)) {
      if (!(id in rules)) typedRules[id] = entry;
    }
  }
  for (const [id, entry] of overrides) {
    if (facts.get(id)?.typed === true) typedRules[id] = entry;
    else rules[id] = entry;
  }

  const files = area === 'testing' ? context.testFiles : context.files;
  configs.push({ name: `${namespace}/rules`, files, rules });
  if (Object.keys(typedRules).length > 0) {
    // Type information only exists for TypeScript files.
    configs.push({ name: `${namespace}/rules-type-checked`, files: intersect(files, GLOB_TS), rules: typedRules });
  }

  if (area === 'testing') {
    return { configs, hasTypedRulesInTests: Object.values(typedRules).some((entry) => !isOff(entry)) };
  }
  const serverOnly = Object.entries({ ...rules, ...typedRules })
    .filter(([id, entry]) => !isOff(entry) && isServerOnly(area, id))
    .map(([id]): [string, RuleEntry] => [id, 'off']);
  if (serverOnly.length > 0) {
    configs.push({ name: `${namespace}/tests-off`, files: context.testFiles, rules: Object.fromEntries(serverOnly) });
  }
  const hasTypedRulesInTests = Object.entries(typedRules).some(
    ([id, entry]) => !isOff(entry) && !isServerOnly(area, id),
  );
  return { configs, hasTypedRulesInTests };
}

/**
 * A `problem` rule guards against a production failure (an outage, a breach, a slow query); test
 * code never serves production traffic, so such rules stay out of test files. `suggestion` rules
 * are about code shape and apply to tests too.
 */
function isServerOnly(area: Area, id: string): boolean {
  return getRule(area, id.slice(plugins[area].meta.namespace.length + 1))?.meta.type === 'problem';
}

function getTestingDefault(cwd: string): boolean {
  return detectProject(cwd).hasTestRunner !== false;
}

function getTypeCheckedOptions(setting: ProdreadyOptions['typeChecked']): TypeCheckedOptions | undefined {
  if (setting === undefined || setting === false) return undefined;
  return setting === true ? {} : setting;
}

/** Each of `globs`, narrowed to files that also match `glob`. */
function intersect(globs: FilesEntry[], glob: string): FilesEntry[] {
  return globs.map((entry) => {
    const all = new Set((typeof entry === 'string' ? [entry] : entry).filter((item) => item !== GLOB_SRC));
    all.add(glob);
    return all.size === 1 ? glob : [...all];
  });
}
