import { createRuleTester } from '@prodready/test-kit';

import rule from '../../src/rules/no-weak-password-hash.js';

const ruleTester = createRuleTester();

ruleTester.run('no-weak-password-hash', rule, {
  valid: [
    // bcrypt with a current cost
    "import bcrypt from 'bcrypt'; const hash = await bcrypt.hash(password, 12);",
    "import bcrypt from 'bcryptjs'; const salt = await bcrypt.genSalt(10);",
    // a cost read from configuration is not judged
    "import bcrypt from 'bcrypt'; await bcrypt.hash(password, config.saltRounds);",
    // a same-named local that is not bcrypt
    'const bcrypt = { hash: (value: string, rounds: number) => value + rounds }; bcrypt.hash(password, 4);',
    // sha256 of a token (not a password) is the right way to store reset tokens
    "import crypto from 'crypto'; const tokenHash = crypto.createHash('sha256').update(resetToken).digest('hex');",
    // a hash of something about a password, not the password
    "import crypto from 'crypto'; crypto.createHash('sha256').update(passwordHash).digest('hex');",
    // a pre-hash that stays the password and goes on to bcrypt
    "import crypto from 'crypto'; password = crypto.createHash('sha512').update(password).digest('hex'); await bcrypt.hash(password, 12);",
    // pbkdf2 at the OWASP count
    "import crypto from 'crypto'; crypto.pbkdf2Sync(password, salt, 600000, 32, 'sha256');",
    "import { pbkdf2 } from 'node:crypto'; pbkdf2(password, salt, 210000, 64, 'sha512', done);",
    // stored after hashing
    `
      import express from 'express';
      import { PrismaClient } from '@prisma/client';
      import bcrypt from 'bcrypt';
      const prisma = new PrismaClient();
      const app = express();
      app.post('/signup', async (req, res) => {
        const password = await bcrypt.hash(req.body.password, 12);
        await prisma.user.create({ data: { email: req.body.email, password } });
      });
    `,
    // Mongoose models usually hash in a `pre('save')` hook
    `
      import express from 'express';
      import mongoose from 'mongoose';
      const app = express();
      const User = mongoose.model('User', userSchema);
      app.post('/signup', async (req, res) => {
        await User.create({ email: req.body.email, password: req.body.password });
      });
    `,
    // a password that is not from the request (a seed or a generated one) is not reported as stored plaintext
    `
      import { PrismaClient } from '@prisma/client';
      const prisma = new PrismaClient();
      await prisma.user.create({ data: { email, password: hashedPassword } });
    `,
    // a password passed through the project's own hashing helper
    `
      import express from 'express';
      import { PrismaClient } from '@prisma/client';
      const prisma = new PrismaClient();
      const app = express();
      app.post('/signup', async (req, res) => {
        await prisma.user.create({ data: { email: req.body.email, password: await hashPassword(req.body.password) } });
      });
    `,
    // test files may use cheap hashes
    { code: "import bcrypt from 'bcrypt'; await bcrypt.hash(password, 1);", filename: 'tests/auth.test.ts' },
  ],
  invalid: [
    {
      code: "import crypto from 'crypto'; const hash = crypto.createHash('md5').update(password).digest('hex');",
      errors: [{ messageId: 'fastHash', data: { algorithm: 'md5' }, line: 1, column: 43, endLine: 1, endColumn: 67 }],
    },
    {
      // aliased import, request body field, optional chaining
      code: "import { createHash as digestOf } from 'node:crypto'; digestOf('sha256')?.update(req.body.password).digest('hex');",
      errors: [{ messageId: 'fastHash', data: { algorithm: 'sha256' }, line: 1, column: 55, endLine: 1, endColumn: 73 }],
    },
    {
      // a salted sha1 through a variable, in a Mongoose pre-save hook
      code: "const crypto = require('crypto'); const hasher = crypto.createHash('sha1'); hasher.update(salt + this.password);",
      errors: [{ messageId: 'fastHash', data: { algorithm: 'sha1' }, line: 1, column: 50, endLine: 1, endColumn: 75 }],
    },
    {
      code: "import bcrypt from 'bcryptjs'; const hash = bcrypt.hashSync(password, 8);",
      errors: [{ messageId: 'lowBcryptCost', data: { rounds: '8', minimum: '10' }, line: 1, column: 71, endLine: 1, endColumn: 72 }],
    },
    {
      // a constant cost, with a type error elsewhere
      code: "import { genSalt } from 'bcrypt'; const SALT_ROUNDS = 5; const n: string = 1; await genSalt(SALT_ROUNDS);",
      errors: [{ messageId: 'lowBcryptCost', data: { rounds: '5', minimum: '10' }, line: 1, column: 93, endLine: 1, endColumn: 104 }],
    },
    {
      // a stricter project minimum
      code: "import bcrypt from 'bcrypt'; await bcrypt.hash(password, 10);",
      options: [{ minimumBcryptRounds: 12, minimumPbkdf2Iterations: 600000 }],
      errors: [{ messageId: 'lowBcryptCost', data: { rounds: '10', minimum: '12' }, line: 1, column: 58, endLine: 1, endColumn: 60 }],
    },
    {
      code: "import crypto from 'crypto'; crypto.pbkdf2Sync(password, salt, 10000, 64, 'sha512');",
      errors: [
        {
          messageId: 'lowPbkdf2Iterations',
          data: { iterations: '10000', digest: 'sha512', minimum: '210000' },
          line: 1,
          column: 64,
          endLine: 1,
          endColumn: 69,
        },
      ],
    },
    {
      code: `
        import express from 'express';
        import { PrismaClient } from '@prisma/client';
        const prisma = new PrismaClient();
        const app = express();
        app.post('/signup', async (req, res) => {
          const { email, password } = req.body;
          await prisma.user.create({ data: { email, password } });
        });
      `,
      errors: [{ messageId: 'plaintextPassword', line: 8, column: 53, endLine: 8, endColumn: 61 }],
    },
  ],
});
