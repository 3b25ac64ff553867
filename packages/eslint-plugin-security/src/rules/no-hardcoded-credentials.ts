import {
  allowOptionSchema,
  AST_NODE_TYPES,
  getOrigin,
  getSecretFormat,
  getStaticPropertyName,
  hasUrlCredentials,
  isCredentialValue,
  isInTestFile,
  isOrigin,
  isSecretName,
  type OriginPattern,
  type TSESTree,
  unwrapExpression,
} from '@prodready/eslint-rule-kit';

import { createRule } from '../create-rule.js';

export type Options = [{ allow: string[]; checkTests: boolean }];
export type MessageIds = 'credentialInUrl' | 'hardCodedCredential' | 'knownSecretFormat';

// Library arguments that are a secret whatever the surrounding names say.
const SECRET_ARGUMENTS: readonly (readonly [OriginPattern, number, string])[] = [
  [{ source: 'jsonwebtoken', path: ['sign'] }, 1, 'the secret passed to `jwt.sign()`'],
  [{ source: 'jsonwebtoken', path: ['verify'] }, 1, 'the secret passed to `jwt.verify()`'],
  [{ source: 'crypto', path: ['createHmac'] }, 1, 'the key passed to `createHmac()`'],
  [{ source: 'cookie-parser', path: [] }, 0, 'the secret passed to `cookieParser()`'],
  [{ source: 'stripe', path: [] }, 0, 'the key passed to `new Stripe()`'],
];
const AUTHORIZATION_VALUE = /^(?:Bearer|Basic|Token|Bot)\s+(\S+)$/i;
// A Firebase or Google Maps browser config: its `AIza…` key is public by design.
const BROWSER_CONFIG_KEYS = new Set(['authDomain', 'projectId', 'storageBucket', 'messagingSenderId', 'appId']);
// `const PLACEHOLDER_SECRETS = { JWT_SECRET: 'secret' }`: a list of values to reject, not credentials.
const DENYLIST_NAME = /placeholder|example|sample|dummy|fake|mock|insecure|weak|banned|forbidden|blocked|deny|common|known/i;

