import {
  type Assertion,
  AST_NODE_TYPES,
  findVariable,
  getTestAssertions,
  getTestCall,
  type TestBody,
  type TSESLint,
  type TSESTree,
  unwrapExpression,
} from '@prodready/eslint-rule-kit';

import { createRule } from '../create-rule.js';

export type Options = [];
export type MessageIds = 'existenceOnly';

type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

// Assertion kinds that pin down what the code produced: a value, an error, a response status, a snapshot.
const STRONG_KINDS = new Set<Assertion['kind']>(['value', 'throws', 'rejects', 'status', 'snapshot']);
// A subject whose name says it is a boolean: `toBeTruthy()` on it is `toBe(true)`.
const BOOLEAN_NAME =
  /^(?:is|has|can|should|was|were|did|does|will|are|allow|allows|contains|includes|exists|matches|supports)(?:[A-Z_]|$)|^(?:ok|success|succeeded|successful|valid|enabled|disabled|active|done|found|passed|authorized|authenticated|verified|healthy|ready)$/;
const BOOLEAN_SUFFIX = /[a-z](?:Exists?|Enabled|Disabled|Valid|Found|Matches|Passed|Ready|Allowed|Ok)$/;
// Methods that return a boolean (or a match): `expect(list.includes(id)).toBeTruthy()` checks a value.
// DOM and Testing Library queries: in a UI test the element being there is the behaviour under test.
const PRESENCE_QUERY = /^(?:(?:get|query|find)(?:All)?By[A-Z]\w*|querySelector|querySelectorAll|getElementById|closest)$/;
const BOOLEAN_METHOD = /^(?:is|has|can|should|exists|includes|some|every|startsWith|endsWith|test|match|matches|contains|equals|verify)(?:[A-Z_]|$)/;

