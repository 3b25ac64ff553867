// Post-passes over one cruise result: what the project chose (majority per concern), which modules
// bypass the module that wraps a client (gateways), which modules break a convention their
// siblings follow, and which modules no test reaches. Each reads the graph once; none needs a
// per-source `reachable` rule (those take minutes on large repositories). Every finding carries
// its evidence, and inferred choices are proposals, never silent errors.
import { CONCERNS } from './concerns.mjs';
import { ERASED_AT_RUNTIME, NOT_APP_CODE, globPattern } from './patterns.mjs';

const ERASED = new Set(ERASED_AT_RUNTIME);
const NOT_APP = NOT_APP_CODE.map((source) => new RegExp(source));
const TEST_FILE = [
  new RegExp(NOT_APP_CODE[0].replace('|scripts', '')),
  /\.(?:test|spec|e2e|cy)\.[cm]?[jt]sx?$/,
  /(?:^|\/)(?:vitest|jest|playwright)\.setup\.[cm]?[jt]sx?$/,
  /(?:^|\/)setupTests\.[cm]?[jt]sx?$/,
];
/** How many times more users the majority needs than a choice for that choice's users to be outliers. */
const MAJORITY_FACTOR = 3;
const SOURCE_FILE = /\.[cm]?[jt]sx?$/;
const BARREL = /(?:^|\/)index\.[cm]?[jt]sx?$/;
const DECLARATION = /\.d\.[cm]?ts$/;

/** Cross-cutting modules siblings are expected to share: auth, error handling, validation, rate limits. */
export const CROSS_CUTTING = /(?:^|[/.-])(?:auth\w*|authenticat\w*|authoriz\w*|guards?|require-?\w*|protect\w*|session|permissions?|policy|policies|error-?handler\w*|errors?|async-?handler|catch-?async|validat\w*|rate-?limit\w*|csrf)(?:[/.-]|$)/i;

/**
 * The project's choice per concern (HTTP client, logger, ORM, database driver, environment loader,
 * validation, date/time, state management, test runner), inferred from runtime imports: the
 * choice used by the most modules, directly or through a wrapper module that imports it (one hop,
 * barrels not counted), with the counts. When a concern has more than one choice in
 * use, the modules importing another choice directly are outliers, when the majority has at least
 * three times that choice's users (a larger minority is a deliberate second setup, shown in `counts`
 * only). A tie proposes nothing (`choice: null`).
 *
 * `options` holds the choices `createCoherencePreset` can enforce (`httpClient`, `logger`, `orm`):
 * show them to the user as a proposal to accept, and `findings` (`one-<concern>` findings, with
 * evidence) as what accepting it would report.
 *
 * @param {{ output: unknown } | object} result `cruise()`'s result or its output
 */
export function proposeCoherence(result) {
  const modules = getModules(result);
  const choices = [];
  const findings = [];
  /** @type {Record<string, string>} */
  const options = {};
  const importers = countImporters(modules);
  for (const [concern, { label, option, inTests, choices: families }] of Object.entries(CONCERNS)) {
    /** @type {Map<string, Map<string, string>>} choice → module using it → package */
    const byChoice = new Map();
    const direct = new Set();
    const use = (choice, source, name) => {
      const users = byChoice.get(choice) ?? new Map();
      byChoice.set(choice, users);
      if (!users.has(source)) users.set(source, name);
    };
    for (const module of modules) {
      if (inTests ? !isTest(module.source) : !isAppCode(module.source)) continue;
      for (const name of getRuntimePackages(module)) {
        const choice = Object.keys(families).find((key) => families[key].some((member) => matchesPackage(member, name)));
        if (choice === undefined) continue;
        use(choice, module.source, name);
        direct.add(`${choice}\n${module.source}`);
        // Modules using it through a wrapper (`src/lib/http.ts` around axios) use that choice too; barrels only re-export.
        if (!inTests) for (const importer of importers.get(module.source) ?? []) if (!BARREL.test(importer)) use(choice, importer, name);
      }
    }
    if (byChoice.size === 0) continue;
    const ranked = [...byChoice].sort(([left, a], [right, b]) => b.size - a.size || (left < right ? -1 : 1));
    const counts = Object.fromEntries(ranked.map(([choice, users]) => [choice, users.size]));
    const tie = ranked.length > 1 && ranked[0][1].size === ranked[1][1].size;
    const choice = tie ? null : ranked[0][0];
    const outliers = choice === null
      ? []
      : ranked
        .slice(1)
        // A choice used by a third of the majority or more is a deliberate second setup (a boilerplate
        // supporting two databases), not drift: it shows in `counts`, not as outliers.
        .filter(([, users]) => users.size * MAJORITY_FACTOR <= ranked[0][1].size)
        .flatMap(([other, users]) => [...users].filter(([from]) => direct.has(`${other}\n${from}`)).map(([from, name]) => ({ from, package: name, choice: other })))
        .sort(byFrom);
    choices.push({ concern, label, choice, counts, outliers });
    if (choice !== null && option !== undefined) options[option] = choice;
    const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
    for (const outlier of outliers) {
      findings.push({
        rule: `one-${kebab(concern)}`,
        from: outlier.from,
        to: outlier.package,
        message:
          `This module uses \`${outlier.package}\` as its ${label}, while ${counts[choice]} of the ${total} modules that use one ` +
          `use \`${choice}\` (${describeCounts(counts)}); a second ${label} misses the fixes and settings made for the first.`,
      });
    }
  }
  return { choices, options, findings: findings.sort(byFinding) };
}

