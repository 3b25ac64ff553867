import {
  AST_NODE_TYPES,
  findVariable,
  getEnclosingFunction,
  getTestAssertions,
  getTestCall,
  isLocalSource,
  isNode,
  type TestBody,
  type TSESLint,
  type TSESTree,
  unwrapExpression,
} from '@prodready/eslint-rule-kit';

import { createRule } from '../create-rule.js';

export type Options = [{ testSupport: string[] }];
export type MessageIds = 'unassertedResult';

type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

// Test support modules: what they return is setup, not the result under test.
const DEFAULT_SUPPORT = /(?:^|[/._-])(?:tests?|__tests__|__mocks__|spec|specs|fixtures?|mocks?|stubs?|fakes?|helpers?|factories|factory|setup|support|seeds?|testing|test-?utils)(?:[/._-]|$)/i;
const LOGGING_OBJECTS = new Set(['console']);

export default createRule<Options, MessageIds>({
  name: 'no-unasserted-result',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow storing what the code under test returns in a test and never reading it',
      recommended: 'recommended',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          testSupport: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Extra regular expressions for import specifiers of test-support modules (factories, builders, seeders) whose return values are setup rather than results; folders such as `test/`, `fixtures/`, `helpers/` and `factories/` are already recognised.',
          },
        },
      },
    ],
    defaultOptions: [{ testSupport: [] }],
    messages: {
      unassertedResult:
        '`{{name}}` holds what `{{callee}}` returned, but nothing reads it, so this test passes whatever the code returns. Assert on `{{name}}`, or call without storing the result if only side effects matter.',
    },
  },
  create(context, [{ testSupport }]) {
    const support = testSupport.map((pattern) => new RegExp(pattern, 'u'));
    const isSupport = (source: string): boolean => DEFAULT_SUPPORT.test(source) || support.some((pattern) => pattern.test(source));

    return {
      CallExpression(node): void {
        if (!node.arguments.some(isFunctionArgument)) return;
        const test = getTestCall(context, node);
        if (test?.kind !== 'test' || !test.body || test.modifiers.includes('todo') || test.modifiers.includes('skip')) return;
        const declarators = getDeclarators(context, test.body);
        if (declarators.length === 0) return;
        // A test without assertions only checks that nothing throws; `expect-expect` rules own that case.
        const { assertions, unknown } = getTestAssertions(context, test.body);
        if (assertions.length === 0 && !unknown) return;
        for (const declarator of declarators) checkDeclarator(context, test.body, declarator, isSupport);
      },
    };
  },
});

function checkDeclarator(
  context: Context,
  body: TestBody,
  declarator: TSESTree.VariableDeclarator,
  isSupport: (source: string) => boolean,
): void {
  const { id } = declarator;
  if (id.type !== AST_NODE_TYPES.Identifier || id.name.startsWith('_') || !declarator.init) return;
  // `using server = …` is read when the block disposes it.
  if (declarator.parent.kind !== 'const' && declarator.parent.kind !== 'let' && declarator.parent.kind !== 'var') return;
  // Cheap AST guard: `(await) sut(…)`, possibly cast.
  const call = getCall(declarator.init);
  if (!call) return;
  const variable = context.sourceCode.getDeclaredVariables(declarator)[0];
  if (!variable || variable.references.some((reference) => reference.isRead() && !isLogged(reference.identifier))) return;
  const source = getSutSource(context, call.callee, 0);
  if (source === undefined || isSupport(source)) return;
  // A result followed by more calls into project code (the code under test or a test helper driving it) is
  // usually setup for them (`const user = await createUser(…); await loginUser(…)`); only the last step of
  // the test, whose result is the outcome, is judged.
  if (hasLaterProjectCall(context, body, declarator)) return;
  context.report({
    node: id,
    // The name only, without its type annotation.
    loc: { start: id.loc.start, end: { line: id.loc.start.line, column: id.loc.start.column + id.name.length } },
    messageId: 'unassertedResult',
    data: { name: id.name, callee: getCalleeText(context, call.callee) },
  });
}

