import {
  allowOptionSchema,
  type Assertion,
  AST_NODE_TYPES,
  findVariable,
  getEnclosingFunction,
  getMockCall,
  getOrigin,
  getTestAssertions,
  getTestCall,
  type TSESLint,
  type TSESTree,
  unwrapExpression,
} from '@prodready/eslint-rule-kit';

import { createRule } from '../create-rule.js';

export type Options = [{ allow: string[] }];
export type MessageIds = 'mockOnly';

type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

// Mocks whose calls are the unit's observable outcome, by the names every framework's docs use.
const RESPONSE_OBJECT = /^(?:mock)?(?:res|resp|response|reply|ctx)$/i;
const LOGGER_OBJECT = /^(?:console|log|logger)$/i;
const TEST_LIBRARIES = new Set(['vitest', '@jest/globals', 'bun:test', 'test', 'mocha', 'sinon', 'chai']);

export default createRule<Options, MessageIds>({
  name: 'no-mock-only-assertions',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow tests whose only assertions are about how mocks were called',
      recommended: 'recommended',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allow: {
            ...allowOptionSchema,
            description:
              'Mocks (as written in the assertion, e.g. `publishEvent` or `queue.add`) whose calls are the outcome under test; assertions on them count as checking a result.',
          },
        },
      },
    ],
    defaultOptions: [{ allow: [] }],
    messages: {
      mockOnly:
        'This test only checks how mocks were called, never what the code returned, threw, stored or responded, so it keeps passing when the result is wrong. Assert on the result as well.',
    },
  },
  create(context, [{ allow }]) {
    // Text fast path: every mock matcher mentions a call or a return.
    if (!/alled|eturned|toReturn|\.mock\.|callCount/.test(context.sourceCode.text)) return {};
    const allowed = new Set(allow);

    function isOutcome(assertion: Assertion): boolean {
      if (assertion.kind !== 'mock' || assertion.negated) return true;
      const subject = assertion.subject;
      if (!subject || allowed.has(context.sourceCode.getText(subject))) return true;
      // Only a mock standing in for an imported dependency (a mocked module, a spy on an import) or a mock
      // the test calls itself makes a mock-only test; a local `vi.fn()` handed to the code is how results are seen.
      return !isDependencyMock(context, getMockedExpression(subject));
    }

    return {
      CallExpression(node): void {
        // A test call passes its body: a function, or a function's name.
        if (!node.arguments.some(isFunctionArgument)) return;
        const test = getTestCall(context, node);
        if (test?.kind !== 'test' || !test.body || test.modifiers.includes('todo')) return;
        const { assertions, unknown } = getTestAssertions(context, test.body);
        if (unknown || assertions.length === 0 || assertions.some(isOutcome)) return;
        context.report({ node: test.name ?? node.callee, messageId: 'mockOnly' });
      },
    };
  },
});

function isFunctionArgument(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionExpression ||
    node.type === AST_NODE_TYPES.Identifier
  );
}

/** `send.mock.calls[0]` → `send`; `vi.mocked(sendEmail)` → `sendEmail`; anything else unchanged. */
function getMockedExpression(subject: TSESTree.Node): TSESTree.Node {
  let node = unwrapExpression(subject);
  for (let current = node; current.type === AST_NODE_TYPES.MemberExpression; current = current.object) {
    if (current.property.type === AST_NODE_TYPES.Identifier && current.property.name === 'mock') node = current.object;
  }
  node = unwrapExpression(node);
  if (
    node.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.MemberExpression &&
    node.callee.property.type === AST_NODE_TYPES.Identifier &&
    node.callee.property.name === 'mocked' &&
    node.arguments[0]
  ) {
    return unwrapExpression(node.arguments[0]);
  }
  return node;
}

/**
 * `prisma.user.create` or `sendEmail` imported (and mocked), a spy on an imported object
 * (`const send = vi.spyOn(mailer, 'send')`), or a `vi.fn()` that only the test itself calls.
 * Responses (`res.json`) and loggers (`logger.error`, `console.error`) are outcomes, never dependencies.
 */
function isDependencyMock(context: Context, node: TSESTree.Node, depth = 0): boolean {
  if (depth > 2) return false;
  let root: TSESTree.Node = node;
  while (root.type === AST_NODE_TYPES.MemberExpression) {
    if (root.object.type === AST_NODE_TYPES.Identifier && isOutcomeName(root.object.name)) return false;
    // A spy on `Node.prototype.addEventListener` watches a platform API for every instance, not a dependency.
    if (root.property.type === AST_NODE_TYPES.Identifier && root.property.name === 'prototype') return false;
    root = unwrapExpression(root.object);
  }
  if (root.type !== AST_NODE_TYPES.Identifier || isOutcomeName(root.name)) return false;
  if (isImported(context, root)) return true;
  if (root !== node) return false;
  const variable = findVariable(context, root);
  if (!variable || variable.defs.length !== 1) return false;
  const writes = variable.references.filter((reference) => reference.writeExpr);
  const written = writes.length === 1 ? writes[0]?.writeExpr : undefined;
  const created = written && getCreatingMockCall(context, written);
  if (!created) return false;
  const mock = getMockCall(context, created);
  if (mock?.kind === 'spy') return mock.object !== undefined && isDependencyMock(context, unwrapExpression(mock.object), depth + 1);
  return mock?.kind === 'fn' && isCalledOnlyByTheTest(variable, created);
}

/** `vi.fn().mockResolvedValue(x)` is still the `vi.fn()`. */
function getCreatingMockCall(context: Context, value: TSESTree.Node): TSESTree.CallExpression | undefined {
  let node: TSESTree.Node = unwrapExpression(value);
  while (node.type === AST_NODE_TYPES.CallExpression) {
    if (getMockCall(context, node)) return node;
    if (node.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    node = node.callee.object;
  }
  return undefined;
}

/** Every use of the mock is a direct call or an assertion in the function that created it: it observes nothing. */
function isCalledOnlyByTheTest(variable: TSESLint.Scope.Variable, created: TSESTree.Node): boolean {
  const home = getEnclosingFunction(created);
  return variable.references.every((reference) => {
    if (reference.writeExpr) return true;
    const { identifier } = reference;
    const parent = identifier.parent;
    if (getEnclosingFunction(identifier) !== home || parent.type !== AST_NODE_TYPES.CallExpression) return false;
    // `save(…)` or `expect(save)`.
    return parent.callee === identifier || (parent.parent.type === AST_NODE_TYPES.MemberExpression && parent.parent.object === parent);
  });
}

function isImported(context: Context, identifier: TSESTree.Identifier): boolean {
  const origin = getOrigin(context, identifier);
  return (origin?.via === 'import' || origin?.via === 'require') && !TEST_LIBRARIES.has(origin.source);
}

function isOutcomeName(name: string): boolean {
  return RESPONSE_OBJECT.test(name) || LOGGER_OBJECT.test(name);
}

