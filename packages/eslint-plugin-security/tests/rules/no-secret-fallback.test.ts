import { createRuleTester } from '@prodready/test-kit';

import rule from '../../src/rules/no-secret-fallback.js';

const ruleTester = createRuleTester();

ruleTester.run('no-secret-fallback', rule, {
  valid: [
    // no fallback: the app fails when the variable is missing
    'const jwtSecret = process.env.JWT_SECRET;',
    // empty fallback is not a usable secret
    "const jwtSecret = process.env.JWT_SECRET ?? '';",
    // not a secret: a TTL and a public URL
    "const ttl = process.env.TOKEN_TTL || '15m';",
    "const apiUrl = process.env.API_URL || 'https://api.example.com';",
    // public by design: client-exposed and publishable keys
    "const publishableKey = process.env.NEXT_PUBLIC_STRIPE_KEY || 'pk_test_123';",
    "const anonKey = process.env.SUPABASE_ANON_KEY ?? 'eyJhbGciOi';",
    // a connection string without credentials
    "const databaseUrl = process.env.DATABASE_URL || 'postgres://localhost:5432/shop';",
    // a same-named local object that is not the process environment
    `
      const process = { env: { JWT_SECRET: undefined } };
      const jwtSecret = process.env.JWT_SECRET || 'dev-secret';
    `,
    // a fallback to another variable, not a literal
    'const jwtSecret = process.env.JWT_SECRET || loadSecretFromVault();',
    // a ternary on NODE_ENV is a different decision
    "const jwtSecret = process.env.NODE_ENV === 'test' ? 'test-secret' : requireEnv('JWT_SECRET');",
    // allow-listed name
    {
      code: "const sessionSecret = process.env.PREVIEW_SESSION_SECRET || 'preview';",
      options: [{ allow: ['PREVIEW_SESSION_SECRET'] }],
    },
    // a default parameter that is not a secret, or a secret parameter with no literal default
    "function connect(mode = 'development') { return mode; }",
    'function sign(payload: object, secret = process.env.JWT_SECRET) { return [payload, secret]; }',
    "function sign(payload: object, secret = '') { return [payload, secret]; }",
    // a placeholder default under a secret-named target
    "const apiKey = process.env.PROVIDER || '<your-api-key>';",
    // a non-secret environment variable stored under a non-secret name
    "const region = process.env.AWS_REGION || 'us-east-1';",
    // test files may use fixture secrets
    {
      code: "const jwtSecret = process.env.JWT_SECRET || 'test-secret';",
      filename: 'src/auth/session.test.ts',
    },
  ],
  invalid: [
    {
      code: "const jwtSecret = process.env.JWT_SECRET || 'dev-secret';",
      errors: [
        {
          messageId: 'hardCodedFallback',
          data: { name: 'JWT_SECRET' },
          line: 1,
          column: 45,
          endLine: 1,
          endColumn: 57,
        },
      ],
    },
    {
      code: "const stripeKey = process.env['STRIPE_API_KEY'] ?? `sk_test_1234`;",
      errors: [
        {
          messageId: 'hardCodedFallback',
          data: { name: 'STRIPE_API_KEY' },
          line: 1,
          column: 52,
          endLine: 1,
          endColumn: 66,
        },
      ],
    },
    {
      // optional chaining and a TS cast do not hide the read
      code: "const token = (process.env?.GITHUB_TOKEN as string | undefined) || 'ghp_example';",
      errors: [{ messageId: 'hardCodedFallback', data: { name: 'GITHUB_TOKEN' }, line: 1, column: 68, endLine: 1, endColumn: 81 }],
    },
    {
      // through a variable that holds the environment
      code: `
        const env = process.env;
        const secret = env.SESSION_SECRET || 'keyboard cat';
      `,
      errors: [{ messageId: 'hardCodedFallback', data: { name: 'SESSION_SECRET' }, line: 3, column: 46, endLine: 3, endColumn: 60 }],
    },
    {
      // through a variable read once and defaulted later
      code: `
        const rawSecret = process.env.JWT_SECRET;
        export const jwtSecret = rawSecret ?? 'supersecret';
      `,
      errors: [{ messageId: 'hardCodedFallback', data: { name: 'JWT_SECRET' }, line: 3, column: 47, endLine: 3, endColumn: 60 }],
    },
    {
      // destructuring default
      code: "const { ADMIN_PASSWORD = 'admin123' } = process.env;",
      errors: [{ messageId: 'hardCodedFallback', data: { name: 'ADMIN_PASSWORD' }, line: 1, column: 26, endLine: 1, endColumn: 36 }],
    },
    {
      // `env` imported from node:process
      code: `
        import { env } from 'node:process';
        const apiKey = env.OPENAI_API_KEY || 'sk-proj-placeholder';
      `,
      errors: [{ messageId: 'hardCodedFallback', data: { name: 'OPENAI_API_KEY' }, line: 3, column: 46, endLine: 3, endColumn: 67 }],
    },
    {
      code: "const secret = process.env.NEXTAUTH_SECRET ? process.env.NEXTAUTH_SECRET : 'changeme';",
      errors: [{ messageId: 'hardCodedFallback', data: { name: 'NEXTAUTH_SECRET' }, line: 1, column: 76, endLine: 1, endColumn: 86 }],
    },
    {
      // a connection string with an inline password
      code: "const databaseUrl = process.env.DATABASE_URL || 'postgres://admin:hunter2@localhost:5432/shop';",
      errors: [{ messageId: 'hardCodedFallback', data: { name: 'DATABASE_URL' }, line: 1, column: 49, endLine: 1, endColumn: 95 }],
    },
    {
      code: "const key = Deno.env.get('SUPABASE_SERVICE_ROLE_KEY') ?? 'eyJhbGciOi';",
      errors: [
        {
          messageId: 'hardCodedFallback',
          data: { name: 'SUPABASE_SERVICE_ROLE_KEY' },
          line: 1,
          column: 58,
          endLine: 1,
          endColumn: 70,
        },
      ],
    },
      {
      // the variable it is stored under names the secret
      code: "const jwtSecret = process.env.JWT || 'dev-secret';",
      errors: [{ messageId: 'hardCodedFallback', data: { name: 'JWT' }, line: 1, column: 38, endLine: 1, endColumn: 50 }],
    },
    {
      // a config object property
      code: "const config = { sessionSecret: process.env.SESSION ?? 'keyboard cat' };",
      errors: [{ messageId: 'hardCodedFallback', data: { name: 'SESSION' }, line: 1, column: 56, endLine: 1, endColumn: 70 }],
    },
    {
      code: "export function signToken(payload: object, secret = 'dev-secret') { return jwt.sign(payload, secret); }",
      errors: [{ messageId: 'hardCodedDefault', data: { name: 'secret' }, line: 1, column: 53, endLine: 1, endColumn: 65 }],
    },
    {
      code: "const hashPassword = async (password: string, pepper = 'pepper-2024') => hash(password + pepper);",
      errors: [{ messageId: 'hardCodedDefault', data: { name: 'pepper' }, line: 1, column: 56, endLine: 1, endColumn: 69 }],
    },
  ],
});
