import { createRuleTester } from '@prodready/test-kit';

import rule from '../../src/rules/require-span-end.js';

const ruleTester = createRuleTester();

ruleTester.run('require-span-end', rule, {
  valid: [
    // ended in `finally`
    `
      import { trace } from '@opentelemetry/api';
      const tracer = trace.getTracer('billing');
      export async function charge(orderId: string) {
        const span = tracer.startSpan('charge');
        try {
          return await chargeCard(orderId);
        } finally {
          span.end();
        }
      }
    `,
    // the active-span callback ends it in `finally`
    `
      import { trace } from '@opentelemetry/api';
      const tracer = trace.getTracer('jobs');
      export function runJob() {
        return tracer.startActiveSpan('job', async (span) => {
          try {
            await processQueue();
          } finally {
            span.end();
          }
        });
      }
    `,
    // ended on both outcomes of a try/catch
    `
      import { trace } from '@opentelemetry/api';
      const tracer = trace.getTracer('billing');
      export async function refund(paymentId: string) {
        const span = tracer.startSpan('refund');
        try {
          await refundPayment(paymentId);
          span.end();
        } catch (err) {
          span.recordException(err as Error);
          span.end();
          throw err;
        }
      }
    `,
    // nothing can fail between start and end
    `
      import { trace } from '@opentelemetry/api';
      const tracer = trace.getTracer('http');
      export function mark(route: string) {
        const span = tracer.startSpan('mark');
        span.setAttribute('route', route);
        span.end();
      }
    `,
    // ended in a promise's `finally`
    `
      import { trace } from '@opentelemetry/api';
      const tracer = trace.getTracer('sync');
      export function sync() {
        const span = tracer.startSpan('sync');
        return pullChanges().finally(() => span.end());
      }
    `,
    // ownership transfer: returned, stored, passed on, or ended by a later callback
    `
      import { trace } from '@opentelemetry/api';
      const tracer = trace.getTracer('http');
      export function startRequestSpan(route: string) {
        const span = tracer.startSpan(route);
        return span;
      }
    `,
    `
      import { trace } from '@opentelemetry/api';
      const tracer = trace.getTracer('http');
      export function onRequest(req: Request, res: Response) {
        const span = tracer.startSpan('request');
        res.on('finish', () => span.end());
      }
    `,
    `
      import { trace } from '@opentelemetry/api';
      const tracer = trace.getTracer('http');
      export function track(spans: unknown[]) {
        const span = tracer.startSpan('tracked');
        spans.push(span);
      }
    `,
    `
      import { trace } from '@opentelemetry/api';
      const tracer = trace.getTracer('http');
      export function begin(ctx: { span?: unknown }) {
        ctx.span = tracer.startSpan('begin');
      }
    `,
    // another tracing library
    `
      import tracer from 'dd-trace';
      export function charge() {
        const span = tracer.startSpan('charge');
        chargeCard();
      }
    `,
    // a local object with a `startSpan` method
    `
      const tracer = { startSpan: (name: string) => ({ name, end() {} }) };
      export function charge() {
        const span = tracer.startSpan('charge');
        chargeCard(span.name);
      }
    `,
    // a `startActiveSpan` callback that hands the span on
    `
      import { trace } from '@opentelemetry/api';
      const tracer = trace.getTracer('jobs');
      tracer.startActiveSpan('job', (span) => runWithSpan(span));
    `,
    // type errors do not crash
    `
      import { trace } from '@opentelemetry/api';
      const tracer = trace.getTracer(undefinedThing as number);
      tracer.startActiveSpan();
    `,
  ],
  invalid: [
    {
      code: `
        import { trace } from '@opentelemetry/api';
        const tracer = trace.getTracer('billing');
        export async function charge(orderId: string) {
          const span = tracer.startSpan('charge');
          const receipt = await chargeCard(orderId);
          return receipt;
        }
      `,
      errors: [{ messageId: 'spanNotEnded', data: { name: 'span' }, line: 5, column: 24, endLine: 5, endColumn: 50 }],
    },
    {
      // ended only on the success path
      code: `
        import { trace } from '@opentelemetry/api';
        const tracer = trace.getTracer('billing');
        export async function charge(orderId: string) {
          const span = tracer.startSpan('charge');
          const receipt = await chargeCard(orderId);
          span.end();
          return receipt;
        }
      `,
      errors: [{ messageId: 'endNotInFinally', data: { name: 'span' }, line: 7, column: 11, endLine: 7, endColumn: 21 }],
    },
    {
      // an early return skips the end; TS cast and optional call
      code: `
        import { trace, type Span } from '@opentelemetry/api';
        const tracer = trace.getTracer('users');
        export function loadUser(id: string) {
          const userSpan = tracer.startSpan('load-user') as Span;
          if (!id) return null;
          userSpan?.end();
          return id;
        }
      `,
      errors: [{ messageId: 'endNotInFinally', data: { name: 'userSpan' }, line: 7, column: 11, endLine: 7, endColumn: 26 }],
    },
    {
      // the active-span callback never ends it
      code: `
        import { trace } from '@opentelemetry/api';
        const tracer = trace.getTracer('jobs');
        export function runJob() {
          return tracer.startActiveSpan('job', async (jobSpan) => {
            await processQueue();
            jobSpan.setAttribute('done', true);
          });
        }
      `,
      errors: [{ messageId: 'spanNotEnded', data: { name: 'jobSpan' }, line: 5, column: 55, endLine: 5, endColumn: 62 }],
    },
    {
      // the active-span callback ends it after work that can throw; aliased import
      code: `
        import { trace as otelTrace } from '@opentelemetry/api';
        const tracer = otelTrace.getTracer('jobs');
        export function runJob() {
          return tracer.startActiveSpan('job', async (span) => {
            await processQueue();
            span.end();
          });
        }
      `,
      errors: [{ messageId: 'endNotInFinally', data: { name: 'span' }, line: 7, column: 13, endLine: 7, endColumn: 23 }],
    },
    {
      // a span started and thrown away
      code: `
        import { trace } from '@opentelemetry/api';
        trace.getTracer('boot').startSpan('boot');
      `,
      errors: [{ messageId: 'spanNotEnded', data: { name: 'span' }, line: 3, column: 9, endLine: 3, endColumn: 50 }],
    },
  ],
});
