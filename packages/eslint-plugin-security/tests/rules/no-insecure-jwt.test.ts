import { createRuleTester } from '@prodready/test-kit';

import rule from '../../src/rules/no-insecure-jwt.js';

const ruleTester = createRuleTester();

ruleTester.run('no-insecure-jwt', rule, {
  valid: [
    // algorithms pinned
    {
      code: "import jwt from 'jsonwebtoken'; jwt.verify(token, secret, { algorithms: ['HS256'] });",
      options: [{ checkAlgorithms: true, checkExpiry: false }],
    },
    // missing algorithms is only reported with checkAlgorithms
    "import jwt from 'jsonwebtoken'; jwt.verify(token, secret);",
    // options built elsewhere may pin the algorithm
    {
      code: "import jwt from 'jsonwebtoken'; jwt.verify(token, secret, verifyOptions);",
      options: [{ checkAlgorithms: true, checkExpiry: false }],
    },
    {
      code: "import jwt from 'jsonwebtoken'; jwt.verify(token, secret, { ...baseOptions });",
      options: [{ checkAlgorithms: true, checkExpiry: false }],
    },
    // a same-named local that is not jsonwebtoken
    {
      code: 'const jwt = { verify: (token: string, secret: string) => token === secret }; jwt.verify(token, secret);',
      options: [{ checkAlgorithms: true, checkExpiry: false }],
    },
    // jose jwtVerify checks the algorithm against the key itself
    "import { jwtVerify } from 'jose'; await jwtVerify(token, key);",
    // ignoreExpiration false
    "import jwt from 'jsonwebtoken'; jwt.verify(token, secret, { algorithms: ['HS256'], ignoreExpiration: false });",
    // decode only to read the expiry, not to authorize
    `
      import jwt from 'jsonwebtoken';
      function isExpired(token: string) {
        const decoded = jwt.decode(token) as { exp: number };
        return decoded.exp * 1000 < Date.now();
      }
    `,
    // decode after verify in the same function
    `
      import jwt from 'jsonwebtoken';
      function authenticate(req, res, next) {
        jwt.verify(req.headers.authorization, secret, { algorithms: ['HS256'] });
        const decoded = jwt.decode(req.headers.authorization);
        req.user = decoded;
        next();
      }
    `,
    // decode result logged, not trusted
    `
      import jwt from 'jsonwebtoken';
      function logToken(token: string) {
        const decoded = jwt.decode(token);
        console.log(decoded);
      }
    `,
    // sign without expiresIn is only reported with checkExpiry
    "import jwt from 'jsonwebtoken'; jwt.sign({ sub: user.id }, secret);",
    // sign with expiresIn, or with exp in the payload
    {
      code: "import jwt from 'jsonwebtoken'; jwt.sign({ sub: user.id }, secret, { expiresIn: '15m' });",
      options: [{ checkAlgorithms: false, checkExpiry: true }],
    },
    {
      code: "import jwt from 'jsonwebtoken'; jwt.sign({ sub: user.id, exp: Math.floor(Date.now() / 1000) + 900 }, secret);",
      options: [{ checkAlgorithms: false, checkExpiry: true }],
    },
    {
      code: "import jwt from 'jsonwebtoken'; jwt.sign({ sub: user.id }, secret, signOptions);",
      options: [{ checkAlgorithms: false, checkExpiry: true }],
    },
    // test files sign fixtures
    {
      code: "import jwt from 'jsonwebtoken'; jwt.verify(token, secret);",
      options: [{ checkAlgorithms: true, checkExpiry: false }],
      filename: 'src/auth.test.ts',
    },
    // type errors do not crash
    "import jwt from 'jsonwebtoken'; const payload: number = jwt.verify(token, secret, { algorithms: 'HS256' });",
    // decode through a same-named local that is not jsonwebtoken
    `
      const jwt = { decode: (token: string) => JSON.parse(token) };
      function authenticate(req, res, next) {
        const decoded = jwt.decode(req.headers.authorization);
        req.user = decoded;
        next();
      }
    `,
  ],
  invalid: [
    {
      code: "import jwt from 'jsonwebtoken'; jwt.verify(token, secret);",
      options: [{ checkAlgorithms: true, checkExpiry: false }],
      errors: [{ messageId: 'missingAlgorithms', line: 1, column: 33, endLine: 1, endColumn: 43 }],
    },
    {
      // aliased named import and a callback in the options slot
      code: "import { verify as verifyToken } from 'jsonwebtoken'; verifyToken(token, secret, (err, payload) => done(err, payload));",
      options: [{ checkAlgorithms: true, checkExpiry: false }],
      errors: [{ messageId: 'missingAlgorithms', line: 1, column: 55, endLine: 1, endColumn: 66 }],
    },
    {
      code: "const jwt = require('jsonwebtoken'); jwt.verify(token, secret, { issuer: 'api' });",
      options: [{ checkAlgorithms: true, checkExpiry: false }],
      errors: [{ messageId: 'missingAlgorithms', line: 1, column: 38, endLine: 1, endColumn: 48 }],
    },
    {
      code: "import jwt from 'jsonwebtoken'; jwt.verify(token, secret, { algorithms: ['HS256', 'none'] });",
      errors: [{ messageId: 'noneAlgorithm', line: 1, column: 83, endLine: 1, endColumn: 89 }],
    },
    {
      // a TS cast around the options
      code: "import jwt from 'jsonwebtoken'; jwt.verify(token, secret, { algorithms: ['HS256'], ignoreExpiration: true } as VerifyOptions);",
      errors: [{ messageId: 'ignoredExpiration', line: 1, column: 84, endLine: 1, endColumn: 106 }],
    },
    {
      code: "import { jwtVerify } from 'jose'; await jwtVerify(token, key, { algorithms: ['none'] });",
      errors: [{ messageId: 'noneAlgorithm', line: 1, column: 78, endLine: 1, endColumn: 84 }],
    },
    {
      // decode used as the user
      code: `
        import jwt from 'jsonwebtoken';
        function authenticate(req, res, next) {
          const decoded = jwt.decode(req.headers.authorization);
          req.user = decoded;
          next();
        }
      `,
      errors: [{ messageId: 'decodeUsedToAuthorize', data: { name: 'jwt.decode' }, line: 4, column: 27, endLine: 4, endColumn: 37 }],
    },
    {
      // a claim compared, through optional chaining and a cast
      code: `
        import { decodeJwt } from 'jose';
        export async function GET(request: Request) {
          const claims = decodeJwt(request.headers.get('authorization') ?? '') as { role?: string };
          if (claims?.role !== 'admin') return new Response('Forbidden', { status: 403 });
          return Response.json(await listUsers());
        }
      `,
      errors: [{ messageId: 'decodeUsedToAuthorize', data: { name: 'decodeJwt' }, line: 4, column: 26, endLine: 4, endColumn: 35 }],
    },
    {
      code: "import jwt from 'jsonwebtoken'; jwt.sign({ sub: user.id }, secret);",
      options: [{ checkAlgorithms: false, checkExpiry: true }],
      errors: [{ messageId: 'missingExpiry', line: 1, column: 33, endLine: 1, endColumn: 41 }],
    },
    {
      code: "import jwt from 'jsonwebtoken'; jwt.sign({ sub: user.id }, secret, { algorithm: 'HS256' });",
      options: [{ checkAlgorithms: false, checkExpiry: true }],
      errors: [{ messageId: 'missingExpiry', line: 1, column: 33, endLine: 1, endColumn: 41 }],
    },
  ],
});
