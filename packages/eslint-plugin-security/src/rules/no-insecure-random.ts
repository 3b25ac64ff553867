import {
  allowOptionSchema,
  AST_NODE_TYPES,
  findVariable,
  getOrigin,
  getStaticPropertyName,
  isInTestFile,
  isOrigin,
  isSecretName,
  type TSESTree,
} from '@prodready/eslint-rule-kit';

import { createRule } from '../create-rule.js';

export type Options = [{ allow: string[] }];
export type MessageIds = 'insecureRandom';

const MAX_HOPS = 4;
// Names `isSecretName` leaves out on purpose (`resetToken` is a qualified name there) but that, holding a random
// value, are the credential itself: one-time codes, nonces, session ids, reset and invite links.
const RANDOM_SECRET_NAME =
  /(?:^|_)(?:OTP|TOTP|NONCE|CSRF|XSRF|SALT|SESSION_?ID|SID|(?:RESET|INVITE|INVITATION|VERIFY|VERIFICATION|CONFIRM|CONFIRMATION|ACTIVATION|MAGIC|LOGIN|RECOVERY|REFRESH|ACCESS|AUTH|API)_(?:TOKEN|CODE|LINK|URL|KEY|SECRET)|(?:VERIFICATION|VERIFY|CONFIRMATION|SECURITY|RECOVERY|BACKUP|ONE_TIME|MFA|TWO_FA|SMS|EMAIL|PHONE|LOGIN|AUTH|RESET|INVITE|OTP)_(?:CODE|PIN)|TEMP(?:ORARY)?_?PASS(?:WORD)?|PASSCODE)(?:$|_)/;
// Verbs a generator function starts with: `generateOtp`, `createResetToken`, `makeSalt`.
const GENERATOR_VERB = /^(?:generate|gen|create|make|new|build|random|get|issue|mint)(?=[A-Z_])/;
// Calls and methods that keep the randomness of their input in their result.
const PROPAGATING_FUNCTIONS = new Set(['Math.floor', 'Math.round', 'Math.ceil', 'Math.trunc', 'Math.abs', 'String', 'Number']);
const PROPAGATING_METHODS = new Set([
  'toString',
  'slice',
  'substring',
  'substr',
  'padStart',
  'padEnd',
  'toUpperCase',
  'toLowerCase',
  'join',
  'concat',
  'replace',
  'replaceAll',
  'toFixed',
  'repeat',
]);

export default createRule<Options, MessageIds>({
  name: 'no-insecure-random',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow `Math.random()` for tokens, passwords, one-time codes and other secrets',
      recommended: 'recommended',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allow: { ...allowOptionSchema, description: 'Variable, property or function names never reported.' },
        },
      },
    ],
    defaultOptions: [{ allow: [] }],
    messages: {
      insecureRandom:
        '`Math.random()` feeds `{{name}}`, but its output is predictable: an attacker who sees a few values can compute the next tokens, codes or passwords and take over accounts. Use `crypto.randomBytes()`, `crypto.randomInt()` or `crypto.randomUUID()`.',
    },
  },
  create(context, [{ allow }]) {
    if (isInTestFile(context) || !context.sourceCode.text.includes('random')) return {};
    const allowed = new Set(allow);

    function isSecretTarget(name: string | undefined): name is string {
      if (name === undefined || allowed.has(name)) return false;
      return isSecretName(name) || RANDOM_SECRET_NAME.test(toWords(name));
    }

    function isSecretFunction(name: string | undefined): name is string {
      if (name === undefined || allowed.has(name)) return false;
      const noun = name.replace(GENERATOR_VERB, '');
      return noun !== name && isSecretTarget(noun);
    }

    /** The secret name the value of `start` ends up under, following locals through at most `MAX_HOPS` variables. */
    function getSecretTarget(start: TSESTree.Node, hops: number): string | undefined {
      let node = start;
      for (;;) {
        const { parent } = node;
        if (!parent) return undefined;
        const next = getPropagatedParent(node, parent);
        if (next) {
          node = next;
          continue;
        }
        switch (parent.type) {
          case AST_NODE_TYPES.VariableDeclarator: {
            if (parent.init !== node || parent.id.type !== AST_NODE_TYPES.Identifier) return undefined;
            if (isSecretTarget(parent.id.name)) return parent.id.name;
            return hops < MAX_HOPS ? getTargetThroughVariable(parent.id, hops + 1) : undefined;
          }
          case AST_NODE_TYPES.AssignmentExpression: {
            if (parent.right !== node) return undefined;
            const name = getAssignedName(parent.left);
            if (isSecretTarget(name)) return name;
            if (parent.left.type === AST_NODE_TYPES.Identifier && hops < MAX_HOPS) {
              return getTargetThroughVariable(parent.left, hops + 1);
            }
            return undefined;
          }
          case AST_NODE_TYPES.Property: {
            if (parent.value !== node || parent.parent.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
            const name = getStaticPropertyName(parent);
            return isSecretTarget(name) ? name : undefined;
          }
          case AST_NODE_TYPES.ReturnStatement:
            return getFunctionTarget(parent);
          case AST_NODE_TYPES.ArrowFunctionExpression:
            return parent.body === node ? getFunctionTarget(parent) : undefined;
          default:
            return undefined;
        }
      }
    }

    function getTargetThroughVariable(id: TSESTree.Identifier, hops: number): string | undefined {
      const variable = findVariable(context, id);
      if (!variable) return undefined;
      for (const reference of variable.references) {
        if (!reference.isRead() || reference.identifier === id) continue;
        const target = getSecretTarget(reference.identifier, hops);
        if (target !== undefined) return target;
      }
      return undefined;
    }

    function getFunctionTarget(node: TSESTree.Node): string | undefined {
      const fn = getEnclosing(node);
      const name = fn && getFunctionName(fn);
      return isSecretFunction(name) || isSecretTarget(name) ? name : undefined;
    }

    return {
      CallExpression(node): void {
        const { callee } = node;
        if (callee.type !== AST_NODE_TYPES.MemberExpression || getStaticPropertyName(callee) !== 'random') return;
        if (!isOrigin(getOrigin(context, callee), { source: 'global', path: ['Math', 'random'] })) return;
        const name = getSecretTarget(node, 0);
        if (name !== undefined) context.report({ node, messageId: 'insecureRandom', data: { name } });
      },
    };
  },
});

