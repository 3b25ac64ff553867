import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getCalleeChain, getRunnerApi, type TestRunner } from './get-runner-api.js';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** A test, describe or hook callback. */
export type TestBody =
  | TSESTree.ArrowFunctionExpression
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression;

/** What a test-runner call is: `describe.only('users', () => …)` is `{ runner, kind: 'describe', modifiers: ['only'] }`. */
export interface TestCall {
  readonly runner: TestRunner;
  readonly kind: 'describe' | 'test' | 'hook';
  /** Steps after the API name, calls dropped: `only`, `skip`, `todo`, `each`, `concurrent`, `skipIf`… */
  readonly modifiers: readonly string[];
  /** The title argument, when there is one. */
  readonly name?: TSESTree.Node;
  /** The callback, followed into a same-file function when passed by name. */
  readonly body?: TestBody;
}

const KINDS: Readonly<Record<string, TestCall['kind']>> = {
  describe: 'describe',
  suite: 'describe',
  context: 'describe',
  fdescribe: 'describe',
  xdescribe: 'describe',
  it: 'test',
  test: 'test',
  specify: 'test',
  fit: 'test',
  xit: 'test',
  xtest: 'test',
  beforeAll: 'hook',
  beforeEach: 'hook',
  afterAll: 'hook',
  afterEach: 'hook',
  before: 'hook',
  after: 'hook',
  setup: 'hook',
  teardown: 'hook',
  suiteSetup: 'hook',
  suiteTeardown: 'hook',
};
// Names only some runners have.
const RUNNER_ONLY: Readonly<Record<string, readonly TestRunner[]>> = {
  context: ['mocha'],
  specify: ['mocha'],
  setup: ['mocha'],
  teardown: ['mocha'],
  suiteSetup: ['mocha'],
  suiteTeardown: ['mocha'],
  before: ['mocha', 'node:test'],
  after: ['mocha', 'node:test'],
  fdescribe: ['jest'],
  xdescribe: ['jest', 'mocha'],
  fit: ['jest'],
  xit: ['jest', 'mocha'],
  xtest: ['jest'],
  beforeAll: ['vitest', 'jest', 'bun'],
  afterAll: ['vitest', 'jest', 'bun'],
};
const ALIAS_MODIFIERS: Readonly<Record<string, string>> = { fdescribe: 'only', fit: 'only', xdescribe: 'skip', xit: 'skip', xtest: 'skip' };
const MODIFIERS = new Set([
  'only', 'skip', 'todo', 'each', 'concurrent', 'sequential', 'fails', 'failing', 'skipIf', 'runIf', 'if', 'todoIf',
  'failingIf', 'for', 'extend', 'shuffle', 'serial', 'scoped',
]);
// Modifiers that return a new test function: `describe.each(table)` itself is not the test.
const FACTORIES = new Set(['each', 'skipIf', 'runIf', 'if', 'todoIf', 'failingIf', 'for', 'extend', 'scoped']);
// `t.test()`, `t.before()`… on a `node:test` test context.
const NODE_CONTEXT_METHODS = new Set(['test', 'before', 'after', 'beforeEach', 'afterEach']);

const cache = new WeakMap<TSESTree.Node, TestCall | null>();

/**
 * What test-runner API `call` is, resolved by origin: `describe`/`it`/`test`/hooks
 * imported from `vitest`, `@jest/globals`, `bun:test`, `node:test` or `mocha`; the
 * jest/mocha/vitest globals when nothing shadows them and the file is a test file
 * (or uses the runner globals); `t.test()` subtests of `node:test`. Modifier chains
 * (`it.only`, `describe.each(table)(…)`, `test.each\`…\`(…)`, `test.extend({…})`)
 * resolve to the underlying API. `undefined` when unsure.
 */
export function getTestCall(context: AnyContext, call: TSESTree.CallExpression): TestCall | undefined {
  const cached = cache.get(call);
  if (cached !== undefined) return cached ?? undefined;
  const result = resolveTestCall(context, call);
  cache.set(call, result ?? null);
  return result;
}

/** `true` when `identifier` is the first parameter of a `node:test` test or hook body (the test context `t`). */
export function isNodeTestContext(context: AnyContext, identifier: TSESTree.Node): boolean {
  if (identifier.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(identifier), identifier);
  const def = variable?.defs[0];
  if (!def || variable.defs.length !== 1 || def.type !== 'Parameter') return false;
  const fn = def.node;
  if (fn.params[0] !== def.name || fn.parent?.type !== AST_NODE_TYPES.CallExpression) return false;
  const owner = getTestCall(context, fn.parent);
  return owner?.runner === 'node:test' && owner.body === fn;
}

function resolveTestCall(context: AnyContext, call: TSESTree.CallExpression): TestCall | undefined {
  // Cheap guards: a test call has arguments and a callee chain ending in an identifier.
  if (call.arguments.length === 0) return undefined;
  const chain = getCalleeChain(call.callee);
  // Cheap guard before any scope lookup: `app.get(…)` and `items.map(…)` have steps no runner API has.
  if (!chain || !chain.steps.every((step) => step === '()' || MODIFIERS.has(step) || Object.hasOwn(KINDS, step))) return undefined;
  let runner: TestRunner;
  let path: readonly string[];
  const [first] = chain.steps;
  if (first !== undefined && NODE_CONTEXT_METHODS.has(first) && isNodeTestContext(context, chain.base)) {
    runner = 'node:test';
    path = chain.steps;
  } else {
    const api = getRunnerApi(context, chain.base);
    if (!api) return undefined;
    runner = api.runner;
    path = [...api.path, ...chain.steps];
  }
  const [name, ...rest] = path;
  const kind = name === undefined || !Object.hasOwn(KINDS, name) ? undefined : KINDS[name];
  if (name === undefined || kind === undefined) return undefined;
  const only = RUNNER_ONLY[name];
  if (only && !only.includes(runner)) return undefined;
  const last = rest.at(-1);
  if (last !== undefined && FACTORIES.has(last)) return undefined;
  const modifiers = rest.filter((step) => step !== '()');
  if (!modifiers.every((step) => MODIFIERS.has(step))) return undefined;
  const alias = ALIAS_MODIFIERS[name];
  if (alias !== undefined) modifiers.unshift(alias);

  const body = getBody(context, call.arguments);
  const [title] = call.arguments;
  const hasTitle = title !== undefined && !isFunction(title) && title.type !== AST_NODE_TYPES.SpreadElement;
  return {
    runner,
    kind,
    modifiers,
    ...(hasTitle && { name: title }),
    ...(body && { body }),
  };
}

function getBody(context: AnyContext, args: readonly TSESTree.CallExpressionArgument[]): TestBody | undefined {
  for (const arg of args) {
    if (isFunction(arg)) return arg;
  }
  // `it('works', checkUsers)` with a same-file function.
  const last = args.at(-1);
  if (args.length < 2 || last?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(last), last);
  const def = variable?.defs[0];
  if (!def || variable.defs.length !== 1) return undefined;
  if (def.type === 'FunctionName' && def.node.type === AST_NODE_TYPES.FunctionDeclaration) return def.node;
  if (def.type === 'Variable' && def.node.init && isFunction(def.node.init) && def.parent.kind === 'const') {
    return def.node.init;
  }
  return undefined;
}

function isFunction(node: TSESTree.Node): node is TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression {
  return node.type === AST_NODE_TYPES.ArrowFunctionExpression || node.type === AST_NODE_TYPES.FunctionExpression;
}
