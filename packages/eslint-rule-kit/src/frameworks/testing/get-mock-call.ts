import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getOrigin } from '../../origin/get-origin.js';
import { getCalleeChain, getRunnerApi } from './get-runner-api.js';
import { isNodeTestContext } from './get-test-call.js';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** What a mocking call does: `vi.mock('./users')` is `{ api: 'vi.mock', kind: 'module-mock', target: './users' }`. */
export interface MockCall {
  /** Canonical name: `vi.mock`, `jest.spyOn`, `mock.method` (node:test, bun), `sinon.stub`, `mockRestore`. */
  readonly api: string;
  readonly kind: 'module-mock' | 'fn' | 'spy' | 'timers' | 'env' | 'global' | 'restore';
  /** Module specifier (module mocks), property name (spies), variable or global name (env, global). */
  readonly target?: string;
  /** The object whose property is replaced (spies). */
  readonly object?: TSESTree.Node;
}

type Kind = MockCall['kind'];

const VI_JEST_METHODS: Readonly<Record<string, Kind>> = {
  mock: 'module-mock',
  doMock: 'module-mock',
  unstable_mockModule: 'module-mock',
  setMock: 'module-mock',
  fn: 'fn',
  spyOn: 'spy',
  replaceProperty: 'spy',
  useFakeTimers: 'timers',
  advanceTimersByTime: 'timers',
  advanceTimersByTimeAsync: 'timers',
  advanceTimersToNextTimer: 'timers',
  advanceTimersToNextTimerAsync: 'timers',
  advanceTimersToNextFrame: 'timers',
  runAllTimers: 'timers',
  runAllTimersAsync: 'timers',
  runOnlyPendingTimers: 'timers',
  runOnlyPendingTimersAsync: 'timers',
  runAllTicks: 'timers',
  setSystemTime: 'timers',
  stubEnv: 'env',
  stubGlobal: 'global',
  restoreAllMocks: 'restore',
  resetAllMocks: 'restore',
  clearAllMocks: 'restore',
  unmock: 'restore',
  doUnmock: 'restore',
  resetModules: 'restore',
  useRealTimers: 'restore',
  clearAllTimers: 'restore',
  unstubAllEnvs: 'restore',
  unstubAllGlobals: 'restore',
};
const NODE_MOCK_METHODS: Readonly<Record<string, Kind>> = {
  fn: 'fn',
  method: 'spy',
  getter: 'spy',
  setter: 'spy',
  property: 'spy',
  module: 'module-mock',
  restoreAll: 'restore',
  reset: 'restore',
  'timers.enable': 'timers',
  'timers.tick': 'timers',
  'timers.runAll': 'timers',
  'timers.setTime': 'timers',
  'timers.reset': 'restore',
};
const SINON_METHODS: Readonly<Record<string, Kind>> = {
  stub: 'spy',
  spy: 'spy',
  fake: 'fn',
  mock: 'spy',
  replace: 'spy',
  replaceGetter: 'spy',
  replaceSetter: 'spy',
  define: 'spy',
  useFakeTimers: 'timers',
  restore: 'restore',
  reset: 'restore',
  resetHistory: 'restore',
  resetBehavior: 'restore',
};
// Called on a mock or spy itself (`spy.mockRestore()`, `stub.restore()`, `clock.restore()`, `fn.mock.restore()`).
const INSTANCE_RESTORES = new Set(['mockRestore', 'mockReset', 'mockClear', 'restore', 'uninstall']);

const KNOWN_STEPS = new Set([
  ...Object.keys(VI_JEST_METHODS),
  ...Object.keys(NODE_MOCK_METHODS).map((method) => method.split('.').at(-1) ?? method),
  ...Object.keys(SINON_METHODS),
  ...INSTANCE_RESTORES,
]);
const cache = new WeakMap<TSESTree.Node, MockCall | null>();

/**
 * What mocking API `call` is, resolved by origin: `vi.*`/`jest.*` (vitest, jest global or
 * `@jest/globals`, bun), `mock.*` and `t.mock.*` from `node:test`, bun's `mock`/`spyOn`,
 * `sinon.*` (and sandboxes), and restores on a mock created by any of them
 * (`spy.mockRestore()`, `stub.restore()`). `undefined` when unsure.
 */
export function getMockCall(context: AnyContext, call: TSESTree.CallExpression): MockCall | undefined {
  const cached = cache.get(call);
  if (cached !== undefined) return cached ?? undefined;
  const result = resolveMockCall(context, call);
  cache.set(call, result ?? null);
  return result;
}

function resolveMockCall(context: AnyContext, call: TSESTree.CallExpression): MockCall | undefined {
  const chain = getCalleeChain(call.callee);
  if (!chain) return undefined;
  // Cheap guard before any scope lookup: the last step must be a name some mocking API uses.
  const lastStep = chain.steps.at(-1);
  if (lastStep !== undefined && !KNOWN_STEPS.has(lastStep) && !chain.steps.includes('fake')) return undefined;
  const result = resolveApi(context, call, chain);
  if (result) return result;
  const last = chain.steps.at(-1);
  if (last === undefined || !INSTANCE_RESTORES.has(last) || call.callee.type !== AST_NODE_TYPES.MemberExpression) {
    return undefined;
  }
  return isMockValue(context, call.callee.object) ? { api: last, kind: 'restore' } : undefined;
}

