import { createRuleTester } from '@prodready/test-kit';
import type { TSESTree } from '@typescript-eslint/utils';

import { getEnclosingErrorHandler, isAcknowledgedHandler } from '../../src/frameworks/logging/get-error-handler.js';
import { isExpectedFailure } from '../../src/frameworks/logging/is-expected-failure.js';
import { createProbeRule } from '../probe.js';

// For every `probe()` call, describes the error handler running it: the bound error,
// the guarded code, whether it is acknowledged and whether it guards an expected failure.
const rule = createProbeRule<TSESTree.CallExpression>('CallExpression[callee.name="probe"]', (context, node) => {
  const handler = getEnclosingErrorHandler(context, node);
  if (!handler) return undefined;
  const guarded = context.sourceCode.getText(handler.guarded).replaceAll(/\s+/g, ' ');
  const flags = [isAcknowledgedHandler(context, handler) && 'acknowledged', isExpectedFailure(context, handler, new Set(['trackEvent'])) && 'expected']
    .filter(Boolean)
    .join(',');
  return `error=${handler.error?.name ?? '-'} guarded=${guarded} ${flags || 'plain'}`;
});

createRuleTester().run('getEnclosingErrorHandler', rule, {
  valid: [
    // not in a handler
    'probe();',
    // in a `try` block, not its `catch`
    'try { probe(); } catch (err) { report(err); }',
    // a nested function runs later, not in the handler
    'try { await run(); } catch (err) { setTimeout(() => probe(), 10); }',
    // the fulfilment callback of `.then`
    'loadUser().then(() => probe());',
    // zod's `.catch` is a fallback, not a rejection handler
    "import { z } from 'zod'; z.string().catch(() => probe());",
  ],
  invalid: [
    {
      code: 'try { await saveOrder(order); } catch (err) { probe(); }',
      errors: [{ messageId: 'probe', data: { answer: 'error=err guarded={ await saveOrder(order); } plain' }, line: 1, column: 47, endLine: 1, endColumn: 54 }],
    },
    {
      code: 'fetchRates(base).catch(() => probe());',
      errors: [{ messageId: 'probe', data: { answer: 'error=- guarded=fetchRates(base) plain' }, line: 1, column: 30, endLine: 1, endColumn: 37 }],
    },
    {
      code: 'loadProfile(id).then(render, (_reason) => probe());',
      errors: [{ messageId: 'probe', data: { answer: 'error=_reason guarded=loadProfile(id) acknowledged' }, line: 1, column: 43, endLine: 1, endColumn: 50 }],
    },
    {
      // a comment inside the handler
      code: 'try { await cache.del(key); } catch { /* best effort */ probe(); }',
      errors: [{ messageId: 'probe', data: { answer: 'error=- guarded={ await cache.del(key); } acknowledged' }, line: 1, column: 57, endLine: 1, endColumn: 64 }],
    },
    {
      // expected failures: parsing, fs probes, body readers, optional modules, teardown, allow-listed names
      code: `
        import { readFile } from 'node:fs/promises';
        try { return JSON.parse(await readFile(path, 'utf8')); } catch { probe(); }
        try { return new URL(href).hostname.replace(/^www\\./, ''); } catch { probe(); }
        response.json().catch(() => probe());
        try { return await import('sharp'); } catch { probe(); }
        try { return require('pino-pretty'); } catch { probe(); }
        prisma.$disconnect().catch(() => probe());
        try { await analytics.trackEvent('signup'); } catch { probe(); }
      `,
      errors: [
        { messageId: 'probe', data: { answer: "error=- guarded={ return JSON.parse(await readFile(path, 'utf8')); } expected" }, line: 3, column: 74, endLine: 3, endColumn: 81 },
        { messageId: 'probe', data: { answer: "error=- guarded={ return new URL(href).hostname.replace(/^www\\./, ''); } expected" }, line: 4, column: 78, endLine: 4, endColumn: 85 },
        { messageId: 'probe', data: { answer: 'error=- guarded=response.json() expected' }, line: 5, column: 37, endLine: 5, endColumn: 44 },
        { messageId: 'probe', data: { answer: "error=- guarded={ return await import('sharp'); } expected" }, line: 6, column: 55, endLine: 6, endColumn: 62 },
        { messageId: 'probe', data: { answer: "error=- guarded={ return require('pino-pretty'); } expected" }, line: 7, column: 56, endLine: 7, endColumn: 63 },
        { messageId: 'probe', data: { answer: 'error=- guarded=prisma.$disconnect() expected' }, line: 8, column: 42, endLine: 8, endColumn: 49 },
        { messageId: 'probe', data: { answer: "error=- guarded={ await analytics.trackEvent('signup'); } expected" }, line: 9, column: 63, endLine: 9, endColumn: 70 },
      ],
    },
    {
      // an awaited call is real work even when its name matches a string method
      code: "try { return JSON.parse((await stripe.apps.secrets.find({ name })).payload); } catch { probe(); }",
      errors: [{ messageId: 'probe', data: { answer: 'error=- guarded={ return JSON.parse((await stripe.apps.secrets.find({ name })).payload); } plain' }, line: 1, column: 88, endLine: 1, endColumn: 95 }],
    },
    {
      // one real call among the probes is enough to make it unexpected
      code: "try { const order = JSON.parse(raw); await db.order.create({ data: order }); } catch { probe(); }",
      errors: [{ messageId: 'probe', data: { answer: 'error=- guarded={ const order = JSON.parse(raw); await db.order.create({ data: order }); } plain' }, line: 1, column: 88, endLine: 1, endColumn: 95 }],
    },
  ],
});
