import {
  AST_NODE_TYPES,
  getEnclosingFunction,
  getMockCall,
  getRunnerRestores,
  getTestCall,
  isNode,
  isNodeTestContext,
  type MockCall,
  type TSESLint,
  type TSESTree,
  unwrapExpression,
} from '@prodready/eslint-rule-kit';

import { createRule } from '../create-rule.js';

type Restorable = 'mocks' | 'timers' | 'envs' | 'globals';

export type Options = [{ runnerRestores: Restorable[] }];
export type MessageIds = 'leakingMock';

type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;
interface Leak {
  readonly node: TSESTree.CallExpression;
  readonly what: Restorable;
  /** Where the mock stays in effect: the test body, or the describe body around a hook. */
  readonly scopeEnd: number;
}

// Restores, by method name, and what each undoes. Matched by name on purpose: a restore we cannot resolve
// (`sandbox.restore()` on a sinon sandbox, a helper's `clock.uninstall()`) must still silence the rule.
const RESTORES: ReadonlyMap<string, readonly Restorable[]> = new Map([
  ['restoreAllMocks', ['mocks']],
  ['resetAllMocks', ['mocks']],
  ['mockRestore', ['mocks']],
  ['mockReset', ['mocks']],
  ['restore', ['mocks', 'timers']],
  ['restoreAll', ['mocks']],
  ['reset', ['mocks', 'timers']],
  ['uninstall', ['timers']],
  ['useRealTimers', ['timers']],
  ['unstubAllEnvs', ['envs']],
  ['unstubAllGlobals', ['globals']],
]);
// Spy methods that replace what the real function does.
const BEHAVIOUR_METHODS = /^mock(?:Implementation|ReturnValue|ResolvedValue|RejectedValue)(?:Once)?$|^mockReturnThis$/;
const LABELS: Readonly<Record<Restorable, string>> = {
  mocks: 'replaced function',
  timers: 'fake timers',
  envs: 'stubbed environment variable',
  globals: 'stubbed global',
};

export default createRule<Options, MessageIds>({
  name: 'no-leaking-mocks',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow replacing functions, timers, globals or environment variables in a test without restoring them',
      recommended: 'strict',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          runnerRestores: {
            type: 'array',
            items: { type: 'string', enum: ['mocks', 'timers', 'envs', 'globals'] },
            uniqueItems: true,
            description:
              'What the test runner restores after every test by configuration: `mocks` (`restoreMocks: true`), `envs` (`unstubEnvs: true`), `globals` (`unstubGlobals: true`), `timers`.',
          },
        },
      },
    ],
    defaultOptions: [{ runnerRestores: [] }],
    messages: {
      leakingMock:
        'This {{what}} is never restored in this file, so the tests that run after this one see it too and pass or fail depending on order. Restore it in `afterEach` (or enable the runner option that does).',
    },
  },
  create(context, [{ runnerRestores }]) {
    // Text fast path: every API the rule reports has one of these words.
    if (!/spyOn|FakeTimers|stubEnv|stubGlobal|replaceProperty|stub\(|replace|timers\.enable|mock\.method/.test(context.sourceCode.text)) {
      return {};
    }
    const restored = new Set<Restorable>(runnerRestores);
    const leaks: Leak[] = [];
    const testStarts: number[] = [];

    return {
      CallExpression(node): void {
        const test = node.arguments.length > 0 ? getTestCall(context, node) : undefined;
        if (test) {
          if (test.kind === 'test') testStarts.push(node.range[0]);
          return;
        }
        const restores = getRestores(node);
        if (restores) {
          for (const what of restores) restored.add(what);
          return;
        }
        const mock = getMockCall(context, node);
        if (!mock || mock.kind === 'restore') return;
        // `t.mock.method(…)` in `node:test` is restored when the test ends.
        if (isOnNodeTestContext(context, node.callee)) return;
        const what = getRestorable(context, mock, node);
        if (!what) return;
        const scopeEnd = getScopeEnd(context, node);
        if (scopeEnd !== undefined) leaks.push({ node, what, scopeEnd });
      },
      'Program:exit'(): void {
        if (leaks.length === 0) return;
        // `restoreMocks: true` and friends in the runner config restore after every test.
        for (const what of getRunnerRestores(context)) restored.add(what);
        for (const leak of leaks) {
          if (restored.has(leak.what)) continue;
          // Leaks only matter to a test that runs later in the file, outside where the mock was set up.
          if (!testStarts.some((start) => start > leak.scopeEnd)) continue;
          context.report({ node: leak.node, messageId: 'leakingMock', data: { what: LABELS[leak.what] } });
        }
      },
    };
  },
});

