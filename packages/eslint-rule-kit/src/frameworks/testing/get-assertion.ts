import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getStaticPropertyName } from '../../ast/get-static-property-name.js';
import { getOrigin } from '../../origin/get-origin.js';
import { getCalleeChain, getRunnerApi } from './get-runner-api.js';
import { isNodeTestContext } from './get-test-call.js';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** What an assertion checks: `expect(user).not.toBeNull()` is `{ library: 'expect', kind: 'existence', matcher: 'toBeNull', negated: true }`. */
export interface Assertion {
  readonly library: 'expect' | 'assert' | 'chai' | 'node:assert' | 'supertest' | 'sinon';
  /**
   * `value` (a returned value or state), `mock` (how a mock was called), `existence`
   * (defined/truthy only), `snapshot`, `throws`, `rejects`, `status` (an HTTP status).
   */
  readonly kind: 'value' | 'mock' | 'existence' | 'snapshot' | 'throws' | 'rejects' | 'status';
  /** The matcher or assert method: `toBe`, `equal`, `ok`, `calledWith`, `expect` (supertest). */
  readonly matcher: string;
  /** The value under test: `x` in `expect(x)` and `assert.equal(x, y)`. */
  readonly subject?: TSESTree.Node;
  /** The expected value: `y` in `.toBe(y)` and `assert.equal(x, y)`. */
  readonly expected?: TSESTree.Node;
  readonly negated: boolean;
}

const MOCK_MATCHERS = new Set([
  'toHaveBeenCalled', 'toHaveBeenCalledTimes', 'toHaveBeenCalledWith', 'toHaveBeenLastCalledWith', 'toHaveBeenNthCalledWith',
  'toHaveBeenCalledOnce', 'toHaveBeenCalledExactlyOnceWith', 'toHaveBeenCalledBefore', 'toHaveBeenCalledAfter',
  'toBeCalled', 'toBeCalledTimes', 'toBeCalledWith', 'lastCalledWith', 'nthCalledWith',
  'toHaveReturned', 'toHaveReturnedTimes', 'toHaveReturnedWith', 'toHaveLastReturnedWith', 'toHaveNthReturnedWith',
  'toReturn', 'toReturnTimes', 'toReturnWith', 'lastReturnedWith', 'nthReturnedWith',
  'toHaveResolved', 'toHaveResolvedTimes', 'toHaveResolvedWith', 'toHaveLastResolvedWith', 'toHaveNthResolvedWith',
]);
const SNAPSHOT_MATCHERS = new Set([
  'toMatchSnapshot', 'toMatchInlineSnapshot', 'toMatchFileSnapshot', 'toThrowErrorMatchingSnapshot',
  'toThrowErrorMatchingInlineSnapshot', 'matchSnapshot', 'snapshot', 'fileSnapshot',
]);
const EXPECT_MODIFIERS = new Set(['not', 'resolves', 'rejects']);
// Chai words that only make the sentence read well, plus flags that do not change the kind.
const CHAI_CHAINS = new Set([
  'to', 'be', 'been', 'is', 'that', 'which', 'and', 'has', 'have', 'with', 'at', 'of', 'same', 'but', 'does', 'still',
  'also', 'deep', 'nested', 'own', 'ordered', 'any', 'all', 'itself', 'not', 'eventually', 'always',
]);
const SINON_MATCHERS = new Set([
  'called', 'calledOnce', 'calledTwice', 'calledThrice', 'calledWith', 'calledOnceWith', 'calledWithExactly',
  'calledOnceWithExactly', 'calledWithMatch', 'calledOnceWithMatch', 'calledOn', 'calledWithNew', 'callCount',
  'calledBefore', 'calledAfter', 'calledImmediatelyBefore', 'calledImmediatelyAfter', 'alwaysCalledWith',
  'alwaysCalledWithExactly', 'alwaysCalledWithMatch', 'alwaysCalledOn', 'returned', 'alwaysReturned', 'thrown',
  'alwaysThrew', 'notCalled', 'neverCalledWith', 'neverCalledWithMatch', 'callOrder',
]);
// Mock bookkeeping read directly: `expect(send.mock.calls[0])`.
const MOCK_STATE = new Set(['calls', 'lastCall', 'results', 'instances', 'contexts', 'settledResults']);