/**
 * Modules that import a client package directly although the project wraps it in a gateway module.
 *
 * With `gateways` (concern → globs or folders relative to the base directory, such as
 * `{ orm: 'src/db/**', logger: 'src/lib/logger.ts' }`), any application module outside the globs
 * that imports that concern's packages at runtime is reported. Without, the gateway is inferred per
 * gateway concern (ORM, database driver, logger, HTTP client, environment loader): the direct
 * importer that most modules import, when at least `minUsers` do and the direct importers outside
 * its folder are at most a quarter of them (a wrapper almost everything goes through). Its folder
 * counts as the gateway. The ORM is not inferred (models and query operators import it everywhere);
 * configure it (`{ orm: 'src/db/**' }`) to check it.
 *
 * @param {{ output: unknown } | object} result
 * @param {{ gateways?: Record<string, string | readonly string[]>, minUsers?: number }} [options]
 * @returns {{ gateways: Array<{ concern: string, gateway: string, users: number, inferred: boolean }>, findings: Array<{ rule: string, from: string, to: string, message: string }> }}
 */
export function findGatewayBypasses(result, options = {}) {
  const { gateways: configured = {}, minUsers = 3 } = options;
  const modules = getModules(result);
  const importers = countImporters(modules);
  const gateways = [];
  const findings = [];
  for (const [concern, { label, gateway: isGatewayConcern, choices: families }] of Object.entries(CONCERNS)) {
    if (!isGatewayConcern && configured[concern] === undefined) continue;
    const members = Object.values(families).flat();
    /** @type {Map<string, string>} direct importer → package */
    const direct = new Map();
    for (const module of modules) {
      if (!isAppCode(module.source)) continue;
      const name = getRuntimePackages(module).find((candidate) => members.some((member) => matchesPackage(member, candidate)));
      if (name !== undefined) direct.set(module.source, name);
    }
    if (direct.size === 0) continue;
    let inside;
    let gatewayName;
    let users;
    if (configured[concern] !== undefined) {
      const globs = [configured[concern]].flat();
      const regexes = globs.map((glob) => new RegExp(globPattern(glob)));
      inside = (source) => regexes.some((regex) => regex.test(source));
      gatewayName = globs.join(', ');
      users = [...direct.keys()].filter(inside).reduce((sum, source) => sum + (importers.get(source)?.size ?? 0), 0);
    } else {
      const [best] = [...direct.keys()].sort((left, right) => (importers.get(right)?.size ?? 0) - (importers.get(left)?.size ?? 0) || (left < right ? -1 : 1));
      users = importers.get(best)?.size ?? 0;
      const folder = dirname(best);
      inside = (source) => source === best || (folder !== '' && dirname(source) === folder);
      const bypassing = [...direct.keys()].filter((source) => !inside(source)).length;
      if (users < minUsers || bypassing * 4 > users) continue;
      gatewayName = best;
    }
    gateways.push({ concern, gateway: gatewayName, users, inferred: configured[concern] === undefined });
    for (const [from, name] of direct) {
      if (inside(from)) continue;
      findings.push({
        rule: `gateway-${kebab(concern)}`,
        from,
        to: name,
        message:
          `This module imports \`${name}\` directly, while ${users} ${users === 1 ? 'module goes' : 'modules go'} through \`${gatewayName}\`, ` +
          `the project's ${label} gateway; a direct import skips what the gateway sets up (configuration, redaction, pooling, timeouts). Import the gateway instead.`,
      });
    }
  }
  return { gateways, findings: findings.sort(byFinding) };
}

/**
 * Structural conventions by analogy: in a folder of at least `minSiblings` sibling modules (such as
 * `src/routes/*`; barrels, tests and declarations left out), when at least `threshold` of them import
 * the same cross-cutting module (an auth middleware, an error handler, a validator: `concernPattern`
 * on its path), the siblings that do not are reported, with the evidence.
 *
 * @param {{ output: unknown } | object} result
 * @param {{ minSiblings?: number, threshold?: number, concernPattern?: RegExp | null }} [options] `concernPattern: null` considers every local module
 * @returns {Array<{ rule: string, from: string, to: string, message: string }>}
 */
