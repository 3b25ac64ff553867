import { createRuleTester } from '@prodready/test-kit';

import rule from '../../src/rules/no-deprecated-cipher.js';

const ruleTester = createRuleTester();

ruleTester.run('no-deprecated-cipher', rule, {
  valid: [
    // an AEAD cipher with a random IV
    `
      import crypto from 'node:crypto';
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
    `,
    // decryption reuses the IV stored with the ciphertext, even when it is read from a constant
    "import { createDecipheriv } from 'crypto'; const decipher = createDecipheriv('aes-256-cbc', key, Buffer.from(stored.iv, 'hex'));",
    // an IV built from a variable, not a literal
    "import { createCipheriv } from 'crypto'; const cipher = createCipheriv('aes-256-cbc', key, Buffer.from(ivHex, 'hex'));",
    // an algorithm read from configuration is not judged
    "import { createCipheriv, randomBytes } from 'crypto'; createCipheriv(config.algorithm, key, randomBytes(16));",
    // a same-named local that is not `node:crypto`
    `
      const createCipher = (name: string) => ({ name });
      createCipher('des');
    `,
    "const cipher = { createCipheriv: (...args: unknown[]) => args }; cipher.createCipheriv('des-ede3-cbc', key, '12345678');",
    // allow-listed algorithm, to decrypt legacy data
    {
      code: "import crypto from 'crypto'; crypto.createDecipheriv('des-ede3-cbc', key, iv);",
      options: [{ allow: ['des-ede3-cbc'] }],
    },
    // test files may use fixed vectors
    { code: "import crypto from 'crypto'; crypto.createCipheriv('aes-256-cbc', key, '0123456789abcdef');", filename: 'src/crypto.test.ts' },
  ],
  invalid: [
    {
      code: "import crypto from 'crypto'; const cipher = crypto.createCipher('aes-256-cbc', password);",
      errors: [{ messageId: 'noIv', data: { name: 'createCipher' }, line: 1, column: 45, endLine: 1, endColumn: 64 }],
    },
    {
      // aliased import
      code: "import { createDecipher as decipherWith } from 'node:crypto'; decipherWith('aes192', password);",
      errors: [{ messageId: 'noIv', data: { name: 'createDecipher' }, line: 1, column: 63, endLine: 1, endColumn: 75 }],
    },
    {
      code: "const crypto = require('crypto'); crypto.createCipheriv('des-ede3-cbc', key, iv);",
      errors: [{ messageId: 'weakAlgorithm', data: { algorithm: 'des-ede3-cbc' }, line: 1, column: 57, endLine: 1, endColumn: 71 }],
    },
    {
      // ECB mode through a constant
      code: "import { createCipheriv } from 'crypto'; const ALGORITHM = 'aes-256-ecb'; createCipheriv(ALGORITHM, key, null);",
      errors: [{ messageId: 'weakAlgorithm', data: { algorithm: 'aes-256-ecb' }, line: 1, column: 90, endLine: 1, endColumn: 99 }],
    },
    {
      code: "import { createCipheriv } from 'crypto'; createCipheriv('aes-256-cbc', key, '0123456789abcdef');",
      errors: [{ messageId: 'staticIv', line: 1, column: 77, endLine: 1, endColumn: 95 }],
    },
    {
      // a constant IV built from a literal, behind a cast
      code: "import crypto from 'crypto'; const IV = Buffer.from('a1b2c3d4e5f6a7b8') as Buffer; crypto.createCipheriv('aes-256-gcm', key, IV);",
      errors: [{ messageId: 'staticIv', line: 1, column: 126, endLine: 1, endColumn: 128 }],
    },
    {
      // an all-zero IV, with a type error elsewhere
      code: "import crypto from 'crypto'; const n: string = 1; crypto.createCipheriv('aes-128-cbc', key, Buffer.alloc(16, 0));",
      errors: [{ messageId: 'staticIv', line: 1, column: 93, endLine: 1, endColumn: 112 }],
    },
  ],
});
