import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getStaticPropertyName } from '../../ast/get-static-property-name.js';
import { getOrigin } from '../../origin/get-origin.js';
import { isInTestFile } from '../is-test-file.js';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** The test runners the kit recognises. */
export type TestRunner = 'vitest' | 'jest' | 'node:test' | 'mocha' | 'bun';

/** A runner API: which runner and the access path from its namespace (`['describe', 'only']`, `['vi', 'fn']`). */
export interface RunnerApi {
  readonly runner: TestRunner;
  readonly path: readonly string[];
}

const MODULE_RUNNERS: ReadonlyMap<string, TestRunner> = new Map([
  ['vitest', 'vitest'],
  ['@jest/globals', 'jest'],
  ['bun:test', 'bun'],
  ['test', 'node:test'],
  ['mocha', 'mocha'],
]);
// What `node:test` exports; any other first step is a property of the default export, `test`.
const NODE_TEST_EXPORTS = new Set([
  'test', 'describe', 'it', 'suite', 'before', 'after', 'beforeEach', 'afterEach', 'mock', 'only', 'skip', 'todo', 'run', 'snapshot',
]);
// Globals the runners inject (jest, mocha, vitest with `globals: true`, bun).
const RUNNER_GLOBALS = new Set([
  'describe', 'fdescribe', 'xdescribe', 'context', 'suite', 'it', 'fit', 'xit', 'test', 'xtest', 'specify',
  'beforeAll', 'beforeEach', 'afterAll', 'afterEach', 'before', 'after', 'setup', 'teardown', 'suiteSetup',
  'suiteTeardown', 'expect', 'jest', 'vi',
]);
const MOCHA_ONLY_GLOBALS = ['context', 'specify', 'before', 'after', 'suiteSetup', 'suiteTeardown', 'setup', 'teardown'];
const TEST_GLOBALS = ['it', 'test', 'specify', 'fit', 'xit', 'xtest'];

interface GlobalUse {
  readonly runner: TestRunner;
  readonly inUse: boolean;
}
const globalUseCache = new WeakMap<object, GlobalUse>();

/**
 * Resolve `node` (the base of a callee chain) to a test-runner API by origin:
 * imports from `vitest`, `@jest/globals`, `bun:test`, `node:test`, `mocha`, and the
 * injected globals when nothing shadows them and the file is a test file or uses
 * the runner globals (`describe` + `it`). `undefined` otherwise.
 */
export function getRunnerApi(context: AnyContext, node: TSESTree.Node): RunnerApi | undefined {
  const origin = getOrigin(context, node);
  if (!origin) return undefined;
  if (origin.source === 'global') {
    const [first] = origin.path;
    if (first === undefined || !RUNNER_GLOBALS.has(first)) return undefined;
    // `jest` and `vi` are unambiguous (setup files use them outside test files).
    if (first === 'jest') return { runner: 'jest', path: origin.path };
    if (first === 'vi') return { runner: 'vitest', path: origin.path };
    const use = getGlobalUse(context);
    return use.inUse ? { runner: use.runner, path: origin.path } : undefined;
  }
  const runner = MODULE_RUNNERS.get(origin.source);
  if (!runner) return undefined;
  if (runner === 'node:test') {
    const [first] = origin.path;
    return { runner, path: first !== undefined && NODE_TEST_EXPORTS.has(first) ? origin.path : ['test', ...origin.path] };
  }
  if (runner === 'vitest' && origin.path[0] === 'vitest') return { runner, path: ['vi', ...origin.path.slice(1)] };
  return { runner, path: origin.path };
}

/**
 * Split a callee into its base identifier and the steps after it:
 * `describe.each(table)` as a callee is `describe` + `['each', '()']`;
 * tagged templates (`test.each\`…\``) count as a call.
 */
export function getCalleeChain(callee: TSESTree.Node): { base: TSESTree.Identifier; steps: string[] } | undefined {
  const steps: string[] = [];
  let node: TSESTree.Node = callee;
  for (let depth = 0; depth < 16; depth++) {
    switch (node.type) {
      case AST_NODE_TYPES.Identifier:
        return { base: node, steps: steps.reverse() };
      case AST_NODE_TYPES.MemberExpression: {
        const name = getStaticPropertyName(node);
        if (name === undefined) return undefined;
        steps.push(name);
        node = node.object;
        break;
      }
      case AST_NODE_TYPES.CallExpression:
        steps.push('()');
        node = node.callee;
        break;
      case AST_NODE_TYPES.TaggedTemplateExpression:
        steps.push('()');
        node = node.tag;
        break;
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSAsExpression:
        node = node.expression;
        break;
      default:
        return undefined;
    }
  }
  return undefined;
}

/** Which runner the file's injected globals belong to, and whether they are in use at all. */
function getGlobalUse(context: AnyContext): GlobalUse {
  const key = context.sourceCode;
  const cached = globalUseCache.get(key);
  if (cached) return cached;
  const names = new Set<string>();
  const globalScope = context.sourceCode.scopeManager?.globalScope;
  for (const reference of globalScope?.through ?? []) names.add(reference.identifier.name);
  for (const variable of globalScope?.variables ?? []) {
    if (variable.defs.length === 0 && variable.references.length > 0) names.add(variable.name);
  }
  const runner: TestRunner = names.has('vi')
    ? 'vitest'
    : names.has('jest')
      ? 'jest'
      : MOCHA_ONLY_GLOBALS.some((name) => names.has(name))
        ? 'mocha'
        : 'jest';
  // Outside test files, require a test global plus another runner global (`describe`, `expect`, a hook).
  const inUse =
    isInTestFile(context) ||
    (TEST_GLOBALS.some((name) => names.has(name)) &&
      [...names].filter((name) => RUNNER_GLOBALS.has(name) && !TEST_GLOBALS.includes(name)).length > 0);
  const use = { runner, inUse };
  globalUseCache.set(key, use);
  return use;
}
