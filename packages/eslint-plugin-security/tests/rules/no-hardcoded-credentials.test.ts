import { createRuleTester } from '@prodready/test-kit';

import rule from '../../src/rules/no-hardcoded-credentials.js';

const ruleTester = createRuleTester();

ruleTester.run('no-hardcoded-credentials', rule, {
  valid: [
    // read from the environment
    'const jwtSecret = process.env.JWT_SECRET;',
    // placeholders and names of variables are not credentials
    "const apiKey = '<your-api-key>';",
    "const stripeSecretKey = 'YOUR_STRIPE_SECRET_KEY';",
    "const password = '';",
    "const JWT_SECRET = 'JWT_SECRET';",
    // names about a secret, not the secret
    "const passwordField = 'password';",
    "const TOKEN_EXPIRES_IN = '15m';",
    "const tokenType = 'Bearer';",
    "const ACCESS_TOKEN_KEY = 'accessToken';",
    "const headers = { 'x-api-key-header': 'x-api-key' };",
    // prose and UI text under a secret-named key
    "const messages = { password: 'Password must be at least 8 characters.' };",
    // error codes and validation messages under a password key
    "throw new UnprocessableEntityException({ errors: { password: 'incorrectPassword' } });",
    "throw new HttpException(403, { errors: { 'email or password': ['is invalid'] } });",
    // a list of known placeholder values to reject at start-up
    "const PLACEHOLDER_SECRETS = { AUTH_JWT_SECRET: 'secret', AUTH_REFRESH_SECRET: 'secret_for_refresh' } as const;",
    // fetch's `credentials` option and a cache key
    "fetch('/api/me', { credentials: 'include' });",
    "const cacheKey = 'users:list';",
    // public by design: a publishable key and a client-exposed name
    "const stripePublishableKey = 'pk_live_51HqLyjWDarjtT1zdp7dcXYZ';",
    "const NEXT_PUBLIC_API_KEY = 'demo-123456';",
    // a Firebase web config: its Google API key is public
    "const firebaseConfig = { apiKey: 'AIzaSyDOCAbC123dEf456GhI789jKl01-MnO2pQ', authDomain: 'shop.firebaseapp.com', projectId: 'shop' };",
    // a file path and a URL without credentials
    "const privateKey = './keys/private.pem';",
    "const databaseUrl = 'postgres://db.internal:5432/shop';",
    // a local development database
    "const databaseUrl = 'postgres://postgres:postgres@localhost:5432/shop';",
    // a stored password hash is not the password
    "const adminPasswordHash = '$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy';",
    // an Authorization header built from a variable
    "fetch(url, { headers: { Authorization: `Bearer ${accessToken}` } });",
    // a same-named local `jwt` that is not jsonwebtoken
    "const jwt = { sign: (payload: object, key: string) => key }; jwt.sign({ id: 1 }, 'not-a-library-call');",
    // jsonwebtoken with a secret from the environment
    "import jwt from 'jsonwebtoken'; jwt.sign({ id: 1 }, process.env.JWT_SECRET!);",
    // a default parameter is a fallback (no-secret-fallback's job)
    "function sign(payload: object, secret = process.env.JWT_SECRET) { return [payload, secret]; }",
    // allow-listed name
    { code: "const demoPassword = 'demo-account';", options: [{ allow: ['demoPassword'], checkTests: false }] },
    // test files use fake credentials
    { code: "const password = 'hunter2';", filename: 'src/auth/login.test.ts' },
    // a known test-mode Stripe key is not a live key
    "const stripe = 'sk_test_51HqLyjWDarjtT1zdp7dcXYZ';",
    // code with type errors does not crash
    "const password: number = process.env.ADMIN_PASSWORD; let apiKey: string = 42;",
  ],
  invalid: [
    {
      code: "const jwtSecret = 'super-secret-key';",
      errors: [
        { messageId: 'hardCodedCredential', data: { what: '`jwtSecret`' }, line: 1, column: 19, endLine: 1, endColumn: 37 },
      ],
    },
    {
      // a TS cast does not hide the literal
      code: "export const ADMIN_PASSWORD = 'admin123' as string;",
      errors: [
        { messageId: 'hardCodedCredential', data: { what: '`ADMIN_PASSWORD`' }, line: 1, column: 31, endLine: 1, endColumn: 41 },
      ],
    },
    {
      // express-session options
      code: "import session from 'express-session'; app.use(session({ secret: 'keyboard cat', resave: false }));",
      errors: [
        { messageId: 'hardCodedCredential', data: { what: '`secret`' }, line: 1, column: 66, endLine: 1, endColumn: 80 },
      ],
    },
    {
      // a rotation list
      code: "const sessionOptions = { secret: ['current-s3cret', process.env.OLD_SECRET] };",
      errors: [
        { messageId: 'hardCodedCredential', data: { what: '`secret`' }, line: 1, column: 35, endLine: 1, endColumn: 51 },
      ],
    },
    {
      code: "const config = { clientId: 'app', client_secret: 'f3a9c1d2e4b5' };",
      errors: [
        { messageId: 'hardCodedCredential', data: { what: '`client_secret`' }, line: 1, column: 50, endLine: 1, endColumn: 64 },
      ],
    },
    {
      code: 'class Mailer { private readonly smtpPassword = `mail-pass-2024`; }',
      errors: [
        { messageId: 'hardCodedCredential', data: { what: '`smtpPassword`' }, line: 1, column: 48, endLine: 1, endColumn: 64 },
      ],
    },
    {
      code: "process.env.JWT_SECRET = 'changeme';",
      errors: [
        { messageId: 'hardCodedCredential', data: { what: '`JWT_SECRET`' }, line: 1, column: 26, endLine: 1, endColumn: 36 },
      ],
    },
    {
      code: "fetch(url, { headers: { Authorization: 'Bearer 9f8e7d6c5b4a39281706' } });",
      errors: [
        {
          messageId: 'hardCodedCredential',
          data: { what: 'the `Authorization` header' },
          line: 1,
          column: 40,
          endLine: 1,
          endColumn: 69,
        },
      ],
    },
    {
      code: "headers.set('authorization', 'Basic YWRtaW46aHVudGVyMg==');",
      errors: [
        {
          messageId: 'hardCodedCredential',
          data: { what: 'the `Authorization` header' },
          line: 1,
          column: 30,
          endLine: 1,
          endColumn: 58,
        },
      ],
    },
    {
      // aliased import of jsonwebtoken
      code: "import { sign as signToken } from 'jsonwebtoken'; signToken({ id: 1 }, 'my-jwt-key');",
      errors: [
        {
          messageId: 'hardCodedCredential',
          data: { what: 'the secret passed to `jwt.sign()`' },
          line: 1,
          column: 72,
          endLine: 1,
          endColumn: 84,
        },
      ],
    },
    {
      code: "const jwt = require('jsonwebtoken'); const user = jwt.verify(token, 'secret');",
      errors: [
        {
          messageId: 'hardCodedCredential',
          data: { what: 'the secret passed to `jwt.verify()`' },
          line: 1,
          column: 69,
          endLine: 1,
          endColumn: 77,
        },
      ],
    },
    {
      code: "import cookieParser from 'cookie-parser'; app.use(cookieParser('cookie-signing'));",
      errors: [
        {
          messageId: 'hardCodedCredential',
          data: { what: 'the secret passed to `cookieParser()`' },
          line: 1,
          column: 64,
          endLine: 1,
          endColumn: 80,
        },
      ],
    },
    {
      code: "import { createHmac } from 'node:crypto'; const signature = createHmac('sha256', 'webhook-k3y').update(body).digest('hex');",
      errors: [
        {
          messageId: 'hardCodedCredential',
          data: { what: 'the key passed to `createHmac()`' },
          line: 1,
          column: 82,
          endLine: 1,
          endColumn: 95,
        },
      ],
    },
    {
      // a Stripe test key still unlocks the account's test data
      code: "import Stripe from 'stripe'; const stripe = new Stripe('sk_test_51HqLyjWDarjtT1zdp7dcXYZ');",
      errors: [
        {
          messageId: 'hardCodedCredential',
          data: { what: 'the key passed to `new Stripe()`' },
          line: 1,
          column: 56,
          endLine: 1,
          endColumn: 90,
        },
      ],
    },
    {
      // a known key format anywhere, whatever the name
      code: "const stripe = new StripeClient('sk_live_51HqLyjWDarjtT1zdp7dcXYZ');",
      errors: [
        {
          messageId: 'knownSecretFormat',
          data: { label: 'Stripe live secret key' },
          line: 1,
          column: 33,
          endLine: 1,
          endColumn: 67,
        },
      ],
    },
    {
      // the format wins over the name, and is reported once
      code: "const awsAccessKeyId = 'AKIAZ3MSJV4WWNKWXYZQ';",
      errors: [
        { messageId: 'knownSecretFormat', data: { label: 'AWS access key ID' }, line: 1, column: 24, endLine: 1, endColumn: 46 },
      ],
    },
    {
      code: "const openai = new OpenAI({ apiKey: 'sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7cDe0fGh3i' });",
      errors: [
        { messageId: 'knownSecretFormat', data: { label: 'OpenAI API key' }, line: 1, column: 37, endLine: 1, endColumn: 91 },
      ],
    },
    {
      code: "octokit.auth({ type: 'token', value: 'ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789' });",
      errors: [
        { messageId: 'knownSecretFormat', data: { label: 'GitHub token' }, line: 1, column: 38, endLine: 1, endColumn: 80 },
      ],
    },
    {
      code: 'const signingKey = `-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----`;',
      errors: [{ messageId: 'knownSecretFormat', data: { label: 'private key' }, line: 1, column: 20, endLine: 3, endColumn: 27 }],
    },
    {
      // a Supabase service-role JWT (an anon one is public)
      code: "createClient(url, 'eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoic2VydmljZV9yb2xlIiwiaXNzIjoic3VwYWJhc2UifQ.c2lnbmF0dXJlLXNpZ25hdHVyZQ');",
      errors: [
        {
          messageId: 'knownSecretFormat',
          data: { label: 'signed JSON Web Token' },
          line: 1,
          column: 19,
          endLine: 1,
          endColumn: 123,
        },
      ],
    },
    {
      code: "const pool = new Pool({ connectionString: 'postgres://app:Sup3rS3cret@db.prod.internal:5432/shop' });",
      errors: [{ messageId: 'credentialInUrl', line: 1, column: 43, endLine: 1, endColumn: 98 }],
    },
    {
      // optional chaining around the call does not hide the argument
      code: "import jwt from 'jsonwebtoken'; const claims = jwt?.verify?.(token, 'dev-secret');",
      errors: [
        {
          messageId: 'hardCodedCredential',
          data: { what: 'the secret passed to `jwt.verify()`' },
          line: 1,
          column: 69,
          endLine: 1,
          endColumn: 81,
        },
      ],
    },
    {
      // checkTests reports fixtures too
      code: "const password = 'hunter22';",
      filename: 'src/auth/login.test.ts',
      options: [{ allow: [], checkTests: true }],
      errors: [
        { messageId: 'hardCodedCredential', data: { what: '`password`' }, line: 1, column: 18, endLine: 1, endColumn: 28 },
      ],
    },
  ],
});
