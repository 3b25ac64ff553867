import { createRuleTester } from '@prodready/test-kit';
import type { TSESTree } from '@typescript-eslint/utils';

import { getMockCall } from '../../src/frameworks/testing/get-mock-call.js';
import { createProbeRule } from '../probe.js';

// Reports `api kind target=<target> object=<text>` for every mocking call.
const rule = createProbeRule<TSESTree.CallExpression>('CallExpression', (context, node) => {
  const mock = getMockCall(context, node);
  if (!mock) return undefined;
  const object = mock.object ? context.sourceCode.getText(mock.object) : '-';
  return `${mock.api} ${mock.kind} target=${mock.target ?? '-'} object=${object}`;
});

createRuleTester().run('getMockCall', rule, {
  valid: [
    // a local `vi` object is not vitest
    { code: "const vi = { mock: (path: string) => path }; vi.mock('./users');", filename: 'src/users.test.ts' },
    // `mock` from an unrelated module
    { code: "import { mock } from './fixtures'; mock.fn();", filename: 'src/users.test.ts' },
    // `.restore()` on something that is not a mock
    { code: "import { backup } from './backup'; backup.restore();", filename: 'src/users.test.ts' },
    // type errors do not crash
    { code: "import { vi } from 'vitest'; (vi as any)[method]('./users');", filename: 'src/users.test.ts' },
  ],
  invalid: [
    {
      code: "import { vi } from 'vitest';\nvi.mock('./users');\nvi.spyOn(mailer, 'send');\nvi.fn();",
      filename: 'src/users.test.ts',
      errors: [
        { messageId: 'probe', data: { answer: 'vi.mock module-mock target=./users object=-' }, line: 2, column: 1, endLine: 2, endColumn: 19 },
        { messageId: 'probe', data: { answer: 'vi.spyOn spy target=send object=mailer' }, line: 3, column: 1, endLine: 3, endColumn: 25 },
        { messageId: 'probe', data: { answer: 'vi.fn fn target=- object=-' }, line: 4, column: 1, endLine: 4, endColumn: 8 },
      ],
    },
    {
      // jest global, even outside a test file (setup files)
      code: "jest.mock('../src/db');\njest.useFakeTimers();",
      filename: 'jest.setup.ts',
      errors: [
        { messageId: 'probe', data: { answer: 'jest.mock module-mock target=../src/db object=-' }, line: 1, column: 1, endLine: 1, endColumn: 23 },
        { messageId: 'probe', data: { answer: 'jest.useFakeTimers timers target=- object=-' }, line: 2, column: 1, endLine: 2, endColumn: 21 },
      ],
    },
    {
      // env and global stubs and their restores, through an aliased import
      code: "import { vi as mocks } from 'vitest';\nmocks.stubEnv('NODE_ENV', 'production');\nmocks.stubGlobal('fetch', fakeFetch);\nmocks.unstubAllEnvs();\nmocks.useRealTimers();",
      filename: 'src/users.test.ts',
      errors: [
        { messageId: 'probe', data: { answer: 'vi.stubEnv env target=NODE_ENV object=-' }, line: 2, column: 1, endLine: 2, endColumn: 40 },
        { messageId: 'probe', data: { answer: 'vi.stubGlobal global target=fetch object=-' }, line: 3, column: 1, endLine: 3, endColumn: 37 },
        { messageId: 'probe', data: { answer: 'vi.unstubAllEnvs restore target=- object=-' }, line: 4, column: 1, endLine: 4, endColumn: 22 },
        { messageId: 'probe', data: { answer: 'vi.useRealTimers restore target=- object=-' }, line: 5, column: 1, endLine: 5, endColumn: 22 },
      ],
    },
    {
      // a spy's own restore, assigned in a hook
      code: "import { vi, beforeEach, afterEach } from 'vitest';\nlet sendSpy;\nbeforeEach(() => { sendSpy = vi.spyOn(mailer, 'send'); });\nafterEach(() => { sendSpy.mockRestore(); });",
      filename: 'src/users.test.ts',
      errors: [
        { messageId: 'probe', data: { answer: 'vi.spyOn spy target=send object=mailer' }, line: 3, column: 30, endLine: 3, endColumn: 54 },
        { messageId: 'probe', data: { answer: 'mockRestore restore target=- object=-' }, line: 4, column: 19, endLine: 4, endColumn: 40 },
      ],
    },
    {
      // configuring a mock is neither creating nor restoring one: only `vi.fn()` is reported
      code: "import { vi } from 'vitest'; vi.fn().mockResolvedValue(1);",
      filename: 'src/users.test.ts',
      errors: [{ messageId: 'probe', data: { answer: 'vi.fn fn target=- object=-' }, line: 1, column: 30, endLine: 1, endColumn: 37 }],
    },
    {
      // vitest's dynamic-import form
      code: "import { vi } from 'vitest';\nvi.mock(import('./users'), () => ({}));",
      filename: 'src/users.test.ts',
      errors: [
        { messageId: 'probe', data: { answer: 'vi.mock module-mock target=./users object=-' }, line: 2, column: 1, endLine: 2, endColumn: 39 },
      ],
    },
    {
      // node:test `mock` and `t.mock`
      code: "import { test, mock } from 'node:test';\nmock.method(mailer, 'send');\ntest('users', (t) => { const fetchUser = t.mock.fn(); t.mock.timers.enable(); fetchUser.mock.restore(); });\nmock.restoreAll();",
      filename: 'test/users.test.mjs',
      errors: [
        { messageId: 'probe', data: { answer: 'mock.method spy target=send object=mailer' }, line: 2, column: 1, endLine: 2, endColumn: 28 },
        { messageId: 'probe', data: { answer: 'mock.fn fn target=- object=-' }, line: 3, column: 42, endLine: 3, endColumn: 53 },
        { messageId: 'probe', data: { answer: 'mock.timers.enable timers target=- object=-' }, line: 3, column: 55, endLine: 3, endColumn: 77 },
        { messageId: 'probe', data: { answer: 'restore restore target=- object=-' }, line: 3, column: 79, endLine: 3, endColumn: 103 },
        { messageId: 'probe', data: { answer: 'mock.restoreAll restore target=- object=-' }, line: 4, column: 1, endLine: 4, endColumn: 18 },
      ],
    },
    {
      // sinon: a standalone stub, a method stub, a sandbox, restores
      code: "import sinon from 'sinon';\nconst sandbox = sinon.createSandbox();\nconst send = sinon.stub(mailer, 'send');\nsinon.stub();\nsandbox.spy(logger, 'info');\nsend.restore();\nsinon.restore();",
      filename: 'test/users.spec.ts',
      errors: [
        { messageId: 'probe', data: { answer: 'sinon.stub spy target=send object=mailer' }, line: 3, column: 14, endLine: 3, endColumn: 40 },
        { messageId: 'probe', data: { answer: 'sinon.stub fn target=- object=-' }, line: 4, column: 1, endLine: 4, endColumn: 13 },
        { messageId: 'probe', data: { answer: 'sinon.spy spy target=info object=logger' }, line: 5, column: 1, endLine: 5, endColumn: 28 },
        { messageId: 'probe', data: { answer: 'restore restore target=- object=-' }, line: 6, column: 1, endLine: 6, endColumn: 15 },
        { messageId: 'probe', data: { answer: 'sinon.restore restore target=- object=-' }, line: 7, column: 1, endLine: 7, endColumn: 16 },
      ],
    },
    {
      // bun:test
      code: "import { mock, spyOn } from 'bun:test';\nmock.module('./users', () => ({}));\nspyOn(mailer, 'send');\nmock(() => 1);",
      filename: 'src/users.test.ts',
      errors: [
        { messageId: 'probe', data: { answer: 'mock.module module-mock target=./users object=-' }, line: 2, column: 1, endLine: 2, endColumn: 35 },
        { messageId: 'probe', data: { answer: 'spyOn spy target=send object=mailer' }, line: 3, column: 1, endLine: 3, endColumn: 22 },
        { messageId: 'probe', data: { answer: 'mock fn target=- object=-' }, line: 4, column: 1, endLine: 4, endColumn: 14 },
      ],
    },
  ],
});
