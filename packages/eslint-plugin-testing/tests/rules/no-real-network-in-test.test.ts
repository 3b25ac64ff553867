import { createRuleTester } from '@prodready/test-kit';

import rule from '../../src/rules/no-real-network-in-test.js';

const ruleTester = createRuleTester();

ruleTester.run('no-real-network-in-test', rule, {
  valid: [
    // a local server started by the test
    { code: "it('lists users', async () => { await fetch('http://localhost:3000/users'); });", filename: '/app/src/users.test.ts' },
    { code: "it('lists users', async () => { await fetch('http://127.0.0.1:3000/users'); });", filename: '/app/src/users.test.ts' },
    // a container on the compose network
    { code: "it('reads', async () => { await fetch('http://search:9200/_health'); });", filename: '/app/src/search.test.ts' },
    // a reserved name that never resolves
    { code: "it('reads', async () => { await fetch('https://api.example.test/users'); });", filename: '/app/src/client.test.ts' },
    // msw intercepts every request in the file
    {
      code: "import { setupServer } from 'msw/node'; const server = setupServer(); it('lists users', async () => { await fetch('https://api.github.com/users'); });",
      filename: '/app/src/users.test.ts',
    },
    // nock through require
    {
      code: "const nock = require('nock'); it('charges', async () => { await axios.post('https://api.stripe.com/v1/charges', {}); });",
      filename: '/app/src/billing.test.js',
    },
    // fetch stubbed as a global
    {
      code: "import { vi } from 'vitest'; vi.stubGlobal('fetch', vi.fn()); it('lists users', async () => { await fetch('https://api.github.com/users'); });",
      filename: '/app/src/users.test.ts',
    },
    // fetch spied on the global object
    {
      code: "jest.spyOn(global, 'fetch').mockResolvedValue(new Response('[]')); it('lists users', async () => { await fetch('https://api.github.com/users'); });",
      filename: '/app/src/users.test.ts',
    },
    // fetch assigned on globalThis
    {
      code: "globalThis.fetch = (async () => new Response('[]')) as typeof fetch; it('lists users', async () => { await fetch('https://api.github.com/users'); });",
      filename: '/app/src/users.test.ts',
    },
    // the HTTP client module is mocked
    {
      code: "import axios from 'axios'; import { vi } from 'vitest'; vi.mock('axios'); it('charges', async () => { await axios.get('https://api.stripe.com/v1/charges'); });",
      filename: '/app/src/billing.test.ts',
    },
    // undici's MockAgent installed as the dispatcher
    {
      code: "import { MockAgent, setGlobalDispatcher } from 'undici'; setGlobalDispatcher(new MockAgent()); it('lists', async () => { await fetch('https://api.github.com/users'); });",
      filename: '/app/src/users.test.ts',
    },
    // not a test file
    { code: "export async function listUsers() { return fetch('https://api.github.com/users'); }", filename: '/app/src/users.ts' },
    // an end-to-end suite talks to real services on purpose
    { code: "it('loads', async () => { await fetch('https://staging.acme.io/health'); });", filename: '/app/e2e/health.test.ts' },
    { code: "it('loads', async () => { await fetch('https://staging.acme.io/health'); });", filename: '/app/src/health.integration.test.ts' },
    // the URL comes from the environment
    { code: "it('loads', async () => { await fetch(process.env.API_URL + '/health'); });", filename: '/app/src/health.test.ts' },
    // a host assembled at run time
    { code: "it('loads', async () => { await fetch(`https://${region}.acme.io/health`); });", filename: '/app/src/health.test.ts' },
    // a same-named local that is not the HTTP client
    {
      code: "const fetch = (url: string) => cache.get(url); it('reads', () => { expect(fetch('https://api.github.com/users')).toEqual([]); });",
      filename: '/app/src/cache.test.ts',
    },
    // supertest against the app, not a URL
    { code: "import request from 'supertest'; it('lists', () => request(app).get('https://api.github.com').expect(200));", filename: '/app/src/app.test.ts' },
    // an allowed host
    {
      code: "it('loads', async () => { await fetch('https://stub.ci.acme.io/health'); });",
      filename: '/app/src/health.test.ts',
      options: [{ allow: ['*.ci.acme.io'] }],
    },
    // a URL that is only data
    { code: "it('parses', () => { expect(parseUrl('https://api.github.com/users').host).toBe('api.github.com'); });", filename: '/app/src/url.test.ts' },
  ],
  invalid: [
    {
      code: "it('lists users', async () => { await fetch('https://api.github.com/users'); });",
      filename: '/app/src/users.test.ts',
      errors: [{ messageId: 'realNetwork', data: { host: 'api.github.com' }, line: 1, column: 45, endLine: 1, endColumn: 75 }],
    },
    {
      // axios through an aliased import, with a TS cast
      code: "import http from 'axios'; it('charges', async () => { await http.post('https://api.stripe.com/v1/charges' as string, {}); });",
      filename: '/app/src/billing.test.ts',
      errors: [{ messageId: 'realNetwork', data: { host: 'api.stripe.com' }, line: 1, column: 71, endLine: 1, endColumn: 116 }],
    },
    {
      // got, the URL through a const
      code: "import got from 'got'; const BASE = 'https://hooks.slack.com/services/T0'; test('notifies', async () => { await got.post(BASE, { json: {} }); });",
      filename: '/app/src/notify.test.ts',
      errors: [{ messageId: 'realNetwork', data: { host: 'hooks.slack.com' }, line: 1, column: 122, endLine: 1, endColumn: 126 }],
    },
    {
      // a template literal with the host written out
      code: "it('loads user', async () => { const id = 1; await fetch(`https://jsonplaceholder.typicode.com/users/${id}`); });",
      filename: '/app/src/users.test.ts',
      errors: [{ messageId: 'realNetwork', data: { host: 'jsonplaceholder.typicode.com' }, line: 1, column: 58, endLine: 1, endColumn: 108 }],
    },
    {
      // supertest aimed at a deployed URL
      code: "import request from 'supertest'; it('is up', () => request('https://api.acme.io').get('/health').expect(200));",
      filename: '/app/src/health.test.ts',
      errors: [{ messageId: 'realNetwork', data: { host: 'api.acme.io' }, line: 1, column: 60, endLine: 1, endColumn: 81 }],
    },
    {
      // optional chaining and node:test
      code: "import { test } from 'node:test'; test('loads', async () => { const res = await globalThis.fetch?.('https://api.acme.io/health'); });",
      filename: '/app/test/health.test.mjs',
      errors: [{ messageId: 'realNetwork', data: { host: 'api.acme.io' }, line: 1, column: 100, endLine: 1, endColumn: 128 }],
    },
    {
      // a mock of an unrelated module does not intercept requests
      code: "import { vi } from 'vitest'; vi.mock('./db'); it('lists users', async () => { await fetch('https://api.github.com/users'); });",
      filename: '/app/src/users.test.ts',
      errors: [{ messageId: 'realNetwork', data: { host: 'api.github.com' }, line: 1, column: 91, endLine: 1, endColumn: 121 }],
    },
    {
      // type errors must not crash
      code: "it('lists users', async () => { const users: number = await fetch('https://api.github.com/users', 42 as any); });",
      filename: '/app/src/users.test.ts',
      errors: [{ messageId: 'realNetwork', data: { host: 'api.github.com' }, line: 1, column: 67, endLine: 1, endColumn: 97 }],
    },
  ],
});
