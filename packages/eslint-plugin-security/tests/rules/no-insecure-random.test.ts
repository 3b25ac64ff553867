import { createRuleTester } from '@prodready/test-kit';

import rule from '../../src/rules/no-insecure-random.js';

const ruleTester = createRuleTester();

ruleTester.run('no-insecure-random', rule, {
  valid: [
    // crypto randomness is fine
    "import crypto from 'node:crypto'; const resetToken = crypto.randomBytes(32).toString('hex');",
    "import { randomInt } from 'node:crypto'; const otp = randomInt(100000, 1000000).toString();",
    'const sessionId = crypto.randomUUID();',
    // jitter, sampling and UI values are not secrets
    'const delay = baseDelay * 2 ** attempt + Math.random() * 100;',
    'const shouldSample = Math.random() < 0.1;',
    'const color = `hsl(${Math.floor(Math.random() * 360)}, 70%, 50%)`;',
    // an id that only has to be unique, not secret
    'const requestId = Math.random().toString(36).slice(2);',
    // a random value stored under a neutral name and never used as a secret
    'const jitter = Math.random(); setTimeout(retry, 1000 * jitter);',
    // a generator whose name is not about a secret
    'function pickColor() { return palette[Math.floor(Math.random() * palette.length)]; }',
    // qualified names that are not credentials
    'const nextPageToken = Math.random();',
    // a same-named local that is not the global `Math`
    `
      const Math = { random: () => 4 };
      const token = Math.random();
    `,
    // allow-listed name
    { code: 'const csrfToken = Math.random().toString(36);', options: [{ allow: ['csrfToken'] }] },
    // test files may use predictable fixtures
    { code: 'const token = Math.random().toString(36);', filename: 'src/auth/session.test.ts' },
  ],
  invalid: [
    {
      code: 'const token = Math.random().toString(36).slice(2);',
      errors: [{ messageId: 'insecureRandom', data: { name: 'token' }, line: 1, column: 15, endLine: 1, endColumn: 28 }],
    },
    {
      // a generator function that returns the value
      code: `
        function generateOtp() {
          return Math.floor(100000 + Math.random() * 900000).toString();
        }
      `,
      errors: [{ messageId: 'insecureRandom', data: { name: 'generateOtp' }, line: 3, column: 38, endLine: 3, endColumn: 51 }],
    },
    {
      // a character-by-character loop through a neutral local
      code: `
        const createResetToken = () => {
          let result = '';
          for (let i = 0; i < 32; i++) result += chars[Math.floor(Math.random() * chars.length)];
          return result;
        };
      `,
      errors: [
        { messageId: 'insecureRandom', data: { name: 'createResetToken' }, line: 4, column: 67, endLine: 4, endColumn: 80 },
      ],
    },
    {
      // a property of a record about to be stored
      code: 'await prisma.user.update({ where: { id }, data: { resetToken: `${Date.now()}${Math.random()}` } });',
      errors: [{ messageId: 'insecureRandom', data: { name: 'resetToken' }, line: 1, column: 79, endLine: 1, endColumn: 92 }],
    },
    {
      // a temporary password assigned to a property, with a cast and optional chaining
      code: 'user.password = (Math?.random() as number).toString(36).slice(-8);',
      errors: [{ messageId: 'insecureRandom', data: { name: 'password' }, line: 1, column: 18, endLine: 1, endColumn: 32 }],
    },
    {
      // `Array.from` of random digits, joined
      code: "const verificationCode = Array.from({ length: 6 }, () => Math.floor(Math.random() * 10)).join('');",
      errors: [
        { messageId: 'insecureRandom', data: { name: 'verificationCode' }, line: 1, column: 69, endLine: 1, endColumn: 82 },
      ],
    },
    {
      // the global through `globalThis`
      code: 'const salt = globalThis.Math.random().toString(16);',
      errors: [{ messageId: 'insecureRandom', data: { name: 'salt' }, line: 1, column: 14, endLine: 1, endColumn: 38 }],
    },
    {
      // type errors do not stop the rule
      code: 'const apiKey: number = Math.random().toString(36) + undefinedThing.foo;',
      errors: [{ messageId: 'insecureRandom', data: { name: 'apiKey' }, line: 1, column: 24, endLine: 1, endColumn: 37 }],
    },
  ],
});
