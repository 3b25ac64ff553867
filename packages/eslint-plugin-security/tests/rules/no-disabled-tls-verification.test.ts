import { createRuleTester } from '@prodready/test-kit';

import rule from '../../src/rules/no-disabled-tls-verification.js';

const ruleTester = createRuleTester();

ruleTester.run('no-disabled-tls-verification', rule, {
  valid: [
    // verification on, or the certificate authority trusted explicitly
    "import https from 'node:https'; const agent = new https.Agent({ rejectUnauthorized: true });",
    "import { Pool } from 'pg'; const pool = new Pool({ ssl: { ca: process.env.DB_CA_CERT } });",
    // environment-controlled, secure by default
    "import { Pool } from 'pg'; const pool = new Pool({ ssl: { rejectUnauthorized: process.env.DB_SSL_STRICT !== 'false' } });",
    "import tls from 'node:tls'; tls.connect({ host, port, rejectUnauthorized: config.tls.verify });",
    // behind a setting that asks for it
    `
      if (config['email:smtpTransport:allow-self-signed']) {
        smtpOptions.tls = { rejectUnauthorized: false };
      }
    `,
    "const agent = notification.unsafeTls ? new https.Agent({ rejectUnauthorized: false }) : undefined;",
    // the variable set to a secure value, or read rather than written
    "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '1';",
    "const insecure = process.env.NODE_TLS_REJECT_UNAUTHORIZED === '0';",
    // a same-named local object that is not the process environment
    "const process = { env: {} as Record<string, string> }; process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';",
    // a destructuring pattern reads the option, it does not set it
    'const { rejectUnauthorized = false } = tlsOptions;',
    // mongo: valid certificates required
    "import mongoose from 'mongoose'; await mongoose.connect(uri, { tlsAllowInvalidCertificates: false });",
    // test files talk to local servers with self-signed certificates
    {
      code: "import https from 'node:https'; const agent = new https.Agent({ rejectUnauthorized: false });",
      filename: 'src/server.test.ts',
    },
    // type errors do not crash
    "const agent: number = new https.Agent({ rejectUnauthorized: 'no' });",
  ],
  invalid: [
    {
      code: "import https from 'node:https'; const agent = new https.Agent({ rejectUnauthorized: false });",
      errors: [
        {
          messageId: 'disabledVerification',
          data: { option: 'rejectUnauthorized', value: 'false' },
          line: 1,
          column: 65,
          endLine: 1,
          endColumn: 90,
        },
      ],
    },
    {
      // pg `ssl` options, with a TS cast
      code: "import { Pool } from 'pg'; const pool = new Pool({ ssl: { rejectUnauthorized: false as boolean } });",
      errors: [
        {
          messageId: 'disabledVerification',
          data: { option: 'rejectUnauthorized', value: 'false' },
          line: 1,
          column: 59,
          endLine: 1,
          endColumn: 95,
        },
      ],
    },
    {
      // axios httpsAgent, quoted key
      code: "import axios from 'axios'; import { Agent } from 'https'; await axios.get(url, { httpsAgent: new Agent({ 'rejectUnauthorized': !1 }) });",
      errors: [
        {
          messageId: 'disabledVerification',
          data: { option: 'rejectUnauthorized', value: 'false' },
          line: 1,
          column: 106,
          endLine: 1,
          endColumn: 130,
        },
      ],
    },
    {
      code: "const request = require('request'); request({ url, strictSSL: false });",
      errors: [
        {
          messageId: 'disabledVerification',
          data: { option: 'strictSSL', value: 'false' },
          line: 1,
          column: 52,
          endLine: 1,
          endColumn: 68,
        },
      ],
    },
    {
      code: "import mongoose from 'mongoose'; await mongoose.connect(uri, { tlsAllowInvalidCertificates: true });",
      errors: [
        {
          messageId: 'disabledVerification',
          data: { option: 'tlsAllowInvalidCertificates', value: 'true' },
          line: 1,
          column: 64,
          endLine: 1,
          endColumn: 97,
        },
      ],
    },
    {
      code: "import https from 'node:https'; https.globalAgent.options.rejectUnauthorized = false;",
      errors: [
        {
          messageId: 'disabledVerification',
          data: { option: 'rejectUnauthorized', value: 'false' },
          line: 1,
          column: 33,
          endLine: 1,
          endColumn: 85,
        },
      ],
    },
    {
      // a condition that is not about verification does not excuse it
      code: "const ssl = env.isProduction ? { rejectUnauthorized: false } : false;",
      errors: [
        {
          messageId: 'disabledVerification',
          data: { option: 'rejectUnauthorized', value: 'false' },
          line: 1,
          column: 34,
          endLine: 1,
          endColumn: 59,
        },
      ],
    },
    {
      // retrying without verification after a certificate error is not an opt-in
      code: `
        if (err.message === 'self signed certificate in certificate chain') {
          transportConfig.tls.rejectUnauthorized = false;
        }
      `,
      errors: [
        {
          messageId: 'disabledVerification',
          data: { option: 'rejectUnauthorized', value: 'false' },
          line: 3,
          column: 11,
          endLine: 3,
          endColumn: 57,
        },
      ],
    },
    {
      code: "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';",
      errors: [{ messageId: 'disabledGlobally', line: 1, column: 1, endLine: 1, endColumn: 47 }],
    },
    {
      // `env` from node:process, bracket access
      code: "import { env } from 'node:process'; env['NODE_TLS_REJECT_UNAUTHORIZED'] = `0`;",
      errors: [{ messageId: 'disabledGlobally', line: 1, column: 37, endLine: 1, endColumn: 78 }],
    },
  ],
});
