import { createRuleTester } from '@prodready/test-kit';

import rule from '../../src/rules/no-commented-out-code.js';

const ruleTester = createRuleTester();

ruleTester.run('no-commented-out-code', rule, {
  valid: [
    // prose, even with punctuation and code words
    '// Retry once: the upstream drops the first connection after idle (see the runbook).\nexport const retries = 1;',
    '// If the user is missing, return a 404 instead of throwing.\nexport const notFound = 404;',
    // a single word or a lone mention of a function
    '// deprecated\nexport const legacy = true;',
    '// getUser()\nexport const getUser = () => 1;',
    // a URL on its own line
    '// https://github.com/prodready/prodready/issues/12\nexport const fixed = true;',
    // JSDoc with an example, and a line comment introducing an example
    '/**\n * Loads a user.\n * const user = await loadUser(id);\n */\nexport function loadUser() {}',
    '// Usage:\n// const client = createClient();\nexport function createClient() {}',
    // directives and licence headers
    '/// <reference types="node" />\nexport const platform = process.platform;',
    '// c8 ignore next (platform-specific)\nexport const isWindows = false;',
    '/* Copyright (c) Acme. Licensed under MIT; see LICENSE. */\nexport const version = 1;',
    '// @ts-expect-error the types are wrong\nexport const value: string = 1;',
    // a trailing remark after code
    'const total = price * quantity; // price * 1.2;',
    // generated files are skipped
    '// @generated\n// const total = 1;\nexport const total = 2;',
    // allow-listed
    {
      code: '// prettier-config: const config = { semi: false };\nexport const semi = true;',
      options: [{ allow: ['prettier-config'] }],
    },
  ],
  invalid: [
    {
      code: `
// const user = await prisma.user.findUnique({ where: { id } });
// if (!user) throw new NotFoundError();
export const findUser = () => undefined;
`,
      errors: [{ messageId: 'commentedOutCode', line: 2, column: 1, endLine: 3, endColumn: 41 }],
    },
    {
      // a single statement ending in a semicolon
      code: "// logger.info('order created', { orderId });\nexport const created = true;",
      errors: [{ messageId: 'commentedOutCode', line: 1, column: 1, endLine: 1, endColumn: 46 }],
    },
    {
      // a block comment around a declaration, with TS syntax
      code: '/* const retries = Number(process.env.RETRIES) as number; */\nexport const retries = 3;',
      errors: [{ messageId: 'commentedOutCode', line: 1, column: 1, endLine: 1, endColumn: 61 }],
    },
    {
      // the prose header is skipped; the code below it is reported
      code: `
export function listOrders() {
  // Old query:
  // return db.order.findMany({ where: { status: 'open' } });
  return [];
}
`,
      errors: [{ messageId: 'commentedOutCode', line: 4, column: 3, endLine: 4, endColumn: 62 }],
    },
    {
      // commented-out import, optional chaining and a cast
      code: "// import { sendMail } from './mailer';\n// await mailer?.send(user.email as string);\nexport {};",
      errors: [{ messageId: 'commentedOutCode', line: 1, column: 1, endLine: 2, endColumn: 45 }],
    },
    {
      // JSX in a .tsx file
      code: 'export const Page = () => (\n  <main>\n    {/* <AdminPanel user={user} /> */}\n  </main>\n);',
      filename: 'react.tsx',
      errors: [{ messageId: 'commentedOutCode', line: 3, column: 6, endLine: 3, endColumn: 38 }],
    },
    {
      // two lone calls together read as code
      code: '// connectDb()\n// startServer()\nexport {};',
      errors: [{ messageId: 'commentedOutCode', line: 1, column: 1, endLine: 2, endColumn: 17 }],
    },
    {
      // code with type errors does not crash
      code: "// const port: number = 'abc';\nexport const port: number = 'abc';",
      errors: [{ messageId: 'commentedOutCode', line: 1, column: 1, endLine: 1, endColumn: 31 }],
    },
  ],
});
