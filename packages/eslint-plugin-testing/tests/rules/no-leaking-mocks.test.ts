import { fileURLToPath } from 'node:url';

import { createRuleTester } from '@prodready/test-kit';

import rule from '../../src/rules/no-leaking-mocks.js';

const ruleTester = createRuleTester();
// A project whose vitest config sets `restoreMocks: true` and `unstubGlobals: true`.
const configuredTest = fileURLToPath(new URL('../fixtures/runner-restores/src/api.test.ts', import.meta.url));

ruleTester.run('no-leaking-mocks', rule, {
  valid: [
    // restored after each test
    {
      code: `
        import { afterEach, expect, it, vi } from 'vitest';
        import { mailer } from '../src/mailer';
        afterEach(() => { vi.restoreAllMocks(); });
        it('reports a bounce', async () => { vi.spyOn(mailer, 'send').mockRejectedValue(new Error('bounce')); expect(await notify()).toBe(false); });
        it('sends', async () => { expect(await notify()).toBe(true); });
      `,
      filename: 'tests/notify.test.ts',
    },
    // the spy restores itself
    {
      code: `
        import { expect, it, vi } from 'vitest';
        it('reports a bounce', async () => { const send = vi.spyOn(mailer, 'send').mockRejectedValue(new Error('bounce')); expect(await notify()).toBe(false); send.mockRestore(); });
        it('sends', async () => { expect(await notify()).toBe(true); });
      `,
      filename: 'tests/notify.test.ts',
    },
    // the last test in the file: nothing runs after it
    {
      code: "import { expect, it, vi } from 'vitest'; it('sends', () => {}); it('reports a bounce', async () => { vi.spyOn(mailer, 'send').mockRejectedValue(new Error('bounce')); expect(await notify()).toBe(false); });",
      filename: 'tests/notify.test.ts',
    },
    // a pass-through spy and a console spy change no result
    {
      code: "import { expect, it, vi } from 'vitest'; it('sends', async () => { vi.spyOn(mailer, 'send'); vi.spyOn(console, 'error').mockImplementation(() => {}); await notify(); }); it('sends again', () => {});",
      filename: 'tests/notify.test.ts',
    },
    // file-level setup cannot leak into another file
    {
      code: "import { beforeAll, it, vi } from 'vitest'; vi.stubEnv('NODE_ENV', 'production'); beforeAll(() => { vi.useFakeTimers(); }); it('a', () => {}); it('b', () => {});",
      filename: 'tests/config.test.ts',
    },
    // the runner restores by configuration
    {
      code: "import { it, vi } from 'vitest'; it('a', () => { vi.stubGlobal('fetch', vi.fn()); }); it('b', () => {});",
      filename: 'tests/api.test.ts',
      options: [{ runnerRestores: ['globals'] }],
    },
    // the runner config restores (read from vitest.config.mjs)
    {
      code: "import { it, vi } from 'vitest'; import { mailer } from './mailer'; it('a', () => { vi.stubGlobal('fetch', vi.fn()); vi.spyOn(mailer, 'send').mockResolvedValue(true); }); it('b', () => {});",
      filename: configuredTest,
    },
    // node:test restores `t.mock` when the test ends
    {
      code: "import { test } from 'node:test'; test('a', (t) => { t.mock.method(mailer, 'send', async () => false); }); test('b', () => {});",
      filename: 'test/notify.test.mjs',
    },
    // a sinon sandbox restored in a hook
    {
      code: "import sinon from 'sinon'; const sandbox = sinon.createSandbox(); afterEach(() => sandbox.restore()); it('a', () => { sandbox.stub(mailer, 'send').resolves(false); }); it('b', () => {});",
      filename: 'test/notify.spec.ts',
    },
    // a same-named local `vi` is not the runner's
    {
      code: "import { it } from 'vitest'; const vi = { useFakeTimers() {} }; it('a', () => { vi.useFakeTimers(); }); it('b', () => {});",
      filename: 'tests/clock.test.ts',
    },
    // fake timers inside one describe, with tests only inside it
    {
      code: "import { beforeEach, describe, it, vi } from 'vitest'; describe('retry', () => { beforeEach(() => { vi.useFakeTimers(); }); it('a', () => {}); it('b', () => {}); });",
      filename: 'tests/retry.test.ts',
    },
    // type errors do not crash; a behaviour method read but never called sets nothing
    {
      code: "import { it, vi } from 'vitest'; it('a', () => { vi.spyOn(mailer as any, 'send')!.mockReturnValue; vi.spyOn(); }); it('b', () => {});",
      filename: 'tests/notify.test.ts',
    },
  ],
  invalid: [
    {
      // the runner config restores mocks and globals, not environment variables
      code: "import { it, vi } from 'vitest'; it('a', () => { vi.stubEnv('NODE_ENV', 'production'); }); it('b', () => {});",
      filename: configuredTest,
      errors: [{ messageId: 'leakingMock', data: { what: 'stubbed environment variable' }, line: 1, column: 50, endLine: 1, endColumn: 86 }],
    },
    {
      code: `
        import { expect, it, vi } from 'vitest';
        import { mailer } from '../src/mailer';
        it('reports a bounce', async () => {
          vi.spyOn(mailer, 'send').mockRejectedValue(new Error('bounce'));
          expect(await notify()).toBe(false);
        });
        it('sends', async () => { expect(await notify()).toBe(true); });
      `,
      filename: 'tests/notify.test.ts',
      errors: [{ messageId: 'leakingMock', data: { what: 'replaced function' }, line: 5, column: 11, endLine: 5, endColumn: 35 }],
    },
    // behaviour set through the variable; jest globals
    {
      code: "it('fails over', async () => { const query = jest.spyOn(db, 'query'); query.mockRejectedValue(new Error('down')); await expect(load()).rejects.toThrow(); }); it('loads', async () => {});",
      filename: 'src/load.test.ts',
      errors: [{ messageId: 'leakingMock', data: { what: 'replaced function' }, line: 1, column: 46, endLine: 1, endColumn: 69 }],
    },
    // aliased import, fake timers
    {
      code: "import { it, vi as mocks } from 'vitest'; it('expires', () => { mocks.useFakeTimers(); mocks.advanceTimersByTime(60_000); }); it('refreshes', () => {});",
      filename: 'tests/session.test.ts',
      errors: [{ messageId: 'leakingMock', data: { what: 'fake timers' }, line: 1, column: 65, endLine: 1, endColumn: 86 }],
    },
    // env and global stubs
    {
      code: "import { it, vi } from 'vitest'; it('uses prod', () => { vi.stubEnv('NODE_ENV', 'production'); vi.stubGlobal('fetch', vi.fn()); }); it('uses dev', () => {});",
      filename: 'tests/config.test.ts',
      errors: [
        { messageId: 'leakingMock', data: { what: 'stubbed environment variable' }, line: 1, column: 58, endLine: 1, endColumn: 94 },
        { messageId: 'leakingMock', data: { what: 'stubbed global' }, line: 1, column: 96, endLine: 1, endColumn: 127 },
      ],
    },
    // a hook inside one describe leaks into the next describe
    {
      code: "import { beforeEach, describe, it, vi } from 'vitest'; describe('retry', () => { beforeEach(() => { vi.useFakeTimers(); }); it('a', () => {}); }); describe('send', () => { it('b', () => {}); });",
      filename: 'tests/retry.test.ts',
      errors: [{ messageId: 'leakingMock', data: { what: 'fake timers' }, line: 1, column: 101, endLine: 1, endColumn: 119 }],
    },
    // sinon stubs replace the method
    {
      code: "import sinon from 'sinon'; it('a', () => { sinon.stub(mailer, 'send').resolves(false); }); it('b', () => {});",
      filename: 'test/notify.spec.ts',
      errors: [{ messageId: 'leakingMock', data: { what: 'replaced function' }, line: 1, column: 44, endLine: 1, endColumn: 70 }],
    },
    // TS cast and optional chaining
    {
      code: "import { it, vi } from 'vitest'; it('a', () => { (vi as any).spyOn(mailer, 'send')?.mockReturnValue(false); }); it('b', () => {});",
      filename: 'tests/notify.test.ts',
      errors: [{ messageId: 'leakingMock', data: { what: 'replaced function' }, line: 1, column: 50, endLine: 1, endColumn: 83 }],
    },
  ],
});
