import { createRuleTester } from '@prodready/test-kit';

import rule from '../../src/rules/no-unbounded-concurrency.js';

const ruleTester = createRuleTester();

ruleTester.run('no-unbounded-concurrency', rule, {
  valid: [
    // a literal list
    `
export async function warmCaches() {
  await Promise.all(['/health', '/ready'].map((path) => fetch('https://api.example.com' + path)));
}
`,
    // a const bound to a literal list
    `
const REGIONS = ['us-east-1', 'eu-west-1', 'ap-south-1'];
export async function pingRegions() {
  return Promise.all(REGIONS.map((region) => fetch(\`https://\${region}.example.com/ping\`)));
}
`,
    // a slice caps the fan-out
    `
export async function notifyFirst(urls: string[]) {
  await Promise.all(urls.slice(0, 10).map((url) => fetch(url, { method: 'POST' })));
}
`,
    // chunked: one batch per loop iteration
    `
export async function notifyAll(urls: string[]) {
  for (let i = 0; i < urls.length; i += 10) {
    const batch = urls.slice(i, i + 10);
    await Promise.all(batch.map((url) => fetch(url, { method: 'POST' })));
  }
}
`,
    // chunked through a loop over chunks
    `
export async function notifyAll(chunks: string[][]) {
  for (const chunk of chunks) {
    await Promise.all(chunk.map((url) => fetch(url)));
  }
}
`,
    // p-limit caps concurrency
    `
import pLimit from 'p-limit';
const limit = pLimit(5);
export async function notifyAll(urls: string[]) {
  await Promise.all(urls.map((url) => limit(() => fetch(url))));
}
`,
    // a list read with a limit
    `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function pingWebhooks() {
  const hooks = await prisma.webhook.findMany({ take: 20 });
  await Promise.all(hooks.map((hook) => fetch(hook.url, { method: 'POST' })));
}
`,
    // reads are no-query-in-loop's concern
    `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function loadAuthors(ids: string[]) {
  return Promise.all(ids.map((id) => prisma.user.findFirst({ where: { id } })));
}
`,
    // no I/O in the callback
    `
export async function hashAll(passwords: string[]) {
  return Promise.all(passwords.map(async (password) => password.normalize()));
}
`,
    // a helper the rule cannot see into
    `
import { sendEmail } from './mailer';
export async function notify(users: { email: string }[]) {
  await Promise.all(users.map((user) => sendEmail(user.email)));
}
`,
    // a same-named local \`Promise\`
    `
const Promise = { all: (tasks: unknown[]) => tasks };
export function start(urls: string[]) {
  return Promise.all(urls.map((url) => fetch(url)));
}
`,
    // a local \`fetch\` is not HTTP
    `
const fetch = (url: string) => url.length;
export async function measure(urls: string[]) {
  return Promise.all(urls.map((url) => fetch(url)));
}
`,
    // allow-listed list
    {
      code: `
export async function pingShards(shards: string[]) {
  await Promise.all(shards.map((shard) => fetch(shard)));
}
`,
      options: [{ allow: ['shards'] }],
    },
    // scripts run once
    {
      code: `
export async function seed(urls: string[]) {
  await Promise.all(urls.map((url) => fetch(url)));
}
`,
      filename: 'scripts/seed-webhooks.ts',
    },
    // file operations outside request handlers: build and start-up code
    `
import { readdir, unlink } from 'node:fs/promises';
export async function cleanBuild(dir: string) {
  const files = await readdir(dir);
  await Promise.all(files.map((file) => unlink(dir + '/' + file)));
}
`,
    // a chunk handed to a callback by a batching helper
    `
import { processInBatches } from './batch';
export async function notifyAll(urls: string[]) {
  await processInBatches(urls, 50, async (chunk: string[]) => {
    await Promise.all(chunk.map((url) => fetch(url)));
  });
}
`,
    // type errors must not crash
    `
export async function broken(urls: number) {
  await Promise.all(urls.map());
  await Promise.all();
  await Promise.allSettled(Array.from(urls));
}
`,
  ],
  invalid: [
    {
      code: `
export async function notifyAll(urls: string[]) {
  await Promise.all(urls.map((url) => fetch(url, { method: 'POST' })));
}
`,
      errors: [
        {
          messageId: 'unboundedConcurrency',
          data: { method: 'all', io: 'HTTP request' },
          line: 3,
          column: 9,
          endLine: 3,
          endColumn: 20,
        },
      ],
    },
    // allSettled, axios through an alias, a cast
    {
      code: `
import http from 'axios';
export async function syncAll(ids: string[]) {
  return Promise.allSettled((ids as string[]).map(async (id) => {
    await http.post('https://crm.example.com/sync', { id }, { timeout: 5000 });
  }));
}
`,
      errors: [
        {
          messageId: 'unboundedConcurrency',
          data: { method: 'allSettled', io: 'HTTP request' },
          line: 4,
          column: 10,
          endLine: 4,
          endColumn: 28,
        },
      ],
    },
    // database writes per item
    {
      code: `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function markRead(ids: string[]) {
  await Promise.all(ids.map((id) => prisma.notification.update({ where: { id }, data: { read: true } })));
}
`,
      errors: [
        {
          messageId: 'unboundedConcurrency',
          data: { method: 'all', io: 'database write' },
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 20,
        },
      ],
    },
    // file operations through Array.from
    {
      code: `
import express from 'express';
import { readFile } from 'node:fs/promises';
const app = express();
app.post('/bundle', async (req, res) => {
  const paths = new Set<string>(req.body.paths);
  res.json(await Promise.all(Array.from(paths, (path) => readFile(path, 'utf8'))));
});
`,
      errors: [
        {
          messageId: 'unboundedConcurrency',
          data: { method: 'all', io: 'file operation' },
          line: 7,
          column: 18,
          endLine: 7,
          endColumn: 29,
        },
      ],
    },
    // a filtered list is as long as its source
    {
      code: `
export async function pingActive(hooks: { url: string; active: boolean }[]) {
  const active = hooks.filter((hook) => hook.active);
  await Promise.all(active.map((hook) => fetch(hook.url)));
}
`,
      errors: [
        {
          messageId: 'unboundedConcurrency',
          data: { method: 'all', io: 'HTTP request' },
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 20,
        },
      ],
    },
    // an unlimited list read
    {
      code: `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function pingWebhooks() {
  const hooks = await prisma.webhook.findMany();
  await Promise.all(hooks.map((hook) => fetch(hook.url, { method: 'POST' })));
}
`,
      errors: [
        {
          messageId: 'unboundedConcurrency',
          data: { method: 'all', io: 'HTTP request' },
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 20,
        },
      ],
    },
  ],
});