export default createRule<Options, MessageIds>({
  name: 'no-hardcoded-credentials',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow credentials written into source code',
      recommended: 'recommended',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allow: { ...allowOptionSchema, description: 'Variable, property and option names never reported.' },
          checkTests: {
            type: 'boolean',
            description: 'Also check test, mock and fixture files, where fake credentials are expected.',
          },
        },
      },
    ],
    defaultOptions: [{ allow: [], checkTests: false }],
    messages: {
      hardCodedCredential:
        'Hard-coded credential in {{what}}: anyone who can read the repository or its history can use it, and rotating it needs a code change and a deploy. Load it from the environment or a secret manager.',
      knownSecretFormat:
        'This string is a {{label}}: anyone who can read the repository or its history can use it until it is revoked. Revoke it, then load it from the environment or a secret manager.',
      credentialInUrl:
        'This URL contains a password: anyone who can read the repository or its history can connect with it. Build the URL from environment variables or a secret manager.',
    },
  },
  create(context, [{ allow, checkTests }]) {
    if (!checkTests && isInTestFile(context)) return {};
    const allowed = new Set(allow);
    const reported = new WeakSet<TSESTree.Node>();

    function checkString(node: TSESTree.Node, value: string): boolean {
      if (reported.has(node)) return true;
      const format = getSecretFormat(value);
      if (format && !(format.label === 'Google API key' && isBrowserConfigValue(node))) {
        reported.add(node);
        context.report({ node, messageId: 'knownSecretFormat', data: { label: format.label } });
        return true;
      }
      if (hasUrlCredentials(value)) {
        reported.add(node);
        context.report({ node, messageId: 'credentialInUrl' });
        return true;
      }
      return false;
    }

    function checkValue(valueNode: TSESTree.Node, name: string, what: string): void {
      const node = unwrapExpression(valueNode);
      if (node.type === AST_NODE_TYPES.ArrayExpression) {
        // `secret: ['current', 'previous']` (express-session and cookie-session key rotation)
        for (const element of node.elements) if (element) checkValue(element, name, what);
        return;
      }
      const value = getStringValue(node);
      if (value === undefined || checkString(node, value) || isBrowserConfigValue(node)) return;
      if (!isCredentialValue(value, name) || isInDenylist(node)) return;
      reported.add(node);
      context.report({ node, messageId: 'hardCodedCredential', data: { what } });
    }

    function checkNamed(name: string | undefined, valueNode: TSESTree.Node | null | undefined): void {
      if (name === undefined || !valueNode || allowed.has(name) || !isSecretName(name)) return;
      checkValue(valueNode, name, `\`${name}\``);
    }

    function checkAuthorization(name: string | undefined, valueNode: TSESTree.Node | undefined): void {
      if (name?.toLowerCase() !== 'authorization' || !valueNode) return;
      const node = unwrapExpression(valueNode);
      const credential = AUTHORIZATION_VALUE.exec(getStringValue(node) ?? '')?.[1];
      if (credential === undefined || reported.has(node) || !isCredentialValue(credential, 'authorization')) return;
      reported.add(node);
      context.report({ node, messageId: 'hardCodedCredential', data: { what: 'the `Authorization` header' } });
    }

    function checkSecretArgument(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
      if (node.arguments.length === 0) return;
      const origin = getOrigin(context, node.callee);
      if (!origin) return;
      for (const [pattern, index, what] of SECRET_ARGUMENTS) {
        const argument = node.arguments[index];
        if (argument && isOrigin(origin, pattern)) checkValue(argument, 'secret', what);
      }
    }

    return {
      Literal(node): void {
        if (typeof node.value === 'string' && node.value.length >= 20) checkString(node, node.value);
      },
      TemplateLiteral(node): void {
        const value = getStringValue(node);
        if (value !== undefined && value.length >= 20) checkString(node, value);
      },
      VariableDeclarator(node): void {
        if (node.id.type === AST_NODE_TYPES.Identifier) checkNamed(node.id.name, node.init);
      },
      Property(node): void {
        if (node.parent.type !== AST_NODE_TYPES.ObjectExpression) return;
        const name = getStaticPropertyName(node);
        checkNamed(name, node.value);
        checkAuthorization(name, node.value);
      },
      PropertyDefinition(node): void {
        checkNamed(getStaticPropertyName(node), node.value);
      },
      AssignmentExpression(node): void {
        if (node.operator !== '=') return;
        const { left } = node;
        if (left.type === AST_NODE_TYPES.Identifier) checkNamed(left.name, node.right);
        else if (left.type === AST_NODE_TYPES.MemberExpression) checkNamed(getStaticPropertyName(left), node.right);
      },
      CallExpression(node): void {
        // `headers.set('Authorization', 'Bearer …')`: the header value is the evidence, whatever the receiver.
        const [first, second] = node.arguments;
        if (first && second) checkAuthorization(getStringValue(first), second);
        checkSecretArgument(node);
      },
      NewExpression: checkSecretArgument,
    };
  },
});

function getStringValue(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return node.value;
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) {
    return node.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}

function isBrowserConfigValue(node: TSESTree.Node): boolean {
  const property = node.parent;
  if (property?.type !== AST_NODE_TYPES.Property || property.parent.type !== AST_NODE_TYPES.ObjectExpression) return false;
  return property.parent.properties.some((sibling) => {
    const name = sibling.type === AST_NODE_TYPES.Property ? getStaticPropertyName(sibling) : undefined;
    return name !== undefined && BROWSER_CONFIG_KEYS.has(name);
  });
}

function isInDenylist(node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.VariableDeclarator:
        return current.id.type === AST_NODE_TYPES.Identifier && DENYLIST_NAME.test(current.id.name);
      case AST_NODE_TYPES.PropertyDefinition: {
        const name = getStaticPropertyName(current);
        return name !== undefined && DENYLIST_NAME.test(name);
      }
      case AST_NODE_TYPES.Property:
      case AST_NODE_TYPES.ObjectExpression:
      case AST_NODE_TYPES.ArrayExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
        continue;
      default:
        return false;
    }
  }
  return false;
}