export function findConventionOutliers(result, options = {}) {
  const { minSiblings = 4, threshold = 0.75, concernPattern = CROSS_CUTTING } = options;
  const modules = getModules(result);
  const folders = new Map();
  for (const module of modules) {
    if (!isAppCode(module.source) || BARREL.test(module.source) || DECLARATION.test(module.source) || !SOURCE_FILE.test(module.source)) continue;
    const folder = dirname(module.source);
    folders.set(folder, [...(folders.get(folder) ?? []), module]);
  }
  const findings = [];
  for (const [folder, siblings] of [...folders].sort(([left], [right]) => (left < right ? -1 : 1))) {
    if (siblings.length < minSiblings) continue;
    const sources = new Set(siblings.map(({ source }) => source));
    const users = new Map();
    for (const sibling of siblings) {
      for (const target of getLocalTargets(sibling)) {
        if (sources.has(target) || (concernPattern && !concernPattern.test(target))) continue;
        users.set(target, new Set([...(users.get(target) ?? []), sibling.source]));
      }
    }
    for (const [target, importing] of [...users].sort(([left], [right]) => (left < right ? -1 : 1))) {
      if (importing.size / siblings.length < threshold || importing.size === siblings.length) continue;
      for (const sibling of [...sources].filter((source) => !importing.has(source)).sort()) {
        findings.push({
          rule: 'convention-by-analogy',
          from: sibling,
          to: target,
          message:
            `${importing.size} of the ${siblings.length} modules in \`${folder}/\` import \`${target}\`; this one does not. ` +
            'If it should be protected or handled like its siblings (authentication, error handling, validation), import it; if it is the deliberate exception, record it in the baseline with the reason.',
        });
      }
    }
  }
  return findings.sort(byFinding);
}

/**
 * Application modules that no test file reaches through imports (of any kind), computed once over
 * the graph from every test file. Empty when the cruise holds no test file (cruise the tests too).
 * @param {{ output: unknown } | object} result
 * @returns {Array<{ rule: string, from: string, message: string }>}
 */
export function findUntestedModules(result) {
  const modules = getModules(result);
  const graph = new Map(modules.map((module) => [module.source, getLocalTargets(module, true)]));
  const reached = new Set();
  const stack = modules.map(({ source }) => source).filter(isTest);
  if (stack.length === 0) return [];
  while (stack.length > 0) {
    const source = stack.pop();
    if (reached.has(source)) continue;
    reached.add(source);
    for (const target of graph.get(source) ?? []) if (!reached.has(target)) stack.push(target);
  }
  return modules
    .map(({ source }) => source)
    .filter((source) => isAppCode(source) && SOURCE_FILE.test(source) && !DECLARATION.test(source) && !reached.has(source))
    .sort()
    .map((from) => ({
      rule: 'untested-module',
      from,
      message: 'No test imports this module, directly or through other modules: a change to it is not checked by any test before it ships.',
    }));
}

function getModules(result) {
  const output = result && typeof result === 'object' && 'output' in result ? result.output : result;
  if (!output || typeof output !== 'object' || !Array.isArray(output.modules)) {
    throw new TypeError('Expected the result of dependency-cruiser\'s `cruise()` with the default (JSON object) output type.');
  }
  return output.modules;
}

const isAppCode = (source) => !NOT_APP.some((regex) => regex.test(source)) && !source.includes('node_modules/');
const isTest = (source) => TEST_FILE.some((regex) => regex.test(source)) && !source.includes('node_modules/');

const isRuntime = (dependency) => !(dependency.dependencyTypes ?? []).some((type) => ERASED.has(type));

/** The packages a module imports at runtime: names of resolved `node_modules` paths, and `node:` core modules. */
function getRuntimePackages(module) {
  const names = [];
  for (const dependency of module.dependencies ?? []) {
    if (!isRuntime(dependency) || dependency.couldNotResolve) continue;
    if (dependency.coreModule) {
      names.push(`node:${dependency.module.replace(/^node:/, '')}`);
      continue;
    }
    const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)(?:\/|$)(?!.*\/node_modules\/)/.exec(dependency.resolved ?? '');
    if (match) names.push(match[1]);
  }
  return [...new Set(names)];
}

/** Local modules a module imports (runtime only unless `allKinds`). */
function getLocalTargets(module, allKinds = false) {
  return (module.dependencies ?? [])
    .filter((dependency) => !dependency.coreModule && !dependency.couldNotResolve && !dependency.resolved.includes('node_modules/'))
    .filter((dependency) => allKinds || isRuntime(dependency))
    .map(({ resolved }) => resolved);
}

function countImporters(modules) {
  const importers = new Map();
  for (const module of modules) {
    if (!isAppCode(module.source)) continue;
    for (const target of getLocalTargets(module)) {
      if (target === module.source) continue;
      importers.set(target, new Set([...(importers.get(target) ?? []), module.source]));
    }
  }
  return importers;
}

const matchesPackage = (member, name) => (member.endsWith('/') ? name.startsWith(member) : name === member);
const dirname = (source) => (source.includes('/') ? source.slice(0, source.lastIndexOf('/')) : '');
const kebab = (text) => text.replaceAll(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
const describeCounts = (counts) => Object.entries(counts).map(([choice, count]) => `${choice}: ${count}`).join(', ');
const byFrom = (left, right) => (left.from < right.from ? -1 : left.from > right.from ? 1 : 0);

function byFinding(left, right) {
  const a = `${left.rule}\n${left.from}\n${left.to ?? ''}`;
  const b = `${right.rule}\n${right.from}\n${right.to ?? ''}`;
  return a < b ? -1 : a > b ? 1 : 0;
}