const cache = new WeakMap<TSESTree.Node, Assertion | null>();
const mentionsAssertCache = new WeakMap<object, boolean>();

/**
 * What assertion `node` makes, resolved by origin:
 * - `expect(x)[.not|.resolves|.rejects].matcher(y)` from vitest, jest (import or global), bun, `expect`
 *   and Playwright; `expect.soft`/`expect.poll`;
 * - `node:assert` (`assert(x)`, `assert.equal/strictEqual/deepStrictEqual/ok/throws/rejects`…) and
 *   `t.assert.*` in `node:test`;
 * - chai `expect(x).to.equal(y)`, property assertions (`.to.be.ok`, pass the `MemberExpression`), `assert.*`,
 *   sinon-chai, chai-as-promised; `sinon.assert.*`;
 * - supertest `.expect(200)` on a request.
 * `undefined` for anything else, including the inner `expect(x)` call of a chain.
 */
export function getAssertion(
  context: AnyContext,
  node: TSESTree.CallExpression | TSESTree.MemberExpression,
): Assertion | undefined {
  const cached = cache.get(node);
  if (cached !== undefined) return cached ?? undefined;
  const result = resolveAssertion(context, node);
  cache.set(node, result ?? null);
  return result;
}

function resolveAssertion(
  context: AnyContext,
  node: TSESTree.CallExpression | TSESTree.MemberExpression,
): Assertion | undefined {
  const member = node.type === AST_NODE_TYPES.CallExpression ? node.callee : node;
  if (node.type === AST_NODE_TYPES.MemberExpression && !isChainEnd(node)) return undefined;
  const chained = member.type === AST_NODE_TYPES.MemberExpression ? getExpectChain(member) : undefined;
  if (chained) return getMatcherAssertion(context, node, chained);
  if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
  return getAssertCall(context, node);
}

interface ExpectChain {
  readonly base: TSESTree.CallExpression;
  readonly steps: readonly string[];
  readonly matcher: string;
}

/** `expect(x).not.toBe` → base `expect(x)`, steps `['not']`, matcher `toBe`. */
function getExpectChain(member: TSESTree.MemberExpression): ExpectChain | undefined {
  const matcher = getStaticPropertyName(member);
  if (matcher === undefined) return undefined;
  const steps: string[] = [];
  let object: TSESTree.Node = member.object;
  while (object.type === AST_NODE_TYPES.MemberExpression) {
    const name = getStaticPropertyName(object);
    if (name === undefined) return undefined;
    steps.push(name);
    object = object.object;
  }
  if (object.type !== AST_NODE_TYPES.CallExpression || object.arguments.length === 0) return undefined;
  return { base: object, steps: steps.reverse(), matcher };
}

function getMatcherAssertion(
  context: AnyContext,
  node: TSESTree.CallExpression | TSESTree.MemberExpression,
  { base, steps, matcher }: ExpectChain,
): Assertion | undefined {
  // Cheap guard before resolving: the base is `expect(…)`, `expect.soft(…)`, `request(app)…` or similar.
  const library = getExpectLibrary(context, base.callee);
  if (library === undefined) return getSupertestAssertion(context, node);
  const subject = base.arguments[0];
  const expected = node.type === AST_NODE_TYPES.CallExpression ? node.arguments[0] : undefined;
  const negated = steps.filter((step) => step === 'not').length % 2 === 1;
  if (library === 'chai') return getChaiAssertion(steps, matcher, subject, expected, negated);
  if (node.type !== AST_NODE_TYPES.CallExpression || !steps.every((step) => EXPECT_MODIFIERS.has(step))) return undefined;
  if (CHAI_CHAINS.has(matcher) || matcher === 'resolves' || matcher === 'rejects') return undefined;
  let kind: Assertion['kind'];
  if (MOCK_MATCHERS.has(matcher) || (subject && readsMockState(subject))) kind = 'mock';
  else if (SNAPSHOT_MATCHERS.has(matcher)) kind = 'snapshot';
  else if (steps.includes('rejects')) kind = 'rejects';
  else if (matcher === 'toThrow' || matcher === 'toThrowError') kind = 'throws';
  else if (isExistence(matcher, negated)) kind = 'existence';
  else kind = 'value';
  return { library: 'expect', kind, matcher, ...(subject && { subject }), ...(expected && { expected }), negated };
}

