import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { type Assertion, getAssertion } from './get-assertion.js';
import { getTestCall, type TestBody } from './get-test-call.js';
import { isNode } from '../../ast/is-node.js';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** The assertions a test body makes. */
export interface TestAssertions {
  readonly assertions: readonly Assertion[];
  /**
   * The body calls an assertion helper the kit cannot see into (`expectValidUser(user)` imported from
   * another file, `assertCreated(res)`): its strength is unknown, so rules judging strength stay silent.
   */
  readonly unknown: boolean;
}

// Helpers named like assertions: `expectValidUser`, `assertCreated`, `verify_response`.
const ASSERTION_HELPER = /^(?:expect|assert|verify|check|ensure|should)[A-Z_]/;
const HELPER_DEPTH = 2;
const cache = new WeakMap<TSESTree.Node, TestAssertions>();

/**
 * Every assertion (see `getAssertion`) in a test body, including those in functions declared in the same
 * file and called from it (two levels deep). Nested `t.test()` subtests are left to be judged on their own.
 * Memoized per body.
 */
export function getTestAssertions(context: AnyContext, body: TestBody): TestAssertions {
  return summarise(context, body, 0);
}

function summarise(context: AnyContext, fn: TestBody, depth: number): TestAssertions {
  const cached = cache.get(fn);
  if (cached) return cached;
  const assertions: Assertion[] = [];
  const summary = { assertions, unknown: false };
  // Set before walking so recursive helpers terminate.
  cache.set(fn, summary);
  const { visitorKeys } = context.sourceCode;
  const visit = (node: TSESTree.Node): boolean => {
    if (node.type === AST_NODE_TYPES.MemberExpression) {
      const assertion = getAssertion(context, node);
      if (assertion) assertions.push(assertion);
      return true;
    }
    if (node.type !== AST_NODE_TYPES.CallExpression) return true;
    // A nested test (`t.test`) is judged on its own.
    if (
      node.callee.type === AST_NODE_TYPES.MemberExpression &&
      node.callee.property.type === AST_NODE_TYPES.Identifier &&
      node.callee.property.name === 'test' &&
      getTestCall(context, node)?.kind === 'test'
    ) {
      return false;
    }
    const assertion = getAssertion(context, node);
    if (assertion) {
      assertions.push(assertion);
      return true;
    }
    const helper = getSameFileFunction(context, node.callee);
    if (helper && depth < HELPER_DEPTH) {
      const inner = summarise(context, helper, depth + 1);
      assertions.push(...inner.assertions);
      summary.unknown ||= inner.unknown;
    } else if (!helper && !isChainBase(node) && ASSERTION_HELPER.test(getCalleeName(node.callee) ?? '')) {
      summary.unknown = true;
    }
    return true;
  };
  const walk = (node: TSESTree.Node): void => {
    if (!visit(node)) return;
    for (const key of visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const item of child) if (isNode(item)) walk(item);
      } else if (isNode(child)) {
        walk(child);
      }
    }
  };
  walk(fn.body);
  return summary;
}

/** `check(x)` in `check(x).toBe(1)`: an aliased `expect`, resolved at the end of its chain. */
function isChainBase(node: TSESTree.CallExpression): boolean {
  return node.parent.type === AST_NODE_TYPES.MemberExpression && node.parent.object === node;
}

function getCalleeName(callee: TSESTree.Node): string | undefined {
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression && callee.property.type === AST_NODE_TYPES.Identifier) {
    return callee.property.name;
  }
  return undefined;
}

/** A function declared in this file and called by name: `function expectCreated(res) { … }`. */
function getSameFileFunction(context: AnyContext, callee: TSESTree.Node): TestBody | undefined {
  if (callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(callee), callee);
  const def = variable?.defs[0];
  if (!def || variable.defs.length !== 1) return undefined;
  if (def.node.type === AST_NODE_TYPES.FunctionDeclaration) return def.node;
  if (
    def.node.type === AST_NODE_TYPES.VariableDeclarator &&
    (def.node.init?.type === AST_NODE_TYPES.ArrowFunctionExpression || def.node.init?.type === AST_NODE_TYPES.FunctionExpression)
  ) {
    return def.node.init;
  }
  return undefined;
}
