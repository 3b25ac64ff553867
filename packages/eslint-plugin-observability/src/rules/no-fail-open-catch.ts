import {
  allowOptionSchema,
  AST_NODE_TYPES,
  getEnclosingFunction,
  getStaticPropertyName,
  isInTestFile,
  isNode,
  type TSESLint,
  type TSESTree,
  unwrapExpression,
} from '@prodready/eslint-rule-kit';

import { createRule } from '../create-rule.js';

export type Options = [{ allow: string[] }];
export type MessageIds = 'failOpen';

type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;
type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

// Words in a function name that say it decides who gets in.
const ACCESS_WORDS = new Set([
  'auth', 'authz', 'authn', 'authorize', 'authorized', 'authorization', 'authenticate', 'authenticated', 'authentication',
  'permission', 'permissions', 'permitted', 'allowed', 'access', 'admin', 'role', 'roles', 'token', 'jwt', 'session',
  'signature', 'guard', 'acl', 'policy', 'owner', 'ownership', 'entitled', 'entitlement', 'protect', 'csrf', 'apikey',
  'activate',
]);
// `isTokenExpired`, `isBlocked`: `true` is the denial.
const NEGATIVE_WORDS = new Set([
  'expired', 'invalid', 'blocked', 'banned', 'revoked', 'denied', 'forbidden', 'locked', 'disabled', 'suspended', 'limited',
  'blacklisted', 'missing', 'stale',
]);
const GRANT_KEYS = new Set(['allowed', 'authorized', 'authenticated', 'valid', 'isValid', 'permitted', 'granted', 'allow']);
const DENY_STATUSES = new Set([401, 403]);

export default createRule<Options, MessageIds>({
  name: 'no-fail-open-catch',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow granting access from the `catch` of an authentication or permission check',
      recommended: 'strict',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allow: { ...allowOptionSchema, description: 'Function names whose `catch` may allow access (a deliberate fail-open for an optional check).' },
        },
      },
    ],
    defaultOptions: [{ allow: [] }],
    messages: {
      failOpen:
        'This `catch` grants access when the check in `{{name}}` fails, so an expired token, a malformed header or an outage of the identity provider lets the request through. Deny access (return `false`, respond 401/503) when the check cannot complete.',
    },
  },
  create(context, [{ allow }]) {
    if (isInTestFile(context) || !context.sourceCode.text.includes('catch')) return {};
    const allowed = new Set(allow);

    return {
      CatchClause(node): void {
        const fn = getEnclosingFunction(node);
        if (!fn) return;
        const name = getFunctionName(fn);
        if (name === undefined || allowed.has(name) || !isAccessName(name)) return;
        const grant = findGrant(context, node.body, fn);
        if (!grant || !hasDenyPath(context, fn, node)) return;
        context.report({ node: grant, messageId: 'failOpen', data: { name } });
      },
    };
  },
});

function getFunctionName(fn: FunctionNode): string | undefined {
  if (fn.id) return fn.id.name;
  const parent = fn.parent;
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
  if (parent.type === AST_NODE_TYPES.MethodDefinition || parent.type === AST_NODE_TYPES.Property || parent.type === AST_NODE_TYPES.PropertyDefinition) {
    return getStaticPropertyName(parent);
  }
  return undefined;
}

function isAccessName(name: string): boolean {
  const words = name
    .replaceAll(/([a-z\d])([A-Z])/g, '$1 $2')
    .replaceAll(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z\d]+/)
    .filter(Boolean);
  if (words.some((word) => NEGATIVE_WORDS.has(word))) return false;
  return words[0] === 'can' || words.some((word) => ACCESS_WORDS.has(word));
}

/** `return true`, `return { allowed: true }`, or a bare `next()` of the middleware, in the handler's own code. */
function findGrant(context: Context, body: TSESTree.BlockStatement, fn: FunctionNode): TSESTree.Node | undefined {
  const next = getNextParameter(fn);
  let found: TSESTree.Node | undefined;
  walkOwn(context, body, (node) => {
    if (found) return;
    if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument && isGrantValue(node.argument)) found = node;
    if (
      next &&
      node.type === AST_NODE_TYPES.CallExpression &&
      node.arguments.length === 0 &&
      node.callee.type === AST_NODE_TYPES.Identifier &&
      node.callee.name === next
    ) {
      found = node;
    }
  });
  return found;
}

function isGrantValue(input: TSESTree.Node): boolean {
  const node = unwrapExpression(input);
  if (node.type === AST_NODE_TYPES.Literal) return node.value === true;
  if (node.type !== AST_NODE_TYPES.ObjectExpression) return false;
  return node.properties.some((property) => {
    if (property.type !== AST_NODE_TYPES.Property) return false;
    const key = getStaticPropertyName(property);
    const value = unwrapExpression(property.value);
    return key !== undefined && GRANT_KEYS.has(key) && value.type === AST_NODE_TYPES.Literal && value.value === true;
  });
}

/** Express-style middleware `(req, res, next)`: the name of `next`. */
function getNextParameter(fn: FunctionNode): string | undefined {
  const third = fn.params[2];
  return fn.params.length === 3 && third?.type === AST_NODE_TYPES.Identifier ? third.name : undefined;
}

/**
 * Return-usage evidence that the function decides access: outside the `catch` it also denies —
 * `return false`, a 401/403 response, `next(error)`, or a `throw`.
 */
function hasDenyPath(context: Context, fn: FunctionNode, handler: TSESTree.CatchClause): boolean {
  const next = getNextParameter(fn);
  let found = false;
  walkOwn(context, fn.body, (node) => {
    if (found || (node.range[0] >= handler.range[0] && node.range[1] <= handler.range[1])) return;
    if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument) {
      const value = unwrapExpression(node.argument);
      if (value.type === AST_NODE_TYPES.Literal && value.value === false) found = true;
    }
    if (node.type === AST_NODE_TYPES.ThrowStatement) found = true;
    if (node.type !== AST_NODE_TYPES.CallExpression) return;
    const callee = unwrapExpression(node.callee);
    if (next && callee.type === AST_NODE_TYPES.Identifier && callee.name === next && node.arguments.length > 0) found = true;
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const method = getStaticPropertyName(callee);
      const [status] = node.arguments;
      if ((method === 'status' || method === 'sendStatus' || method === 'code') && status?.type === AST_NODE_TYPES.Literal && DENY_STATUSES.has(Number(status.value))) {
        found = true;
      }
    }
  });
  return found;
}

/** Visit `root` without entering nested functions. */
function walkOwn(context: Context, root: TSESTree.Node, visit: (node: TSESTree.Node) => void): void {
  const { visitorKeys } = context.sourceCode;
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as TSESTree.Node;
    if (
      node !== root &&
      (node.type === AST_NODE_TYPES.ArrowFunctionExpression || node.type === AST_NODE_TYPES.FunctionExpression || node.type === AST_NODE_TYPES.FunctionDeclaration)
    ) {
      continue;
    }
    visit(node);
    for (const key of visitorKeys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      for (const child of Array.isArray(value) ? value : [value]) if (isNode(child)) stack.push(child);
    }
  }
}