/** Declarators directly in the test body (not in nested callbacks, which run when someone calls them). */
function getDeclarators(context: Context, body: TestBody): TSESTree.VariableDeclarator[] {
  const found: TSESTree.VariableDeclarator[] = [];
  const { visitorKeys } = context.sourceCode;
  const walk = (node: TSESTree.Node): void => {
    if (node.type === AST_NODE_TYPES.VariableDeclarator) found.push(node);
    for (const key of visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const item of child) if (isNode(item) && !isFunctionNode(item)) walk(item);
      } else if (isNode(child) && !isFunctionNode(child)) {
        walk(child);
      }
    }
  };
  walk(body.body);
  return found.filter((declarator) => getEnclosingFunction(declarator) === body);
}

function hasLaterProjectCall(context: Context, body: TestBody, declarator: TSESTree.VariableDeclarator): boolean {
  const after = declarator.range[1];
  const { visitorKeys } = context.sourceCode;
  let found = false;
  const walk = (node: TSESTree.Node): void => {
    if (found || node.range[1] <= after) return;
    if (node.type === AST_NODE_TYPES.CallExpression && node.range[0] >= after) {
      if (getSutSource(context, node.callee, 0) !== undefined) {
        found = true;
        return;
      }
    }
    for (const key of visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const item of child) if (isNode(item)) walk(item);
      } else if (isNode(child)) {
        walk(child);
      }
    }
  };
  walk(body.body);
  return found;
}

function getCall(init: TSESTree.Expression): TSESTree.CallExpression | undefined {
  let node: TSESTree.Node = unwrapExpression(init);
  if (node.type === AST_NODE_TYPES.AwaitExpression) node = unwrapExpression(node.argument);
  return node.type === AST_NODE_TYPES.CallExpression ? node : undefined;
}

/**
 * The project module the callee comes from: `createUser` imported from `./users`, `service.create` where
 * `service` is imported or is `new UserService(…)` of an import. `undefined` for packages, globals and locals.
 */
function getSutSource(context: Context, callee: TSESTree.Node, depth: number): string | undefined {
  let root = unwrapExpression(callee);
  while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrapExpression(root.object);
  if (root.type === AST_NODE_TYPES.CallExpression || root.type === AST_NODE_TYPES.NewExpression) {
    return depth < 2 ? getSutSource(context, root.callee, depth + 1) : undefined;
  }
  if (root.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = findVariable(context, root);
  const def = variable?.defs[0];
  if (!def || variable.defs.length !== 1) return undefined;
  if (def.type === 'ImportBinding') {
    const source = def.parent.type === AST_NODE_TYPES.ImportDeclaration ? def.parent.source.value : undefined;
    // A type-only import cannot be called.
    return source !== undefined && isLocalSource(source) ? source : undefined;
  }
  if (def.type !== 'Variable' || def.parent.kind !== 'const' || !def.node.init || depth >= 2) return undefined;
  const init = unwrapExpression(def.node.init);
  const value = init.type === AST_NODE_TYPES.AwaitExpression ? unwrapExpression(init.argument) : init;
  if (value.type === AST_NODE_TYPES.CallExpression && isRequire(value)) {
    const [arg] = value.arguments;
    return arg?.type === AST_NODE_TYPES.Literal && typeof arg.value === 'string' && isLocalSource(arg.value) ? arg.value : undefined;
  }
  // `const service = new UserService(repo)` (module scope or the test itself), `const { createUser } = require('./users')`.
  if (value.type === AST_NODE_TYPES.NewExpression || value.type === AST_NODE_TYPES.CallExpression) {
    return getSutSource(context, value.callee, depth + 1);
  }
  return undefined;
}

function isRequire(call: TSESTree.CallExpression): boolean {
  return call.callee.type === AST_NODE_TYPES.Identifier && call.callee.name === 'require' && call.arguments.length === 1;
}

/** `console.log(result)`: printing a value checks nothing. */
function isLogged(identifier: TSESTree.Node): boolean {
  const parent = identifier.parent;
  if (parent?.type !== AST_NODE_TYPES.CallExpression || !parent.arguments.includes(identifier as TSESTree.Expression)) return false;
  const callee = unwrapExpression(parent.callee);
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    LOGGING_OBJECTS.has(callee.object.name)
  );
}

function getCalleeText(context: Context, callee: TSESTree.Node): string {
  const text = context.sourceCode.getText(unwrapExpression(callee));
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function isFunctionArgument(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionExpression ||
    node.type === AST_NODE_TYPES.Identifier
  );
}

function isFunctionNode(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionDeclaration
  );
}
