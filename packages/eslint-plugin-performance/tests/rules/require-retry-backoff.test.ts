import { createRuleTester } from '@prodready/test-kit';

import rule from '../../src/rules/require-retry-backoff.js';

const ruleTester = createRuleTester();

ruleTester.run('require-retry-backoff', rule, {
  valid: [
    // bounded, paced and logged
    `
import { setTimeout as sleep } from 'node:timers/promises';
async function charge(payment: Payment) {
  for (let attempt = 1; attempt <= 5; attempt++) {
    try {
      return await fetch('https://pay.example.com/charges', { method: 'POST', body: JSON.stringify(payment) });
    } catch (error) {
      console.warn('charge failed', { attempt, error });
      await sleep(2 ** attempt * 100);
    }
  }
  throw new Error('payment provider unavailable');
}
`,
    // while (true) bounded by a rethrow, paced with a Promise-wrapped setTimeout
    `
async function connect() {
  let attempt = 0;
  while (true) {
    try {
      return await openConnection();
    } catch (error) {
      if (++attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, attempt * 1000));
    }
  }
}
`,
    // a library does the retrying
    `
import pRetry from 'p-retry';
const response = await pRetry(() => fetch('https://api.example.com/report'), { retries: 5 });
`,
    // every failure leaves the loop: error handling, not a retry
    `
async function drain() {
  while (true) {
    try {
      const job = await queue.next();
      if (!job) return;
      await job.run();
    } catch (error) {
      throw error;
    }
  }
}
`,
    // success does not leave the loop: a poller, not a retry
    `
async function poll() {
  while (running) {
    try {
      await syncInbox();
    } catch {}
  }
}
`,
    // a loop over items handles each item's failure
    `
for (const user of users) {
  try {
    await sendEmail(user);
    break;
  } catch {}
}
`,
    // failover through a list of nodes, not attempts at one call
    `
async function checkCluster(baseUrls: string[]) {
  for (let i = 0; i < baseUrls.length; i++) {
    try {
      await fetch(baseUrls[i]);
      return;
    } catch {}
  }
}
`,
    // no await in the try: not I/O
    `
while (true) {
  try {
    return JSON.parse(readLine());
  } catch {}
}
`,
  ],
  invalid: [
    // no delay, no bound, no log
    {
      code: `
async function getRates() {
  while (true) {
    try {
      return await fetch('https://rates.example.com/latest');
    } catch {}
  }
}
`,
      errors: [
        { messageId: 'missingBackoff', line: 3, column: 3, endLine: 3, endColumn: 8 },
        { messageId: 'missingAttemptBound', line: 3, column: 3, endLine: 3, endColumn: 8 },
        { messageId: 'unloggedFailure', line: 3, column: 3, endLine: 3, endColumn: 8 },
      ],
    },
    // bounded and logged, but hammering
    {
      code: `
import pino from 'pino';
const logger = pino();
async function publish(event: Event) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await broker.publish(event);
      break;
    } catch (error) {
      logger.warn({ error, attempt }, 'publish failed');
    }
  }
}
`,
      errors: [{ messageId: 'missingBackoff', line: 5, column: 3, endLine: 5, endColumn: 6 }],
    },
    // paced and logged, but never gives up
    {
      code: `
async function waitForDatabase() {
  for (;;) {
    try {
      await (db.raw('select 1') as Promise<unknown>);
      return;
    } catch (error) {
      console.error('database not ready', error);
      await sleep(1000);
    }
  }
}
`,
      errors: [{ messageId: 'missingAttemptBound', line: 3, column: 3, endLine: 3, endColumn: 6 }],
    },
    // paced and bounded, but the failure is swallowed; a same-named local is not a logger
    {
      code: `
const console = { error: (message: string) => message };
async function upload(file: File) {
  let attempt = 0;
  do {
    try {
      return await storage?.put(file);
    } catch {
      console.error('upload failed');
      await delay(500 * attempt);
    }
  } while (++attempt < 3);
}
`,
      errors: [{ messageId: 'unloggedFailure', line: 5, column: 3, endLine: 5, endColumn: 5 }],
    },
    // code with type errors does not crash
    {
      code: `
const retries: string = 3;
while (retries > 0) {
  try {
    await fetch(42);
    break;
  } catch (error) {
    console.log(error);
  }
}
`,
      errors: [{ messageId: 'missingBackoff', line: 3, column: 1, endLine: 3, endColumn: 6 }],
    },
  ],
});