type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

/**
 * The expression that carries `node`'s value one step further: arithmetic, templates, `+`, rounding,
 * `.toString(36).slice(2)`, `chars[Math.floor(Math.random() * n)]`, `Array.from({ length }, () => …).join('')`.
 */
function getPropagatedParent(node: TSESTree.Node, parent: TSESTree.Node): TSESTree.Node | undefined {
  switch (parent.type) {
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.ChainExpression:
    case AST_NODE_TYPES.ArrayExpression:
      return parent;
    case AST_NODE_TYPES.MemberExpression:
      // `chars[index]` carries the index's randomness; `.toString` is handled by the call around it.
      if (parent.computed && parent.property === node) return parent;
      if (parent.object === node && parent.parent.type === AST_NODE_TYPES.CallExpression && parent.parent.callee === parent) {
        const method = getStaticPropertyName(parent);
        return method !== undefined && PROPAGATING_METHODS.has(method) ? parent.parent : undefined;
      }
      return undefined;
    case AST_NODE_TYPES.CallExpression: {
      if (!parent.arguments.includes(node as TSESTree.CallExpressionArgument)) return undefined;
      const name = getCalleeText(parent.callee);
      return name !== undefined && PROPAGATING_FUNCTIONS.has(name) ? parent : undefined;
    }
    case AST_NODE_TYPES.ArrowFunctionExpression: {
      // `Array.from({ length: 6 }, () => Math.floor(Math.random() * 10))`, `.map(() => chars[…])`
      if (parent.body !== node || parent.parent.type !== AST_NODE_TYPES.CallExpression) return undefined;
      const call = parent.parent;
      const name = getCalleeText(call.callee);
      if (name === 'Array.from') return call;
      if (call.callee.type === AST_NODE_TYPES.MemberExpression && getStaticPropertyName(call.callee) === 'map') return call;
      return undefined;
    }
    default:
      return undefined;
  }
}

function getCalleeText(callee: TSESTree.Node): string | undefined {
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier) {
    const property = getStaticPropertyName(callee);
    return property === undefined ? undefined : `${callee.object.name}.${property}`;
  }
  return undefined;
}

function getAssignedName(left: TSESTree.Node): string | undefined {
  if (left.type === AST_NODE_TYPES.Identifier) return left.name;
  if (left.type === AST_NODE_TYPES.MemberExpression) return getStaticPropertyName(left);
  return undefined;
}

function getEnclosing(node: TSESTree.Node): FunctionNode | undefined {
  if (
    node.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionDeclaration
  ) {
    return node;
  }
  for (let current = node.parent; current; current = current.parent) {
    if (
      current.type === AST_NODE_TYPES.ArrowFunctionExpression ||
      current.type === AST_NODE_TYPES.FunctionExpression ||
      current.type === AST_NODE_TYPES.FunctionDeclaration
    ) {
      return current;
    }
  }
  return undefined;
}

/** `function generateOtp()`, `const makeSalt = () => …`, `{ createToken() {} }`, `class { newSessionId() {} }`. */
function getFunctionName(fn: FunctionNode): string | undefined {
  if (fn.id) return fn.id.name;
  const { parent } = fn;
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
  if (parent.type === AST_NODE_TYPES.Property || parent.type === AST_NODE_TYPES.MethodDefinition) {
    return getStaticPropertyName(parent);
  }
  if (parent.type === AST_NODE_TYPES.PropertyDefinition && parent.key.type === AST_NODE_TYPES.Identifier) return parent.key.name;
  return undefined;
}

function toWords(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase();
}
