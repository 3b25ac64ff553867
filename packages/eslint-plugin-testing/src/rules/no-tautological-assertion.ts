import {
  AST_NODE_TYPES,
  type Assertion,
  getAssertion,
  type TSESLint,
  type TSESTree,
  unwrapExpression,
} from '@prodready/eslint-rule-kit';

import { createRule } from '../create-rule.js';

export type Options = [];
export type MessageIds = 'comparesToItself' | 'constantAssertion';

type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

// Matchers and assert methods that pass when both sides are equal.
const EQUALITY = new Set([
  'toBe', 'toEqual', 'toStrictEqual', 'toMatchObject', 'equal', 'equals', 'eq', 'eql', 'strictEqual', 'deepEqual',
  'deepStrictEqual', 'partialDeepStrictEqual', 'sameMembers', 'sameDeepMembers',
]);
// Matchers and assert methods that pass for any truthy or defined subject.
const TRUTHY = new Set(['toBeTruthy', 'toBeDefined', 'ok', 'isOk', 'exist', 'exists', 'isDefined', 'isNotNull', 'isNotUndefined']);

export default createRule<Options, MessageIds>({
  name: 'no-tautological-assertion',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow assertions that compare a value with itself or check a constant',
      recommended: 'recommended',
    },
    schema: [],
    messages: {
      comparesToItself:
        'This assertion compares a value with the same expression, so it passes whatever the code under test does. Compare against an independently written expected value.',
      constantAssertion:
        'This assertion only checks a constant, so it passes whatever the code under test does. Assert on a value the code under test produced.',
    },
  },
  create(context) {
    const { text } = context.sourceCode;
    if (!text.includes('expect') && !text.includes('assert')) return {};

    function check(node: TSESTree.CallExpression | TSESTree.MemberExpression): void {
      const assertion = getAssertion(context, node);
      if (!assertion?.subject || assertion.negated) return;
      const messageId = getProblem(context, assertion);
      if (messageId) context.report({ node, messageId });
    }

    return {
      CallExpression: check,
      // chai property assertions: `expect(true).to.be.ok`
      MemberExpression: check,
    };
  },
});

function getProblem(context: Context, { kind, matcher, subject, expected }: Assertion): MessageIds | undefined {
  if (!subject || (kind !== 'value' && kind !== 'existence')) return undefined;
  const actual = unwrapExpression(subject);
  if (expected && EQUALITY.has(matcher)) {
    const other = unwrapExpression(expected);
    if (isConstant(actual) && isConstant(other)) {
      return getConstantKey(actual) === getConstantKey(other) ? 'constantAssertion' : undefined;
    }
    // `new Foo()` twice makes two objects: comparing their shape is a real check.
    if (actual.type === AST_NODE_TYPES.NewExpression) return undefined;
    return isSameTokens(context, actual, other) ? 'comparesToItself' : undefined;
  }
  // The second argument of `assert(x, message)` is a message, not an expected value.
  if (isConstant(actual) && (TRUTHY.has(matcher) || (matcher === 'true' && expected === undefined))) {
    // `assert(false)` marks unreachable code; only a truthy constant makes a check pass by itself.
    return isTruthyConstant(actual) && (matcher !== 'true' || getConstantKey(actual) === 'boolean:true')
      ? 'constantAssertion'
      : undefined;
  }
  return undefined;
}

function isConstant(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Literal) return !('regex' in node && node.regex);
  if (node.type === AST_NODE_TYPES.TemplateLiteral) return node.expressions.length === 0;
  if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '-') return node.argument.type === AST_NODE_TYPES.Literal;
  return false;
}

/** A key equal for equal constants: `'a'` and `` `a` `` match, `1` and `'1'` do not. */
function getConstantKey(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Literal) return `${typeof node.value}:${String(node.value)}`;
  if (node.type === AST_NODE_TYPES.TemplateLiteral) return `string:${node.quasis[0]?.value.cooked ?? ''}`;
  if (node.type === AST_NODE_TYPES.UnaryExpression && node.argument.type === AST_NODE_TYPES.Literal) {
    return `${typeof node.argument.value}:-${String(node.argument.value)}`;
  }
  return undefined;
}

function isTruthyConstant(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Literal) return Boolean(node.value);
  if (node.type === AST_NODE_TYPES.TemplateLiteral) return (node.quasis[0]?.value.cooked ?? '') !== '';
  return node.type === AST_NODE_TYPES.UnaryExpression && node.argument.type === AST_NODE_TYPES.Literal && Boolean(node.argument.value);
}

/** The same code on both sides: `add(1, 2)` and `add(1, 2)`, `user.id` and `user.id`. */
function isSameTokens(context: Context, a: TSESTree.Node, b: TSESTree.Node): boolean {
  const left = context.sourceCode.getTokens(a);
  const right = context.sourceCode.getTokens(b);
  return left.length === right.length && left.every((token, i) => token.type === right[i]?.type && token.value === right[i]?.value);
}
