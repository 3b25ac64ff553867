import { allowOptionSchema, AST_NODE_TYPES, getEnvVarName, isInTestFile, type TSESTree } from '@prodready/eslint-rule-kit';

import { createRule } from '../create-rule.js';

export type Options = [{ allow: string[] }];
export type MessageIds = 'hardCodedFallback';

// Names that hold a credential. Checked on the variable name (data), never on a callee.
const SECRET_NAME =
  /(?:SECRET|PASSWORD|PASSWD|PASSPHRASE|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|SIGNING_?KEY|ENCRYPTION_?KEY|SESSION_?KEY|CREDENTIALS?|SALT|PEPPER|(?:^|_)AUTH_?KEY|WEBHOOK_?KEY|SERVICE_?ROLE_?KEY)(?:$|_)|(?:^|_)KEY$/i;
// …unless the name is about the secret, not the secret itself (`TOKEN_TTL`, `JWT_SECRET_ALGORITHM`).
const NOT_A_SECRET = /_(?:TTL|EXPIRES?(?:_IN)?|EXPIRY|EXPIRATION|TIMEOUT|LENGTH|SIZE|NAME|HEADER|ALGORITHM|ALG|ISSUER|AUDIENCE|URL|URI|ENDPOINT|PATH|FILE|ROUNDS|COST|ENABLED|REQUIRED|PREFIX)$/i;
// Values meant to be public: client-exposed prefixes and public/publishable/anon keys.
const PUBLIC_NAME = /^(?:NEXT_PUBLIC_|VITE_|PUBLIC_|REACT_APP_|EXPO_PUBLIC_|NUXT_PUBLIC_)|(?:PUBLIC|PUBLISHABLE|ANON)_?KEY$/i;
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
    },
  },
  create(context, [{ allow }]) {
    if (isInTestFile(context)) return {};
    const allowed = new Set(allow);

    function check(envRead: TSESTree.Node, fallback: TSESTree.Node): void {
      const literal = getStringValue(fallback);
      if (literal === undefined || literal.trim() === '') return;
      const name = getEnvVarName(context, envRead);
      if (name === undefined || allowed.has(name) || !isSecretName(name, literal)) return;
      context.report({ node: fallback, messageId: 'hardCodedFallback', data: { name } });
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
        }
      },
    };
  },
});

function isSecretName(name: string, value: string): boolean {
  if (CONNECTION_NAME.test(name)) return URL_WITH_PASSWORD.test(value);
  return SECRET_NAME.test(name) && !NOT_A_SECRET.test(name) && !PUBLIC_NAME.test(name);
}

function getStringValue(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return node.value;
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) {
    return node.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}
