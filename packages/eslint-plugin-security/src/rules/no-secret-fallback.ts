import {
  allowOptionSchema,
  AST_NODE_TYPES,
  getEnvVarName,
  getStaticPropertyName,
  isCredentialValue,
  isInTestFile,
  isSecretName,
  type TSESTree,
} from '@prodready/eslint-rule-kit';

import { createRule } from '../create-rule.js';

export type Options = [{ allow: string[] }];
export type MessageIds = 'hardCodedDefault' | 'hardCodedFallback';

// A connection string with an inline password: `postgres://user:pass@host/db`.
const CONNECTION_NAME = /(?:DATABASE|DB|MONGO(?:DB)?|REDIS|POSTGRES(?:QL)?|MYSQL|AMQP|RABBITMQ)_?(?:URL|URI|CONNECTION_?STRING)$/i;
const URL_WITH_PASSWORD = /^[a-z][\w+.-]*:\/\/[^:/@\s]+:[^@/\s]+@/i;

export default createRule<Options, MessageIds>({
  name: 'no-secret-fallback',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow hard-coded fallback values for secret environment variables',
      recommended: 'recommended',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allow: { ...allowOptionSchema, description: 'Environment variable names never reported.' },
        },
      },
    ],
    defaultOptions: [{ allow: [] }],
    messages: {
      hardCodedFallback:
        '`{{name}}` falls back to a hard-coded value when it is unset, so production silently runs with a secret anyone with the source can read. Fail at start-up when it is missing instead.',
      hardCodedDefault:
        'Parameter `{{name}}` defaults to a hard-coded secret, so a caller that forgets it silently signs or encrypts with a value anyone with the source can read. Make the parameter required.',
    },
  },
  create(context, [{ allow }]) {
    if (isInTestFile(context)) return {};
    const allowed = new Set(allow);

    function check(envRead: TSESTree.Node, fallback: TSESTree.Node): void {
      const literal = getStringValue(fallback);
      if (literal === undefined || literal.trim() === '') return;
      const name = getEnvVarName(context, envRead);
      if (name === undefined || allowed.has(name)) return;
      // `const jwtSecret = process.env.JWT || 'dev'`: the name it is stored under says it is a secret too.
      const target = getTargetName(fallback.parent?.parent);
      if (!isSecretFallback(name, literal) && !(target !== undefined && isTargetSecret(target, literal))) return;
      context.report({ node: fallback, messageId: 'hardCodedFallback', data: { name } });
    }

    function checkParameter(node: TSESTree.AssignmentPattern): void {
      // `function sign(payload, secret = 'dev-secret')`
      if (node.left.type !== AST_NODE_TYPES.Identifier) return;
      const { name } = node.left;
      const literal = getStringValue(node.right);
      if (literal === undefined || allowed.has(name) || !isTargetSecret(name, literal)) return;
      context.report({ node: node.right, messageId: 'hardCodedDefault', data: { name } });
    }

    return {
      LogicalExpression(node): void {
        if (node.operator === '||' || node.operator === '??') check(node.left, node.right);
      },
      ConditionalExpression(node): void {
        // `process.env.X ? process.env.X : 'dev'`; a ternary on anything else (NODE_ENV) is a different decision.
        if (getEnvVarName(context, node.test) !== undefined) check(node.test, node.alternate);
      },
      AssignmentPattern(node): void {
        // `const { JWT_SECRET = 'dev' } = process.env`
        if (node.parent.type === AST_NODE_TYPES.Property && node.parent.parent.type === AST_NODE_TYPES.ObjectPattern) {
          check(node.left, node.right);
        } else if (isParameter(node)) {
          checkParameter(node);
        }
      },
    };
  },
});

function isSecretFallback(name: string, value: string): boolean {
  if (CONNECTION_NAME.test(name)) return URL_WITH_PASSWORD.test(value);
  return isSecretName(name, 'env');
}

function isTargetSecret(name: string, value: string): boolean {
  return isSecretName(name) && isCredentialValue(value, name);
}

/** The variable or property a fallback expression is stored under. */
function getTargetName(node: TSESTree.Node | undefined): string | undefined {
  if (node?.type === AST_NODE_TYPES.VariableDeclarator && node.id.type === AST_NODE_TYPES.Identifier) return node.id.name;
  if (node?.type === AST_NODE_TYPES.Property && node.parent.type === AST_NODE_TYPES.ObjectExpression) {
    return getStaticPropertyName(node);
  }
  return undefined;
}

function isParameter(node: TSESTree.AssignmentPattern): boolean {
  const { parent } = node;
  return (
    (parent.type === AST_NODE_TYPES.FunctionDeclaration ||
      parent.type === AST_NODE_TYPES.FunctionExpression ||
      parent.type === AST_NODE_TYPES.ArrowFunctionExpression) &&
    parent.params.includes(node)
  );
}

function getStringValue(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return node.value;
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) {
    return node.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}
