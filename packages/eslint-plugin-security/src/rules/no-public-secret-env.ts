import {
  allowOptionSchema,
  AST_NODE_TYPES,
  getEnvVarName,
  isInTestFile,
  isSecretName,
  type TSESTree,
} from '@prodready/eslint-rule-kit';

import { createRule } from '../create-rule.js';

export type Options = [{ allow: string[]; checkApiKeys: boolean }];
export type MessageIds = 'secretInClientModule' | 'secretWithPublicPrefix';

// Prefixes bundlers inline into browser code: Next.js, Vite, Create React App, Expo, Nuxt, Gatsby.
const PUBLIC_PREFIX = /^(?:NEXT_PUBLIC_|VITE_|REACT_APP_|EXPO_PUBLIC_|NUXT_PUBLIC_|GATSBY_)/;
// Names that are never meant for a browser, whatever the provider.
const SERVER_ONLY = /(?:^|_)(?:SECRET|SERVICE_ROLE|SERVICE_KEY|PRIVATE_KEY|PASSWORD|PASSWD|DATABASE_URL|DB_URL|SIGNING_KEY|ENCRYPTION_KEY|MASTER_KEY|ADMIN_KEY)(?:_|$)/;
// Providers whose API keys spend money or read data when called from anywhere (no domain restriction exists).
const SERVER_ONLY_PROVIDER =
  /^(?:OPENAI|ANTHROPIC|CLAUDE|GROQ|REPLICATE|RESEND|SENDGRID|MAILGUN|POSTMARK|TWILIO|MISTRAL|COHERE|HUGGING_?FACE|HF|GEMINI|ELEVEN_?LABS|PINECONE|DEEPSEEK|PERPLEXITY|OPENROUTER|STRIPE)_(?:API_|ACCESS_)?(?:KEY|TOKEN)$/;

export default createRule<Options, MessageIds>({
  name: 'no-public-secret-env',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow exposing server-only secrets to browser code through environment variables',
      recommended: 'recommended',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allow: { ...allowOptionSchema, description: 'Environment variable names never reported.' },
          checkApiKeys: {
            type: 'boolean',
            description:
              'Also report public-prefixed names ending in `API_KEY`, `TOKEN` or `KEY` from any provider (many, like Firebase or Maps keys, are public by design).',
          },
        },
      },
    ],
    defaultOptions: [{ allow: [], checkApiKeys: false }],
    messages: {
      secretWithPublicPrefix:
        '`{{name}}` names a server-only secret but its prefix makes the bundler inline it into browser JavaScript, where anyone can read it. Rename it without the public prefix and use it only in server code.',
      secretInClientModule:
        "This `'use client'` module reads the secret `{{name}}`: it is `undefined` in the browser, and exposing it with a public prefix would publish it. Call a server route or action that uses it instead.",
    },
  },
  create(context, [{ allow, checkApiKeys }]) {
    const { text } = context.sourceCode;
    if (!text.includes('env')) return {};
    if (isInTestFile(context)) return {};
    const allowed = new Set(allow);
    const clientModule = isClientModule(context.sourceCode.ast);

    return {
      MemberExpression(node): void {
        // `process.env.X`, `import.meta.env.X`, `env.X`: the read itself, not a variable that holds it.
        if (node.object.type !== AST_NODE_TYPES.MemberExpression && node.object.type !== AST_NODE_TYPES.Identifier) return;
        const name = getEnvVarName(context, node);
        if (name === undefined || allowed.has(name)) return;
        const prefix = PUBLIC_PREFIX.exec(name)?.[0];
        if (prefix !== undefined) {
          const suffix = name.slice(prefix.length);
          if (isSecretName(suffix, 'env') && (checkApiKeys || SERVER_ONLY.test(suffix) || SERVER_ONLY_PROVIDER.test(suffix))) {
            context.report({ node, messageId: 'secretWithPublicPrefix', data: { name } });
          }
          return;
        }
        if (clientModule && isSecretName(name, 'env')) {
          context.report({ node, messageId: 'secretInClientModule', data: { name } });
        }
      },
    };
  },
});

function isClientModule(program: TSESTree.Program): boolean {
  for (const statement of program.body) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.directive === undefined) return false;
    if (statement.directive === 'use client') return true;
  }
  return false;
}
