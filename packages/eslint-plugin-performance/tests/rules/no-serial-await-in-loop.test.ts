import { createRuleTester } from '@prodready/test-kit';

import rule from '../../src/rules/no-serial-await-in-loop.js';

const ruleTester = createRuleTester();

ruleTester.run('no-serial-await-in-loop', rule, {
  valid: [
    // all at once, bounded by a limiter
    `
import pLimit from 'p-limit';
const limit = pLimit(5);
await Promise.all(webhooks.map((hook) => limit(() => fetch(hook.url, { method: 'POST' }))));
`,
    // a database read per item is no-query-in-loop's job
    `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
for (const id of ids) {
  await prisma.user.findUnique({ where: { id } });
}
`,
    // pagination: the cursor read by the next iteration
    `
let cursor: string | undefined;
for (const page of pages) {
  const response = await fetch(\`https://api.example.com/items?cursor=\${cursor}\`);
  cursor = (await response.json()).next;
}
`,
    // an accumulator carried across iterations
    `
let total = 0;
for (const invoice of invoices) {
  total += (await fetch(invoice.url)).status;
}
`,
    // each row points at the previous one
    `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
let previous = await prisma.step.create({ data: { name: 'start' } });
for (const name of names) {
  previous = await prisma.step.create({ data: { name, parentId: previous.id } });
}
`,
    // stops at the first failure
    `
for (const url of urls) {
  const response = await fetch(url);
  if (!response.ok) break;
}
`,
    // returns the first hit
    `
async function firstReachable(urls: string[]) {
  for (const url of urls) {
    const response = await fetch(url);
    if (response.ok) return url;
  }
}
`,
    // paced on purpose (rate limit)
    `
import { setTimeout as sleep } from 'node:timers/promises';
for (const user of users) {
  await fetch('https://api.example.com/notify', { method: 'POST', body: JSON.stringify(user) });
  await sleep(200);
}
`,
    // inside a Prisma interactive transaction
    `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
await prisma.$transaction(async (tx) => {
  for (const item of items) {
    await tx.stock.update({ where: { id: item.id }, data: { quantity: { decrement: item.quantity } } });
  }
});
`,
    // inside a knex transaction
    `
import knex from 'knex';
const db = knex({ client: 'pg' });
await db.transaction(async (trx) => {
  for (const row of rows) {
    await trx('audit').insert(row);
  }
});
`,
    // a Sequelize write that joins a managed transaction
    `
import { Sequelize, Model } from 'sequelize';
class Order extends Model {}
for (const order of orders) {
  await Order.create(order, { transaction });
}
`,
    // a small literal list
    `
for (const region of ['eu', 'us', 'ap']) {
  await fetch(\`https://\${region}.example.com/purge\`, { method: 'POST' });
}
`,
    // a retry loop with a numeric bound
    `
for (let attempt = 0; attempt < retries; attempt++) {
  await fetch('https://api.example.com/jobs', { method: 'POST' });
}
`,
    // a loop over chunks is already batched
    `
for (let i = 0; i < recipients.length; i += BATCH_SIZE) {
  await fetch('https://sms.example.com/send', { method: 'POST', body: recipients.slice(i, i + BATCH_SIZE).join(',') });
}
`,
    // \`while\` loops poll, page or drain queues
    `
while (queue.length > 0) {
  await fetch(queue.shift()!, { method: 'POST' });
}
`,
    // \`for await\` consumes a stream in order
    `
for await (const chunk of stream) {
  await fetch('https://api.example.com/ingest', { method: 'POST', body: chunk });
}
`,
    // the awaited list is fetched once, before the loop
    `
for (const item of await fetch('https://api.example.com/items').then((response) => response.json())) {
  console.log(item);
}
`,
    // a same-named local that is not an HTTP client
    `
const axios = { post: async (url: string) => url };
for (const url of urls) {
  await axios.post(url);
}
`,
    // file operations outside a request handler (build scripts, CLIs)
    `
import { writeFile } from 'node:fs/promises';
for (const page of pages) {
  await writeFile(page.path, page.html);
}
`,
    // listed in \`allow\`
    {
      code: `
for (const migration of migrations) {
  await fetch(migration.url, { method: 'POST' });
}
`,
      options: [{ allow: ['migrations'] }],
    },
    // a nested callback runs later, not per iteration of this loop
    `
for (const user of users) {
  emitter.on('ready', async () => {
    await fetch(user.url);
  });
}
`,
  ],
  invalid: [
    {
      code: `
for (const webhook of webhooks) {
  await fetch(webhook.url, { method: 'POST', body: payload });
}
`,
      errors: [{ messageId: 'serialAwait', data: { io: 'HTTP request' }, line: 3, column: 3, endLine: 3, endColumn: 62 }],
    },
    // aliased import
    {
      code: `
import http from 'axios';
for (const user of users) {
  await http.post('https://mail.example.com/send', { to: user.email });
}
`,
      errors: [{ messageId: 'serialAwait', data: { io: 'HTTP request' }, line: 4, column: 3, endLine: 4, endColumn: 71 }],
    },
    // a database write per item
    {
      code: `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
for (const item of items) {
  await prisma.item.update({ where: { id: item.id }, data: { seen: true } });
}
`,
      errors: [{ messageId: 'serialAwait', data: { io: 'database write' }, line: 5, column: 3, endLine: 5, endColumn: 77 }],
    },
    // an index loop over a list, results collected (not carried)
    {
      code: `
import axios from 'axios';
const results = [];
for (let i = 0; i < orders.length; i++) {
  results.push(await axios.get(\`https://api.example.com/orders/\${orders[i].id}\`));
}
`,
      errors: [{ messageId: 'serialAwait', data: { io: 'HTTP request' }, line: 5, column: 16, endLine: 5, endColumn: 81 }],
    },
    // a file operation in a request handler
    {
      code: `
import express from 'express';
import { unlink } from 'node:fs/promises';
const app = express();
app.delete('/uploads', async (req, res) => {
  for (const file of req.body.files) {
    await unlink(file);
  }
  res.sendStatus(204);
});
`,
      errors: [{ messageId: 'serialAwait', data: { io: 'file operation' }, line: 7, column: 5, endLine: 7, endColumn: 23 }],
    },
    // a queue publish, through a TS cast
    {
      code: `
import { Queue } from 'bullmq';
const emails = new Queue('emails');
for (const user of users as User[]) {
  await (emails.add('welcome', { userId: user.id }) as Promise<unknown>);
}
`,
      errors: [{ messageId: 'serialAwait', data: { io: 'queue publish' }, line: 5, column: 3, endLine: 5, endColumn: 73 }],
    },
    // optional chaining on the client; reported once per loop
    {
      code: `
import axios from 'axios';
for (const key in settings) {
  await axios?.put(\`https://api.example.com/settings/\${key}\`, settings[key]);
  await axios.post('https://api.example.com/audit', { key });
}
`,
      errors: [{ messageId: 'serialAwait', data: { io: 'HTTP request' }, line: 4, column: 3, endLine: 4, endColumn: 77 }],
    },
    // code with type errors does not crash
    {
      code: `
const count: number = 'many';
for (const webhook of webhooks as unknown as number) {
  await fetch(webhook.url, { method: 'POST' });
}
`,
      errors: [{ messageId: 'serialAwait', data: { io: 'HTTP request' }, line: 4, column: 3, endLine: 4, endColumn: 47 }],
    },
  ],
});
