import { createRuleTester } from '@prodready/test-kit';

import rule from '../../src/rules/no-mocking-module-under-test.js';

const ruleTester = createRuleTester();

ruleTester.run('no-mocking-module-under-test', rule, {
  valid: [
    // mocking a dependency of the module under test
    { code: "import { vi } from 'vitest'; vi.mock('./db');", filename: '/app/src/users.test.ts' },
    // a route test mocking the same-named service in another layer
    { code: "import { vi } from 'vitest'; vi.mock('../services/users');", filename: '/app/src/routes/users.test.ts' },
    // a flat tests folder and a same-named module deeper in src
    { code: "jest.mock('../src/models/users');", filename: '/app/tests/users.test.ts' },
    // a partial mock keeps the real module
    {
      code: "import { vi } from 'vitest'; vi.mock('./users', async (importOriginal) => ({ ...(await importOriginal()), audit: vi.fn() }));",
      filename: '/app/src/users.test.ts',
    },
    // not a test file
    { code: "import { vi } from 'vitest'; vi.mock('./users');", filename: '/app/src/users.ts' },
    // `index.test.ts` names no module
    { code: "import { vi } from 'vitest'; vi.mock('./index');", filename: '/app/src/index.test.ts' },
    // a local `vi` that is not vitest
    { code: "const vi = { mock: (path: string) => path }; vi.mock('./users');", filename: '/app/src/users.test.ts' },
    // a spy on a dependency's namespace
    { code: "import { vi } from 'vitest'; import * as db from './db'; vi.spyOn(db, 'query');", filename: '/app/src/users.test.ts' },
    // a spy that keeps the real implementation only watches the module
    {
      code: "import { vi } from 'vitest'; import * as plugins from './plugins'; vi.spyOn(plugins, 'defaultPlugin');",
      filename: '/app/src/plugins.test.ts',
    },
    // a named import is not the module namespace
    { code: "import { vi } from 'vitest'; import { users } from './users'; vi.spyOn(users, 'find');", filename: '/app/src/users.test.ts' },
    // a different suffix list
    { code: "import { vi } from 'vitest'; vi.mock('./users');", filename: '/app/src/users.spec.ts', options: [{ testSuffixes: ['test'] }] },
  ],
  invalid: [
    {
      code: "import { vi } from 'vitest'; vi.mock('./users');",
      filename: '/app/src/users.test.ts',
      errors: [{ messageId: 'mocksModuleUnderTest', data: { target: './users' }, line: 1, column: 38, endLine: 1, endColumn: 47 }],
    },
    {
      // jest global, a mirrored tests tree and an extension
      code: "jest.mock('../../src/services/users.js');",
      filename: '/app/tests/services/users.spec.ts',
      errors: [
        {
          messageId: 'mocksModuleUnderTest',
          data: { target: '../../src/services/users.js' },
          line: 1,
          column: 11,
          endLine: 1,
          endColumn: 40,
        },
      ],
    },
    {
      // from __tests__, with a factory, through an aliased import
      code: "import { vi as mocks } from 'vitest'; mocks.doMock('../users', () => ({ listUsers: () => [] }));",
      filename: '/app/src/__tests__/users.test.ts',
      errors: [{ messageId: 'mocksModuleUnderTest', data: { target: '../users' }, line: 1, column: 52, endLine: 1, endColumn: 62 }],
    },
    {
      // a path alias, and a folder module through its index
      code: "import { vi } from 'vitest'; vi.mock('@/services/users/index');",
      filename: '/app/src/services/users.test.ts',
      errors: [
        { messageId: 'mocksModuleUnderTest', data: { target: '@/services/users/index' }, line: 1, column: 38, endLine: 1, endColumn: 62 },
      ],
    },
    {
      // a flat tests folder and a top-level source module
      code: "jest.mock('../src/users');",
      filename: '/app/tests/users.test.js',
      errors: [{ messageId: 'mocksModuleUnderTest', data: { target: '../src/users' }, line: 1, column: 11, endLine: 1, endColumn: 25 }],
    },
    {
      // a spy with a fake implementation on the module under test's namespace
      code: "import { vi } from 'vitest'; import * as usersModule from './users'; vi.spyOn(usersModule, 'findUser').mockResolvedValue(null);",
      filename: '/app/src/users.test.ts',
      errors: [{ messageId: 'mocksModuleUnderTest', data: { target: './users' }, line: 1, column: 79, endLine: 1, endColumn: 90 }],
    },
    {
      // sinon.stub replaces the function
      code: "import sinon from 'sinon'; import * as users from '../src/users'; sinon.stub(users, 'findUser');",
      filename: '/app/test/users.spec.ts',
      errors: [{ messageId: 'mocksModuleUnderTest', data: { target: '../src/users' }, line: 1, column: 78, endLine: 1, endColumn: 83 }],
    },
  ],
});
