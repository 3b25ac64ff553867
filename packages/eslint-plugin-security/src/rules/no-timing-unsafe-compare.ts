import {
  allowOptionSchema,
  AST_NODE_TYPES,
  findVariable,
  getEnvVarName,
  getOrigin,
  getStaticPropertyName,
  getTaint,
  isInTestFile,
  isOrigin,
  isSecretName,
  type TSESLint,
  type TSESTree,
  unwrapExpression,
} from '@prodready/eslint-rule-kit';

import { createRule } from '../create-rule.js';

export type Options = [{ allow: string[] }];
export type MessageIds = 'timingUnsafeCompare';

type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

const EQUALITY = new Set(['===', '!==', '==', '!=']);
// Values that are secret because of what they verify: signatures and MACs.
const SIGNATURE_NAME = /(?:^|_)(?:SIGNATURE|SIG|HMAC|MAC|DIGEST)$/;
const PASSWORD_NAME = /(?:^|_)(?:PASSWORD|PASSWD|PASSPHRASE|PWD)$/;
const HMAC_DIGEST_LABEL = 'HMAC digest';

export default createRule<Options, MessageIds>({
  name: 'no-timing-unsafe-compare',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow comparing secrets and signatures with request input using `===`',
      recommended: 'recommended',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allow: { ...allowOptionSchema, description: 'Secret variable, property or environment variable names never reported.' },
        },
      },
    ],
    defaultOptions: [{ allow: [] }],
    messages: {
      timingUnsafeCompare:
        '`{{name}}` is compared with request input using `{{operator}}`, which returns as soon as one character differs: an attacker can time the responses and recover the secret byte by byte. Compare equal-length buffers with `crypto.timingSafeEqual()`.',
    },
  },
  create(context, [{ allow }]) {
    if (isInTestFile(context)) return {};
    const allowed = new Set(allow);

    function getSecretLabel(node: TSESTree.Node): string | undefined {
      const name = getSecretName(context, node);
      return name === undefined || allowed.has(name) ? undefined : name;
    }

    return {
      BinaryExpression(node): void {
        if (!EQUALITY.has(node.operator) || isTrivial(node.left) || isTrivial(node.right)) return;
        const leftSecret = getSecretLabel(node.left);
        const rightSecret = getSecretLabel(node.right);
        if (leftSecret === undefined && rightSecret === undefined) return;
        const leftTainted = getTaint(context, node.left) !== undefined;
        const rightTainted = getTaint(context, node.right) !== undefined;
        // Both sides from the request (`password === confirmPassword`) compare nothing secret.
        if (leftTainted === rightTainted) return;
        const name = leftTainted ? rightSecret : leftSecret;
        if (name === undefined) return;
        context.report({ node, messageId: 'timingUnsafeCompare', data: { name, operator: node.operator } });
      },
    };
  },
});

/** `null`, `undefined`, literals and `typeof`/`.length` checks never hold a secret. */
function isTrivial(node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  if (value.type === AST_NODE_TYPES.Literal || value.type === AST_NODE_TYPES.TemplateLiteral) return true;
  if (value.type === AST_NODE_TYPES.Identifier) return value.name === 'undefined';
  if (value.type === AST_NODE_TYPES.UnaryExpression) return true;
  return value.type === AST_NODE_TYPES.MemberExpression && getStaticPropertyName(value) === 'length';
}

/**
 * The name of the secret `node` holds: an HMAC digest (`createHmac(…).update(…).digest('hex')`, directly or
 * through a `const`), a secret environment variable, or a value named like a secret or a signature.
 */
function getSecretName(context: Context, node: TSESTree.Node): string | undefined {
  const value = unwrapExpression(node);
  if (isHmacDigest(context, value)) return HMAC_DIGEST_LABEL;
  const envName = getEnvVarName(context, value);
  if (envName !== undefined) return isSecretName(envName, 'env') ? envName : undefined;
  const name =
    value.type === AST_NODE_TYPES.Identifier
      ? value.name
      : value.type === AST_NODE_TYPES.MemberExpression
        ? getStaticPropertyName(value)
        : undefined;
  if (name === undefined) return undefined;
  if (value.type === AST_NODE_TYPES.Identifier && isHmacVariable(context, value)) return name;
  const words = toWords(name);
  // Passwords are compared as hashes (or are a plaintext-storage problem); `password !== verify` is a form check.
  if (PASSWORD_NAME.test(words)) return undefined;
  return isSecretName(name) || SIGNATURE_NAME.test(words) ? name : undefined;
}

function isHmacVariable(context: Context, id: TSESTree.Identifier): boolean {
  const variable = findVariable(context, id);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  return def?.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init !== null && isHmacDigest(context, unwrapExpression(def.node.init));
}

/** `crypto.createHmac('sha256', secret).update(body).digest('hex')`. */
function isHmacDigest(context: Context, node: TSESTree.Node): boolean {
  let current = node;
  while (current.type === AST_NODE_TYPES.CallExpression && current.callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = getStaticPropertyName(current.callee);
    if (method !== 'digest' && method !== 'update' && method !== 'toString') break;
    current = unwrapExpression(current.callee.object);
  }
  if (current === node || current.type !== AST_NODE_TYPES.CallExpression) return false;
  return isOrigin(getOrigin(context, current.callee), { source: 'crypto', path: ['createHmac'] });
}

function toWords(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase();
}
