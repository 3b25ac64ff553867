import {
  allowOptionSchema,
  AST_NODE_TYPES,
  findVariable,
  getOrigin,
  getStaticPropertyName,
  isInTestFile,
  isOrigin,
  type TSESTree,
  unwrapExpression,
} from '@prodready/eslint-rule-kit';

import { createRule } from '../create-rule.js';

export type Options = [{ allow: string[] }];
export type MessageIds = 'noIv' | 'staticIv' | 'weakAlgorithm';

// Broken or 64-bit-block ciphers (DES, 3DES, RC2, RC4, Blowfish, CAST, IDEA) and ECB mode of any cipher.
const WEAK_ALGORITHM = /^(?:des|des3|des-ede\d?|rc2|rc4|bf|blowfish|cast5?|idea|seed)(?:$|-)|-ecb$|^id-aes\d+-wrap$/i;
const CIPHER_FUNCTIONS = new Set(['createCipher', 'createDecipher', 'createCipheriv', 'createDecipheriv']);

export default createRule<Options, MessageIds>({
  name: 'no-deprecated-cipher',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow deprecated and broken ciphers, ECB mode and fixed IVs in `node:crypto`',
      recommended: 'recommended',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allow: { ...allowOptionSchema, description: 'Algorithm names never reported (for decrypting legacy data).' },
        },
      },
    ],
    defaultOptions: [{ allow: [] }],
    messages: {
      noIv: '`crypto.{{name}}()` derives the key and IV from the password with one round of MD5 and reuses the same IV for every message, so equal plaintexts give equal ciphertexts and the key is cheap to brute-force; it was removed in Node.js 22. Use `crypto.{{name}}iv()` with a random IV and an AEAD cipher such as `aes-256-gcm`.',
      weakAlgorithm:
        '`{{algorithm}}` is broken or leaks patterns (DES/3DES/RC4/RC2/Blowfish, ECB mode): stored data encrypted with it can be read or tampered with. Use `aes-256-gcm` with a random 12-byte IV.',
      staticIv:
        'This IV is fixed, so every message encrypted with this key starts from the same state: equal plaintexts give equal ciphertexts, and with GCM or CTR a reused IV exposes the key stream. Generate it per message with `crypto.randomBytes()` and store it beside the ciphertext.',
    },
  },
  create(context, [{ allow }]) {
    if (isInTestFile(context) || !context.sourceCode.text.includes('ipher')) return {};
    const allowed = new Set(allow.map((name) => name.toLowerCase()));

    return {
      CallExpression(node): void {
        // An aliased import (`createDecipher as decipherWith`) is only known by its origin.
        const calleeName = getCalleeName(node.callee);
        if (calleeName === undefined) return;
        if (node.callee.type === AST_NODE_TYPES.MemberExpression && !CIPHER_FUNCTIONS.has(calleeName)) return;
        const origin = getOrigin(context, node.callee);
        const name = origin?.path[0];
        if (origin?.source !== 'crypto' || origin.path.length !== 1 || name === undefined || !CIPHER_FUNCTIONS.has(name)) return;
        const algorithm = node.arguments[0] && getConstantString(context, node.arguments[0]);
        if (algorithm !== undefined && allowed.has(algorithm.toLowerCase())) return;
        if (name === 'createCipher' || name === 'createDecipher') {
          context.report({ node: node.callee, messageId: 'noIv', data: { name } });
          return;
        }
        if (algorithm !== undefined && WEAK_ALGORITHM.test(algorithm)) {
          context.report({ node: node.arguments[0] ?? node, messageId: 'weakAlgorithm', data: { algorithm } });
          return;
        }
        // Decryption must reuse the stored IV; only encryption chooses one.
        const iv = node.arguments[2];
        if (name === 'createCipheriv' && iv && isStaticIv(context, iv)) context.report({ node: iv, messageId: 'staticIv' });
      },
    };
  },
});

function getCalleeName(callee: TSESTree.Node): string | undefined {
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression) return getStaticPropertyName(callee);
  return undefined;
}

/** The value of a string literal, a constant template, or a `const` initialised with one. */
function getConstantString(context: Parameters<typeof getOrigin>[0], node: TSESTree.Node): string | undefined {
  const value = getConstantExpression(context, node);
  if (value?.type === AST_NODE_TYPES.Literal && typeof value.value === 'string') return value.value;
  if (value?.type === AST_NODE_TYPES.TemplateLiteral && value.expressions.length === 0) {
    return value.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}

/** Follow a `const` binding to its initialiser once. */
function getConstantExpression(context: Parameters<typeof getOrigin>[0], node: TSESTree.Node): TSESTree.Node | undefined {
  const expression = unwrapExpression(node);
  if (expression.type !== AST_NODE_TYPES.Identifier) return expression;
  const variable = findVariable(context, expression);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (
    def?.node.type !== AST_NODE_TYPES.VariableDeclarator ||
    def.node.id.type !== AST_NODE_TYPES.Identifier ||
    def.parent?.type !== AST_NODE_TYPES.VariableDeclaration ||
    def.parent.kind !== 'const' ||
    !def.node.init
  ) {
    return undefined;
  }
  return unwrapExpression(def.node.init);
}

/** `'0123456789abcdef'`, `Buffer.from('…')`, `Buffer.alloc(16)` (all zeros), `Buffer.from([0, 1, …])`. */
function isStaticIv(context: Parameters<typeof getOrigin>[0], node: TSESTree.Node): boolean {
  const value = getConstantExpression(context, node);
  if (!value) return false;
  if (value.type === AST_NODE_TYPES.Literal && typeof value.value === 'string') return true;
  if (value.type === AST_NODE_TYPES.TemplateLiteral) return value.expressions.length === 0;
  if (value.type !== AST_NODE_TYPES.CallExpression || value.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = getStaticPropertyName(value.callee);
  if (method !== 'from' && method !== 'alloc') return false;
  if (!isOrigin(getOrigin(context, value.callee), { source: ['global', 'buffer'], path: ['Buffer', method] })) return false;
  const [first, second] = value.arguments;
  if (!first) return false;
  if (method === 'alloc') return second === undefined || (second.type === AST_NODE_TYPES.Literal);
  if (first.type === AST_NODE_TYPES.ArrayExpression) {
    return first.elements.every((element) => element?.type === AST_NODE_TYPES.Literal);
  }
  return first.type === AST_NODE_TYPES.Literal && typeof first.value === 'string';
}