function getExpectLibrary(context: AnyContext, callee: TSESTree.Node): 'expect' | 'chai' | undefined {
  const chain = getCalleeChain(callee);
  if (!chain) return undefined;
  const [step] = chain.steps;
  if (chain.steps.length > 1 || (step !== undefined && step !== 'soft' && step !== 'poll')) return undefined;
  const api = getRunnerApi(context, chain.base);
  if (api) return api.path.length === 1 && api.path[0] === 'expect' ? 'expect' : undefined;
  const origin = getOrigin(context, chain.base);
  if (!origin) return undefined;
  if (origin.source === 'chai' && origin.path.length === 1 && origin.path[0] === 'expect' && step === undefined) return 'chai';
  if (origin.source === '@playwright/test' && origin.path.length === 1 && origin.path[0] === 'expect') return 'expect';
  if (origin.source === 'expect' && (origin.path.length === 0 || origin.path[0] === 'expect')) return 'expect';
  return undefined;
}

function getChaiAssertion(
  steps: readonly string[],
  matcher: string,
  subject: TSESTree.Node | undefined,
  expected: TSESTree.Node | undefined,
  negated: boolean,
): Assertion | undefined {
  if (CHAI_CHAINS.has(matcher)) return undefined;
  let kind: Assertion['kind'];
  if (SINON_MATCHERS.has(matcher) || (subject && readsMockState(subject))) kind = 'mock';
  else if (SNAPSHOT_MATCHERS.has(matcher)) kind = 'snapshot';
  else if (matcher === 'rejected' || matcher === 'rejectedWith') kind = 'rejects';
  else if (matcher === 'throw' || matcher === 'throws' || matcher === 'Throw') kind = 'throws';
  else if (
    !steps.includes('eventually') &&
    ((!negated && (matcher === 'ok' || matcher === 'exist')) || (negated && (matcher === 'null' || matcher === 'undefined')))
  ) {
    kind = 'existence';
  } else kind = 'value';
  return { library: 'chai', kind, matcher, ...(subject && { subject }), ...(expected && { expected }), negated };
}