function getRestores(node: TSESTree.CallExpression): readonly Restorable[] | undefined {
  const callee = unwrapExpression(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.property.type !== AST_NODE_TYPES.Identifier) return undefined;
  return RESTORES.get(callee.property.name);
}

function getRestorable(context: Context, mock: MockCall, node: TSESTree.CallExpression): Restorable | undefined {
  switch (mock.kind) {
    case 'timers':
      return /useFakeTimers$|timers\.enable$/.test(mock.api) ? 'timers' : undefined;
    case 'env':
      return 'envs';
    case 'global':
      return 'globals';
    case 'spy':
      // A spy on `console` silences output; it changes no result a later test checks.
      if (mock.object && isConsole(mock.object)) return undefined;
      return replacesBehaviour(context, mock, node) ? 'mocks' : undefined;
    default:
      return undefined;
  }
}

/** A pass-through spy (`vi.spyOn(mailer, 'send')`, `sinon.spy(…)`) leaks only its call log. */
function replacesBehaviour(context: Context, mock: MockCall, node: TSESTree.CallExpression): boolean {
  if (mock.api === 'sinon.spy') return false;
  if (mock.api.startsWith('sinon.') || mock.api.endsWith('replaceProperty')) return true;
  if (mock.api.startsWith('mock.')) return node.arguments.length >= 3;
  // `vi.spyOn(x, 'y').mockReturnValue(…)`, possibly after other chained calls.
  let current: TSESTree.CallExpression = node;
  for (;;) {
    const member = current.parent;
    if (member.type !== AST_NODE_TYPES.MemberExpression || member.object !== current) break;
    if (member.property.type === AST_NODE_TYPES.Identifier && BEHAVIOUR_METHODS.test(member.property.name)) return true;
    const next = member.parent;
    if (next.type !== AST_NODE_TYPES.CallExpression || next.callee !== member) return false;
    current = next;
  }
  // `const spy = vi.spyOn(x, 'y'); spy.mockResolvedValue(…)`.
  const declarator = current.parent;
  if (declarator.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.Identifier) return false;
  return hasBehaviourCall(context, declarator, declarator.id.name);
}

/** Any `name.mockX(…)` in the function that declares `name`. */
function hasBehaviourCall(context: Context, declarator: TSESTree.VariableDeclarator, name: string): boolean {
  const owner = getEnclosingFunction(declarator) ?? context.sourceCode.ast;
  const { visitorKeys } = context.sourceCode;
  let found = false;
  const visit = (node: TSESTree.Node): void => {
    if (found) return;
    if (
      node.type === AST_NODE_TYPES.MemberExpression &&
      node.object.type === AST_NODE_TYPES.Identifier &&
      node.object.name === name &&
      node.property.type === AST_NODE_TYPES.Identifier &&
      BEHAVIOUR_METHODS.test(node.property.name)
    ) {
      found = true;
      return;
    }
    for (const key of visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const item of child) if (isNode(item)) visit(item);
      } else if (isNode(child)) {
        visit(child);
      }
    }
  };
  visit(owner);
  return found;
}

/**
 * Where a mock set up at `node` stays in effect: the end of the test that set it up, or of the describe
 * around the hook or describe body that did. `undefined` at file level (module code, top-level hooks):
 * each test file runs isolated, so file-wide setup cannot leak into another file.
 */
function getScopeEnd(context: Context, node: TSESTree.Node): number | undefined {
  let inHook = false;
  for (let fn = getEnclosingFunction(node); fn; fn = getEnclosingFunction(fn)) {
    const call = fn.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression) continue;
    const owner = getTestCall(context, call);
    if (owner?.body !== fn) continue;
    if (owner.kind === 'test' && !inHook) return call.range[1];
    if (owner.kind === 'hook') inHook = true;
    if (owner.kind === 'describe') return call.range[1];
  }
  return undefined;
}

/** `t.mock.method(…)`, `t.mock.timers.enable()`: the callee starts at a `node:test` context. */
function isOnNodeTestContext(context: Context, callee: TSESTree.Node): boolean {
  let node = unwrapExpression(callee);
  while (node.type === AST_NODE_TYPES.MemberExpression) node = unwrapExpression(node.object);
  return node.type === AST_NODE_TYPES.Identifier && isNodeTestContext(context, node);
}

function isConsole(node: TSESTree.Node): boolean {
  const object = unwrapExpression(node);
  return object.type === AST_NODE_TYPES.Identifier && object.name === 'console';
}