function resolveApi(
  context: AnyContext,
  call: TSESTree.CallExpression,
  chain: { base: TSESTree.Identifier; steps: readonly string[] },
): MockCall | undefined {
  if (chain.steps[0] === 'mock' && isNodeTestContext(context, chain.base)) {
    return fromNodeMock(chain.steps.slice(1), call);
  }
  const api = getRunnerApi(context, chain.base);
  if (api) {
    const path = [...api.path, ...chain.steps];
    const [namespace, method, ...rest] = path;
    if (rest.length > 0 || namespace === undefined) return undefined;
    if ((namespace === 'vi' || namespace === 'jest') && method !== undefined) {
      const kind = Object.hasOwn(VI_JEST_METHODS, method) ? VI_JEST_METHODS[method] : undefined;
      return kind && build(`${namespace}.${method}`, kind, call);
    }
    if (namespace === 'mock' && api.runner === 'node:test') return fromNodeMock(path.slice(1), call);
    if (api.runner === 'bun' && namespace === 'mock') {
      if (method === undefined) return build('mock', 'fn', call);
      return method === 'module' ? build('mock.module', 'module-mock', call) : method === 'restore' ? build('mock.restore', 'restore', call) : undefined;
    }
    if (api.runner === 'bun' && namespace === 'spyOn' && method === undefined) return build('spyOn', 'spy', call);
    return undefined;
  }
  const origin = getOrigin(context, call.callee);
  if (origin?.source !== 'sinon') return undefined;
  // `sinon.stub`, `sinon.createSandbox().stub`, `sinon.fake.returns(…)`.
  const path = origin.path[0] === 'createSandbox' && origin.path[1] === '()' ? origin.path.slice(2) : origin.path;
  const [method, ...rest] = path;
  if (method === 'fake' && rest.length <= 1) return build('sinon.fake', 'fn', call);
  const kind = method === undefined || rest.length > 0 || !Object.hasOwn(SINON_METHODS, method) ? undefined : SINON_METHODS[method];
  if (!kind) return undefined;
  // `sinon.stub()` and `sinon.spy(callback)` make a standalone function; with `(object, 'method')` they replace one.
  if ((method === 'stub' || method === 'spy') && call.arguments.length < 2 && !(method === 'stub' && call.arguments.length === 1)) {
    return build(`sinon.${method}`, 'fn', call);
  }
  return build(`sinon.${method}`, kind, call);
}

function fromNodeMock(steps: readonly string[], call: TSESTree.CallExpression): MockCall | undefined {
  const method = steps.join('.');
  const kind = Object.hasOwn(NODE_MOCK_METHODS, method) ? NODE_MOCK_METHODS[method] : undefined;
  return kind && build(`mock.${method}`, kind, call);
}

function build(api: string, kind: Kind, call: TSESTree.CallExpression): MockCall {
  const [first, second] = call.arguments;
  if (kind === 'spy') {
    const target = getString(second);
    return { api, kind, ...(target !== undefined && { target }), ...(first && { object: first }) };
  }
  if (kind === 'module-mock' || kind === 'env' || kind === 'global') {
    // `vi.mock(import('./users'))` names the module through a dynamic import.
    const target =
      first?.type === AST_NODE_TYPES.ImportExpression ? getString(first.source) : getString(first);
    return { api, kind, ...(target !== undefined && { target }) };
  }
  return { api, kind };
}

/** A value created by a mocking API (`const spy = vi.spyOn(…)`, `vi.mocked(fn)`, `sinon.stub(…)`). */
function isMockValue(context: AnyContext, node: TSESTree.Node): boolean {
  const target = node.type === AST_NODE_TYPES.MemberExpression && node.property.type === AST_NODE_TYPES.Identifier && node.property.name === 'mock'
    ? node.object
    : node;
  const resolved = target.type === AST_NODE_TYPES.CallExpression ? target : getInitialiser(context, target);
  if (!resolved) return false;
  if (resolved.type !== AST_NODE_TYPES.CallExpression) return false;
  if (getMockCall(context, resolved)) return true;
  // `vi.mocked(fn)`, `jest.mocked(fn)`.
  const chain = getCalleeChain(resolved.callee);
  const api = chain && getRunnerApi(context, chain.base);
  const path = api && [...api.path, ...chain.steps];
  return path !== undefined && path.length === 2 && (path[0] === 'vi' || path[0] === 'jest') && path[1] === 'mocked';
}

function getInitialiser(context: AnyContext, node: TSESTree.Node): TSESTree.Node | undefined {
  if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(node), node);
  if (variable?.defs.length !== 1 || variable.defs[0]?.type !== 'Variable') return undefined;
  // `const spy = vi.spyOn(…)`, or `let spy; beforeEach(() => { spy = vi.spyOn(…) })`: the one assignment.
  const writes = variable.references.filter((reference) => reference.writeExpr);
  const [write] = writes;
  return writes.length === 1 && write?.writeExpr ? write.writeExpr : undefined;
}

function getString(node: TSESTree.Node | undefined): string | undefined {
  if (node?.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return node.value;
  if (node?.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}