/** `assert.equal(x, y)` (node:assert, chai), `assert(x)`, `t.assert.ok(x)`, `sinon.assert.calledOnce(spy)`. */
function getAssertCall(context: AnyContext, call: TSESTree.CallExpression): Assertion | undefined {
  // node:assert, chai's and sinon's `assert` all need the word in the file; skip origin lookups otherwise.
  if (!mentionsAssert(context)) return undefined;
  const chain = getCalleeChain(call.callee);
  if (!chain || chain.steps.includes('()') || call.arguments.length === 0) return undefined;
  let library: Assertion['library'];
  let method: string | undefined;
  if (chain.steps[0] === 'assert' && chain.steps.length === 2 && isNodeTestContext(context, chain.base)) {
    library = 'node:assert';
    method = chain.steps[1];
  } else {
    const origin = getOrigin(context, call.callee);
    if (!origin) return undefined;
    const path = origin.path[0] === 'strict' ? origin.path.slice(1) : origin.path;
    if (origin.source === 'assert' || origin.source === 'assert/strict') {
      if (path.length > 1) return undefined;
      library = 'node:assert';
      method = path[0] ?? 'ok';
    } else if (origin.source === 'chai' && origin.path[0] === 'assert' && origin.path.length <= 2) {
      library = 'chai';
      method = origin.path[1] ?? 'ok';
    } else if (origin.source === 'sinon' && origin.path[0] === 'assert' && origin.path.length === 2) {
      library = 'sinon';
      method = origin.path[1];
    } else {
      return undefined;
    }
  }
  if (method === undefined || method === 'fail' || method === 'ifError' || method === 'AssertionError') return undefined;
  const [subject, expected] = call.arguments;
  const negated = /^(?:not|isNot|doesNot)(?=[A-Z])/.test(method);
  let kind: Assertion['kind'];
  if (library === 'sinon' || (subject && readsMockState(subject))) kind = 'mock';
  else if (SNAPSHOT_MATCHERS.has(method)) kind = 'snapshot';
  else if (/^(?:throws|throw|Throw|doesNotThrow)$/.test(method)) kind = 'throws';
  else if (/^(?:rejects|doesNotReject|isRejected)$/.test(method)) kind = 'rejects';
  else if (
    /^(?:ok|isOk|exists|isDefined|isNotNull|isNotUndefined)$/.test(method) &&
    subject !== undefined &&
    (subject.type === AST_NODE_TYPES.Identifier || subject.type === AST_NODE_TYPES.MemberExpression)
  ) {
    kind = 'existence';
  } else kind = 'value';
  return { library, kind, matcher: method, ...(subject && { subject }), ...(expected && { expected }), negated };
}

/** supertest `request(app).get('/').expect(200)`: `status` for a bare status code, `value` otherwise. */
function getSupertestAssertion(
  context: AnyContext,
  node: TSESTree.CallExpression | TSESTree.MemberExpression,
): Assertion | undefined {
  if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  if (getStaticPropertyName(node.callee) !== 'expect' || node.arguments.length === 0) return undefined;
  const origin = getOrigin(context, node.callee);
  if (origin?.source !== 'supertest' || !origin.path.includes('()')) return undefined;
  const [expected] = node.arguments;
  const isStatus =
    expected?.type === AST_NODE_TYPES.Literal &&
    typeof expected.value === 'number' &&
    (node.arguments.length === 1 || isFunction(node.arguments[1]));
  return {
    library: 'supertest',
    kind: isStatus ? 'status' : 'value',
    matcher: 'expect',
    subject: node.callee.object,
    ...(expected && { expected }),
    negated: false,
  };
}

function mentionsAssert(context: AnyContext): boolean {
  const key = context.sourceCode;
  let mentions = mentionsAssertCache.get(key);
  if (mentions === undefined) {
    mentions = key.text.includes('assert');
    mentionsAssertCache.set(key, mentions);
  }
  return mentions;
}

function isExistence(matcher: string, negated: boolean): boolean {
  if (negated) return matcher === 'toBeNull' || matcher === 'toBeUndefined' || matcher === 'toBeFalsy';
  return matcher === 'toBeDefined' || matcher === 'toBeTruthy';
}

/** `send.mock.calls[0]`, `send.mock.lastCall`: the subject is a mock's call log. */
function readsMockState(subject: TSESTree.Node): boolean {
  let node: TSESTree.Node = subject;
  while (node.type === AST_NODE_TYPES.MemberExpression) {
    const object = node.object;
    if (
      object.type === AST_NODE_TYPES.MemberExpression &&
      getStaticPropertyName(object) === 'mock' &&
      MOCK_STATE.has(getStaticPropertyName(node) ?? '')
    ) {
      return true;
    }
    node = object;
  }
  return false;
}

/** The last node of a property chain: not the object of a further access and not a callee. */
function isChainEnd(node: TSESTree.MemberExpression): boolean {
  const parent = node.parent;
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === node) return false;
  if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee === node) return false;
  return true;
}

function isFunction(node: TSESTree.Node | undefined): boolean {
  return node?.type === AST_NODE_TYPES.ArrowFunctionExpression || node?.type === AST_NODE_TYPES.FunctionExpression;
}
