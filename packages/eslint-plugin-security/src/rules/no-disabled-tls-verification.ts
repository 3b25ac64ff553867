import {
  AST_NODE_TYPES,
  getEnvVarName,
  getStaticPropertyName,
  isInTestFile,
  unwrapExpression,
  type TSESTree,
} from '@prodready/eslint-rule-kit';

import { createRule } from '../create-rule.js';

export type Options = [];
export type MessageIds = 'disabledGlobally' | 'disabledVerification';

const TLS_ENV = 'NODE_TLS_REJECT_UNAUTHORIZED';
// Option names that only ever mean "check the server certificate" (Node tls/https, pg, mysql2, request, MongoDB),
// with the value that turns the check off. These names mean nothing else, so the name is the API here.
const INSECURE_VALUES = new Map<string, boolean>([
  ['rejectUnauthorized', false],
  ['strictSSL', false],
  ['sslValidate', false],
  ['tlsAllowInvalidCertificates', true],
  ['tlsAllowInvalidHostnames', true],
  ['tlsInsecure', true],
]);

export default createRule<Options, MessageIds>({
  name: 'no-disabled-tls-verification',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow turning off TLS certificate verification',
      recommended: 'recommended',
    },
    schema: [],
    messages: {
      disabledVerification:
        '`{{option}}: {{value}}` turns off certificate verification, so anyone on the network path can impersonate the server and read or change the traffic, credentials included. Trust the server\'s certificate authority with `ca` instead.',
      disabledGlobally:
        'Setting `NODE_TLS_REJECT_UNAUTHORIZED` to `0` turns off certificate verification for every TLS connection this process makes, so any of them can be intercepted. Remove it and add the certificate authority with `NODE_EXTRA_CA_CERTS`.',
    },
  },
  create(context) {
    const { text } = context.sourceCode;
    if (!text.includes(TLS_ENV) && ![...INSECURE_VALUES.keys()].some((name) => text.includes(name))) return {};
    // Tests talk to local servers with self-signed certificates.
    if (isInTestFile(context)) return {};

    function check(option: string | undefined, value: TSESTree.Node, node: TSESTree.Node): void {
      if (option === undefined) return;
      const insecure = INSECURE_VALUES.get(option);
      // Only a literal: `rejectUnauthorized: process.env.DB_SSL_STRICT !== 'false'` is a deployment decision.
      if (insecure === undefined || getBooleanLiteral(value) !== insecure || isOptIn(node)) return;
      context.report({ node, messageId: 'disabledVerification', data: { option, value: String(insecure) } });
    }

    return {
      Property(node): void {
        if (node.parent.type !== AST_NODE_TYPES.ObjectExpression) return;
        check(getStaticPropertyName(node), node.value, node);
      },
      AssignmentExpression(node): void {
        if (node.left.type !== AST_NODE_TYPES.MemberExpression) return;
        const name = getStaticPropertyName(node.left);
        if (name === TLS_ENV) {
          if (getEnvVarName(context, node.left) === TLS_ENV && isZero(node.right)) {
            context.report({ node, messageId: 'disabledGlobally' });
          }
          return;
        }
        // `https.globalAgent.options.rejectUnauthorized = false`
        check(name, node.right, node);
      },
    };
  },
});

// A setting named for the insecure choice: `if (config.allowSelfSigned)`, `options.unsafeTls ? { … } : undefined`.
const OPT_IN = /insecure|unsafe|self.?signed|allow.?invalid|skip.?(?:tls|ssl|cert)|no.?verify|ignore.?cert|reject.?unauthori[sz]ed|(?:tls|ssl|cert).?verif|verify.?(?:tls|ssl|cert)/i;

/** `true` when the disable only happens behind a user or deployment setting that asks for it. */
function isOptIn(node: TSESTree.Node): boolean {
  let child: TSESTree.Node = node;
  for (let current = node.parent; current; child = current, current = current.parent) {
    if (
      current.type === AST_NODE_TYPES.ArrowFunctionExpression ||
      current.type === AST_NODE_TYPES.FunctionExpression ||
      current.type === AST_NODE_TYPES.FunctionDeclaration
    ) {
      return false;
    }
    const test =
      (current.type === AST_NODE_TYPES.IfStatement || current.type === AST_NODE_TYPES.ConditionalExpression) &&
      current.consequent === child
        ? current.test
        : current.type === AST_NODE_TYPES.LogicalExpression && current.operator === '&&' && current.right === child
          ? current.left
          : undefined;
    if (test && OPT_IN.test(getTestText(test))) return true;
  }
  return false;
}

function getTestText(node: TSESTree.Node): string {
  // Names only: identifiers, property keys and string keys (`config['email:allow-self-signed']`).
  const names: string[] = [];
  const visit = (current: TSESTree.Node): void => {
    if (current.type === AST_NODE_TYPES.Identifier) names.push(current.name);
    else if (current.type === AST_NODE_TYPES.MemberExpression) {
      // A string key names a setting; a string compared (`err.message === 'self signed certificate'`) does not.
      const key = current.property;
      if (key.type === AST_NODE_TYPES.Literal && typeof key.value === 'string') names.push(key.value);
      visit(current.object);
      visit(key);
    } else if (current.type === AST_NODE_TYPES.UnaryExpression) visit(current.argument);
    else if (current.type === AST_NODE_TYPES.LogicalExpression || current.type === AST_NODE_TYPES.BinaryExpression) {
      visit(current.left);
      visit(current.right);
    } else if (current.type === AST_NODE_TYPES.CallExpression) {
      visit(current.callee);
      current.arguments.forEach(visit);
    }
  };
  visit(node);
  return names.join(' ');
}

function getBooleanLiteral(node: TSESTree.Node): boolean | undefined {
  const value = unwrapExpression(node);
  if (value.type === AST_NODE_TYPES.Literal && typeof value.value === 'boolean') return value.value;
  // `!1` / `!0`, a minifier habit that survives in copied snippets.
  if (
    value.type === AST_NODE_TYPES.UnaryExpression &&
    value.operator === '!' &&
    value.argument.type === AST_NODE_TYPES.Literal &&
    typeof value.argument.value === 'number'
  ) {
    return value.argument.value === 0;
  }
  return undefined;
}

function isZero(node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  if (value.type === AST_NODE_TYPES.Literal) return value.value === '0' || value.value === 0;
  return value.type === AST_NODE_TYPES.TemplateLiteral && value.expressions.length === 0 && value.quasis[0]?.value.cooked === '0';
}
