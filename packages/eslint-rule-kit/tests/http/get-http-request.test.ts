import { createRuleTester } from '@prodready/test-kit';
import type { TSESTree } from '@typescript-eslint/utils';

import { getHttpRequest } from '../../src/frameworks/http/get-http-request.js';
import { createProbeRule } from '../probe.js';

// Reports the library, whether a timeout applies, and the URL and options arguments' text.
const rule = createProbeRule<TSESTree.CallExpression>('CallExpression', (context, node) => {
  const request = getHttpRequest(context, node);
  if (!request) return undefined;
  const text = (part?: TSESTree.Node): string => (part ? context.sourceCode.getText(part) : '-');
  return `${request.library} timeout=${String(request.hasTimeout)} url=${text(request.url)} options=${text(request.options)}`;
});

createRuleTester().run('getHttpRequest', rule, {
  valid: [
    // `fetch` shadowed by a local function
    `
function fetch(url: string) { return url; }
fetch('https://api.example.com/users');
`,
    // a `fetch` parameter
    `export const load = (fetch: (url: string) => Promise<unknown>) => fetch('/api/user');`,
    // a same-named import from another package
    `
import { get } from 'lodash';
get(user, 'profile.name');
`,
    // an axios instance imported from a project module is unknown
    `
import api from './api';
await api.get('/users');
`,
    // a method that is not a request
    `
import axios from 'axios';
axios.isAxiosError(error);
`,
  ],
  invalid: [
    {
      code: `await fetch('https://api.stripe.com/v1/charges');`,
      errors: [
        { messageId: 'probe', data: { answer: "fetch timeout=false url='https://api.stripe.com/v1/charges' options=-" }, line: 1, column: 7, endLine: 1, endColumn: 49 },
      ],
    },
    {
      // `AbortSignal.timeout` in the options
      code: 'await fetch(url, { signal: AbortSignal.timeout(5_000) });',
      errors: [
        { messageId: 'probe', data: { answer: "fetch timeout=true url=url options={ signal: AbortSignal.timeout(5_000) }" }, line: 1, column: 7, endLine: 1, endColumn: 57 },
      ],
    },
    {
      // options without a signal, through a constant
      code: `
const init = { method: 'POST', headers: { 'content-type': 'application/json' } };
await fetch(\`\${baseUrl}/orders\`, init);
`,
      errors: [
        { messageId: 'probe', data: { answer: "fetch timeout=false url=`${baseUrl}/orders` options=init" }, line: 3, column: 7, endLine: 3, endColumn: 39 },
      ],
    },
    {
      // a spread of something unknown
      code: `await fetch(url, { ...options, method: 'GET' });`,
      errors: [
        { messageId: 'probe', data: { answer: "fetch timeout=undefined url=url options={ ...options, method: 'GET' }" }, line: 1, column: 7, endLine: 1, endColumn: 48 },
      ],
    },
    {
      // a controller's signal; `globalThis.fetch`; a cast
      code: `
const controller = new AbortController();
await globalThis.fetch(url as string, { signal: controller.signal });
`,
      errors: [
        { messageId: 'probe', data: { answer: "fetch timeout=true url=url as string options={ signal: controller.signal }" }, line: 3, column: 7, endLine: 3, endColumn: 69 },
      ],
    },
    {
      // a Request carrying its own signal
      code: 'await fetch(new Request(url, { signal: AbortSignal.timeout(3000) }));',
      errors: [
        { messageId: 'probe', data: { answer: "fetch timeout=true url=new Request(url, { signal: AbortSignal.timeout(3000) }) options=-" }, line: 1, column: 7, endLine: 1, endColumn: 69 },
      ],
    },
    {
      code: `
import fetch from 'node-fetch';
import { request, fetch as undiciFetch } from 'undici';
await fetch(url);
await request(url, { headersTimeout: 5_000 });
await undiciFetch(url);
`,
      errors: [
        { messageId: 'probe', data: { answer: "node-fetch timeout=false url=url options=-" }, line: 4, column: 7, endLine: 4, endColumn: 17 },
        { messageId: 'probe', data: { answer: "undici timeout=true url=url options={ headersTimeout: 5_000 }" }, line: 5, column: 7, endLine: 5, endColumn: 46 },
        { messageId: 'probe', data: { answer: "undici timeout=false url=url options=-" }, line: 6, column: 7, endLine: 6, endColumn: 23 },
      ],
    },
    {
      code: `
import axios from 'axios';
await axios.get('https://api.github.com/users');
await axios.post(url, body, { timeout: 10_000 });
await axios({ url, method: 'delete' });
await axios.request({ url, timeout: 2_000 });
`,
      errors: [
        { messageId: 'probe', data: { answer: "axios timeout=false url='https://api.github.com/users' options=-" }, line: 3, column: 7, endLine: 3, endColumn: 48 },
        { messageId: 'probe', data: { answer: "axios timeout=true url=url options={ timeout: 10_000 }" }, line: 4, column: 7, endLine: 4, endColumn: 49 },
        { messageId: 'probe', data: { answer: "axios timeout=false url=- options={ url, method: 'delete' }" }, line: 5, column: 7, endLine: 5, endColumn: 39 },
        { messageId: 'probe', data: { answer: "axios timeout=true url=- options={ url, timeout: 2_000 }" }, line: 6, column: 7, endLine: 6, endColumn: 45 },
      ],
    },
    {
      // an instance carries the timeout it was created with
      code: `
import axios from 'axios';
const github = axios.create({ baseURL: 'https://api.github.com', timeout: 5_000 });
const slack = axios.create({ baseURL: 'https://slack.com/api' });
await github.get('/user');
await slack.post('/chat.postMessage', message);
`,
      errors: [
        { messageId: 'probe', data: { answer: "axios timeout=true url='/user' options=-" }, line: 5, column: 7, endLine: 5, endColumn: 26 },
        { messageId: 'probe', data: { answer: "axios timeout=false url='/chat.postMessage' options=-" }, line: 6, column: 7, endLine: 6, endColumn: 47 },
      ],
    },
    {
      // `defaults.timeout` set in the file makes it unknown
      code: `
import axios from 'axios';
axios.defaults.timeout = 5_000;
await axios.get(url);
`,
      errors: [
        { messageId: 'probe', data: { answer: "axios timeout=undefined url=url options=-" }, line: 4, column: 7, endLine: 4, endColumn: 21 },
      ],
    },
    {
      code: `
import got from 'got';
await got(url);
await got.post(url, { json: body, timeout: { request: 10_000 } });
const client = got.extend({ prefixUrl: api, timeout: { request: 5_000 } });
await client.get('users');
`,
      errors: [
        { messageId: 'probe', data: { answer: "got timeout=false url=url options=-" }, line: 3, column: 7, endLine: 3, endColumn: 15 },
        { messageId: 'probe', data: { answer: "got timeout=true url=url options={ json: body, timeout: { request: 10_000 } }" }, line: 4, column: 7, endLine: 4, endColumn: 66 },
        { messageId: 'probe', data: { answer: "got timeout=true url='users' options=-" }, line: 6, column: 7, endLine: 6, endColumn: 26 },
      ],
    },
    {
      // ky times out after 10 s unless told not to
      code: `
import ky from 'ky';
await ky.get(url).json();
await ky.post(url, { json: body, timeout: false });
`,
      errors: [
        { messageId: 'probe', data: { answer: "ky timeout=true url=url options=-" }, line: 3, column: 7, endLine: 3, endColumn: 18 },
        { messageId: 'probe', data: { answer: "ky timeout=false url=url options={ json: body, timeout: false }" }, line: 4, column: 7, endLine: 4, endColumn: 51 },
      ],
    },
    {
      code: `
import https from 'node:https';
import http from 'http';
https.get('https://example.com/health', (res) => res.resume());
const req = http.request({ host, path: '/', timeout: 5_000 });
const upload = https.request(url, { method: 'POST' });
upload.setTimeout(10_000);
`,
      errors: [
        { messageId: 'probe', data: { answer: "https timeout=false url='https://example.com/health' options=-" }, line: 4, column: 1, endLine: 4, endColumn: 63 },
        { messageId: 'probe', data: { answer: "http timeout=true url=- options={ host, path: '/', timeout: 5_000 }" }, line: 5, column: 13, endLine: 5, endColumn: 62 },
        { messageId: 'probe', data: { answer: "https timeout=true url=url options={ method: 'POST' }" }, line: 6, column: 16, endLine: 6, endColumn: 54 },
      ],
    },
    {
      code: `
import superagent from 'superagent';
await superagent.get(url).set('accept', 'json');
await superagent.post(url).send(body).timeout({ response: 5_000 });
`,
      errors: [
        { messageId: 'probe', data: { answer: "superagent timeout=false url=url options=-" }, line: 3, column: 7, endLine: 3, endColumn: 26 },
        { messageId: 'probe', data: { answer: "superagent timeout=true url=url options=-" }, line: 4, column: 7, endLine: 4, endColumn: 27 },
      ],
    },
  ],
});
