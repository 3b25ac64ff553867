import { createRuleTester } from '@prodready/test-kit';

import rule from '../../src/rules/require-request-timeout.js';

const ruleTester = createRuleTester();

ruleTester.run('require-request-timeout', rule, {
  valid: [
    // a file bundled with the module, not a network request
    "export async function GET() { const font = await fetch(new URL('../assets/inter.ttf', import.meta.url)); return font.arrayBuffer(); }",
    // a timeout signal
    `await fetch('https://api.stripe.com/v1/charges', { signal: AbortSignal.timeout(5_000) });`,
    // `fetch` shadowed by a local function
    `
function fetch(url: string) { return Promise.resolve(url); }
await fetch('https://api.example.com/users');
`,
    // a relative URL runs in the browser
    `const response = await fetch('/api/users');`,
    // a client component runs in the browser
    `
'use client';
export async function loadProfile(url: string) { return fetch(url); }
`,
    // a module that reads browser globals runs in the browser
    `
export async function track(endpoint: string, payload: object) {
  return fetch(endpoint, { method: 'POST', body: JSON.stringify({ ...payload, url: window.location.href }) });
}
`,
    // a module importing a client-state library runs in the browser
    `
import { create } from 'zustand';
export const useVersion = create(() => ({ latest: null }));
export const checkVersion = () => fetch('https://api.example.com/version');
`,
    // build scripts do not serve traffic
    { code: `await fetch('https://example.com/geo.mmdb');`, filename: 'scripts/build-geo.ts' },
    // raced against a timeout through a constant
    `
const pending = fetch('https://api.datadome.co/validate-request/', { method: 'POST', body });
const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 500));
const response = await Promise.race([pending, timeout]);
`,
    // wrapped by a timeout helper
    `const response = await pTimeout(fetch('https://api.example.com/slow'), { milliseconds: 2_000 });`,
    // an instance created with a timeout
    `
import axios from 'axios';
const github = axios.create({ baseURL: 'https://api.github.com', timeout: 5_000 });
export const getUser = (login: string) => github.get(\`/users/\${login}\`);
`,
    // options spread from elsewhere may carry a signal
    `await fetch(url, { ...defaultInit, method: 'POST' });`,
    // ky times out after 10 s by default
    `
import ky from 'ky';
await ky.get('https://api.example.com/items').json();
`,
    // an axios instance from a project module is unknown without types
    `
import { api } from '../lib/api';
await api.get('/orders');
`,
    // type errors do not crash
    `const response: number = await fetch(42, 'nope', { signal: 1 } as any, ...rest);`,
    // an allow-listed callee
    {
      code: "await fetch('https://internal.example.com/health');",
      options: [{ allow: ['fetch'] }],
    },
    // test files
    {
      code: "await fetch('https://api.stripe.com/v1/charges');",
      filename: 'src/payments/charge.test.ts',
    },
  ],
  invalid: [
    {
      // an absolute URL object is a network request
      code: "export async function GET() { return fetch(new URL('/v1/rates', 'https://api.example.com')); }",
      errors: [
        {
          messageId: 'missingTimeout',
          line: 1,
          column: 38,
          endLine: 1,
          endColumn: 43,
          suggestions: [
            {
              messageId: 'addAbortSignalTimeout',
              output:
                "export async function GET() { return fetch(new URL('/v1/rates', 'https://api.example.com'), { signal: AbortSignal.timeout(10_000) }); }",
            },
          ],
        },
      ],
    },
    {
      code: `await fetch('https://api.stripe.com/v1/charges');`,
      errors: [
        {
          messageId: 'missingTimeout', data: { library: 'fetch' }, line: 1, column: 7, endLine: 1, endColumn: 12,
          suggestions: [
            { messageId: 'addAbortSignalTimeout', output: `await fetch('https://api.stripe.com/v1/charges', { signal: AbortSignal.timeout(10_000) });` },
          ],
        },
      ],
    },
    {
      // a relative URL on an instance with a base URL is still a server request
      code: `
import axios from 'axios';
const slack = axios.create({ baseURL: 'https://slack.com/api' });
await slack.post('/chat.postMessage', message, { headers });
`,
      errors: [
        {
          messageId: 'missingTimeout', data: { library: 'axios' }, line: 4, column: 7, endLine: 4, endColumn: 17,
          suggestions: [
            { messageId: 'addTimeoutOption', data: { option: 'timeout: 10_000' }, output: `
import axios from 'axios';
const slack = axios.create({ baseURL: 'https://slack.com/api' });
await slack.post('/chat.postMessage', message, { headers, timeout: 10_000 });
` },
          ],
        },
      ],
    },
    {
      // options without a signal get one added; a comment inside is kept
      code: `
export async function notify(url: string, body: unknown) {
  return fetch(url, {
    method: 'POST', // webhook
    body: JSON.stringify(body),
  });
}
`,
      errors: [
        {
          messageId: 'missingTimeout', data: { library: 'fetch' }, line: 3, column: 10, endLine: 3, endColumn: 15,
          suggestions: [
            { messageId: 'addAbortSignalTimeout', output: `
export async function notify(url: string, body: unknown) {
  return fetch(url, {
    method: 'POST', // webhook
    body: JSON.stringify(body), signal: AbortSignal.timeout(10_000),
  });
}
` },
          ],
        },
      ],
    },
    {
      // a cast and optional chaining
      code: 'const data = await (globalThis.fetch as typeof fetch)?.(endpoint);',
      errors: [
        {
          messageId: 'missingTimeout', data: { library: 'fetch' }, line: 1, column: 21, endLine: 1, endColumn: 53,
          suggestions: [
            { messageId: 'addAbortSignalTimeout', output: 'const data = await (globalThis.fetch as typeof fetch)?.(endpoint, { signal: AbortSignal.timeout(10_000) });' },
          ],
        },
      ],
    },
    {
      // options through a constant: no suggestion
      code: `
const init = { method: 'DELETE' };
await fetch(\`https://api.example.com/items/\${id}\`, init);
`,
      errors: [
        {
          messageId: 'missingTimeout', data: { library: 'fetch' }, line: 3, column: 7, endLine: 3, endColumn: 12,
        },
      ],
    },
    {
      code: `
import axios from 'axios';
const { data } = await axios.get('https://api.github.com/repos/acme/app');
`,
      errors: [
        {
          messageId: 'missingTimeout', data: { library: 'axios' }, line: 3, column: 24, endLine: 3, endColumn: 33,
          suggestions: [
            { messageId: 'addTimeoutOption', data: { option: 'timeout: 10_000' }, output: `
import axios from 'axios';
const { data } = await axios.get('https://api.github.com/repos/acme/app', { timeout: 10_000 });
` },
          ],
        },
      ],
    },
    {
      // a body method takes the config third
      code: `
import axios from 'axios';
await axios.post('https://hooks.slack.com/services/T000', payload);
`,
      errors: [
        {
          messageId: 'missingTimeout', data: { library: 'axios' }, line: 3, column: 7, endLine: 3, endColumn: 17,
          suggestions: [
            { messageId: 'addTimeoutOption', data: { option: 'timeout: 10_000' }, output: `
import axios from 'axios';
await axios.post('https://hooks.slack.com/services/T000', payload, { timeout: 10_000 });
` },
          ],
        },
      ],
    },
    {
      // an empty config object
      code: `
import axios from 'axios';
await axios({});
`,
      errors: [
        {
          messageId: 'missingTimeout', data: { library: 'axios' }, line: 3, column: 7, endLine: 3, endColumn: 12,
          suggestions: [
            { messageId: 'addTimeoutOption', data: { option: 'timeout: 10_000' }, output: `
import axios from 'axios';
await axios({ timeout: 10_000 });
` },
          ],
        },
      ],
    },
    {
      // aliased imports
      code: `
import fetchJson from 'node-fetch';
import { request as send } from 'undici';
await fetchJson('https://example.com/feed.json');
await send('https://example.com/feed.json', { method: 'GET' });
`,
      errors: [
        {
          messageId: 'missingTimeout', data: { library: 'node-fetch' }, line: 4, column: 7, endLine: 4, endColumn: 16,
          suggestions: [
            { messageId: 'addAbortSignalTimeout', output: `
import fetchJson from 'node-fetch';
import { request as send } from 'undici';
await fetchJson('https://example.com/feed.json', { signal: AbortSignal.timeout(10_000) });
await send('https://example.com/feed.json', { method: 'GET' });
` },
          ],
        },
        {
          messageId: 'missingTimeout', data: { library: 'undici' }, line: 5, column: 7, endLine: 5, endColumn: 11,
          suggestions: [
            { messageId: 'addAbortSignalTimeout', output: `
import fetchJson from 'node-fetch';
import { request as send } from 'undici';
await fetchJson('https://example.com/feed.json');
await send('https://example.com/feed.json', { method: 'GET', signal: AbortSignal.timeout(10_000) });
` },
          ],
        },
      ],
    },
    {
      code: `
import got from 'got';
const body = await got('https://api.example.com/v1/things').json();
`,
      errors: [
        {
          messageId: 'missingTimeout', data: { library: 'got' }, line: 3, column: 20, endLine: 3, endColumn: 23,
          suggestions: [
            { messageId: 'addTimeoutOption', data: { option: 'timeout: { request: 10_000 }' }, output: `
import got from 'got';
const body = await got('https://api.example.com/v1/things', { timeout: { request: 10_000 } }).json();
` },
          ],
        },
      ],
    },
    {
      code: `
import https from 'node:https';
https.get('https://example.com/health', (response) => response.resume());
`,
      errors: [
        {
          messageId: 'missingTimeout', data: { library: 'https' }, line: 3, column: 1, endLine: 3, endColumn: 10,
        },
      ],
    },
    {
      code: `
import superagent from 'superagent';
const response = await superagent.get('https://api.example.com/me').set('Authorization', token);
`,
      errors: [
        {
          messageId: 'missingTimeout', data: { library: 'superagent' }, line: 3, column: 24, endLine: 3, endColumn: 38,
        },
      ],
    },
    {
      // `Promise.all` does not stop waiting
      code: `
const pending = fetch('https://api.example.com/users');
const [users] = await Promise.all([pending]);
`,
      errors: [
        {
          messageId: 'missingTimeout', data: { library: 'fetch' }, line: 2, column: 17, endLine: 2, endColumn: 22,
          suggestions: [
            { messageId: 'addAbortSignalTimeout', output: `
const pending = fetch('https://api.example.com/users', { signal: AbortSignal.timeout(10_000) });
const [users] = await Promise.all([pending]);
` },
          ],
        },
      ],
    },
  ],
});