export default createRule<Options, MessageIds>({
  name: 'no-existence-only-assertion',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow tests whose strongest check on a computed result is that it exists',
      recommended: 'recommended',
    },
    schema: [],
    messages: {
      existenceOnly:
        'The strongest check in this test is `{{matcher}}` on a value the test computed, so it keeps passing when the code returns the wrong record, an empty list or an error object. Assert on the value itself.',
    },
  },
  create(context) {
    const { text } = context.sourceCode;
    // Text fast path: every existence matcher or assert method has one of these words.
    if (!/toBeDefined|toBeTruthy|toBeNull|toBeUndefined|toBeFalsy|\.ok\b|\bok\(|exist|isDefined|isNotNull|isNotUndefined|assert\(/.test(text)) {
      return {};
    }
    return {
      CallExpression(node): void {
        if (!node.arguments.some(isFunctionArgument)) return;
        const test = getTestCall(context, node);
        if (test?.kind !== 'test' || !test.body || test.modifiers.includes('todo')) return;
        const { assertions, unknown } = getTestAssertions(context, test.body);
        // `it('returns true when…')`: the author checks a boolean, as `toBe(true)` would.
        if (unknown || (test.name && /\b(?:true|truthy)\b/i.test(context.sourceCode.getText(test.name)))) return;
        let existence: Assertion | undefined;
        for (const assertion of assertions) {
          if (STRONG_KINDS.has(assertion.kind)) return;
          if (assertion.kind !== 'existence' || !assertion.subject) continue;
          // `expect(isAdmin(user)).toBeTruthy()` is a boolean check, as strong as `toBe(true)`; a found DOM node is the UI's behaviour.
          if (isBooleanLike(context, assertion.subject, 0) || hasBooleanType(context, assertion.subject)) return;
          if (!existence && isComputedInTest(context, assertion.subject, test.body)) existence = assertion;
        }
        if (!existence) return;
        const matcher = `${existence.negated ? 'not.' : ''}${existence.matcher}`;
        context.report({ node: test.name ?? node.callee, messageId: 'existenceOnly', data: { matcher } });
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

/**
 * `toBeTruthy()` on a boolean (`isAdmin(user)`, `a === b`, `res.ok`, `const fileExists = await exists(path)`)
 * or on a DOM query is a real value check.
 */
function isBooleanLike(context: Context, subject: TSESTree.Node, depth: number): boolean {
  const node = unwrapExpression(subject);
  switch (node.type) {
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.LogicalExpression:
    case AST_NODE_TYPES.UnaryExpression:
      return true;
    case AST_NODE_TYPES.Identifier: {
      if (BOOLEAN_NAME.test(node.name) || BOOLEAN_SUFFIX.test(node.name)) return true;
      const init = depth === 0 ? getConstInit(context, node) : undefined;
      return init !== undefined && isBooleanLike(context, init, depth + 1);
    }
    case AST_NODE_TYPES.MemberExpression:
      return (
        node.property.type === AST_NODE_TYPES.Identifier &&
        (BOOLEAN_NAME.test(node.property.name) || BOOLEAN_SUFFIX.test(node.property.name))
      );
    case AST_NODE_TYPES.CallExpression: {
      const callee = unwrapExpression(node.callee);
      const name =
        callee.type === AST_NODE_TYPES.Identifier
          ? callee.name
          : callee.type === AST_NODE_TYPES.MemberExpression && callee.property.type === AST_NODE_TYPES.Identifier
            ? callee.property.name
            : undefined;
      return name !== undefined && (BOOLEAN_METHOD.test(name) || BOOLEAN_SUFFIX.test(name) || PRESENCE_QUERY.test(name));
    }
    default:
      return false;
  }
}

/** With type information (never required): the subject's type is `boolean`, `true` or `false`. */
function hasBooleanType(context: Context, subject: TSESTree.Node): boolean {
  const services = context.sourceCode.parserServices;
  const map = services?.esTreeNodeToTSNodeMap;
  if (!services?.program || !map?.has(subject)) return false;
  const checker = services.program.getTypeChecker();
  const text = checker.typeToString(checker.getTypeAtLocation(map.get(subject)));
  return text === 'boolean' || text === 'true' || text === 'false';
}

function getConstInit(context: Context, identifier: TSESTree.Identifier): TSESTree.Node | undefined {
  const variable = findVariable(context, identifier);
  const def = variable?.defs[0];
  if (variable?.defs.length !== 1 || def?.type !== 'Variable' || def.parent.kind !== 'const') return undefined;
  return def.node.init ?? undefined;
}

/**
 * The subject comes from the test's own work: it contains a call (`expect(await getUser(1))`) or its root
 * variable is declared in the test body (`const user = await getUser(1)`). A service resolved in a
 * `beforeEach` (`expect(service).toBeDefined()`, the NestJS scaffold) is a wiring smoke test, not a result.
 */
function isComputedInTest(context: Context, subject: TSESTree.Node, body: TestBody, depth = 0): boolean {
  let node = unwrapExpression(subject);
  for (;;) {
    if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) return true;
    if (node.type === AST_NODE_TYPES.MemberExpression) node = unwrapExpression(node.object);
    else break;
  }
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVariable(context, node);
  const def = variable?.defs[0];
  if (def?.type !== 'Variable' || !isInside(def.node, body)) return false;
  // `const schema = oas.components.schemas.User` only re-reads data a hook computed.
  const init = def.node.init;
  return !init || depth > 0 || isComputedInTest(context, init, body, depth + 1) || !isPlainRead(init);
}

/** An identifier or a property chain on one, with no call in it. */
function isPlainRead(node: TSESTree.Node): boolean {
  let current = unwrapExpression(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) current = unwrapExpression(current.object);
  return current.type === AST_NODE_TYPES.Identifier;
}

function isInside(node: TSESTree.Node, body: TestBody): boolean {
  return node.range[0] >= body.range[0] && node.range[1] <= body.range[1];
}
