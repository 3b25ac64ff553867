import { createRuleTester } from '@prodready/test-kit';

import rule from '../../src/rules/require-span-error-status.js';

const ruleTester = createRuleTester();

ruleTester.run('require-span-error-status', rule, {
  valid: [
    // records the exception and sets an error status
    `
      import { trace, SpanStatusCode } from '@opentelemetry/api';
      const tracer = trace.getTracer('billing');
      export function charge(orderId: string) {
        return tracer.startActiveSpan('charge', async (span) => {
          try {
            return await chargeCard(orderId);
          } catch (err) {
            span.recordException(err as Error);
            span.setStatus({ code: SpanStatusCode.ERROR });
            throw err;
          } finally {
            span.end();
          }
        });
      }
    `,
    // a numeric status code and a computed message
    `
      import { trace } from '@opentelemetry/api';
      const tracer = trace.getTracer('billing');
      export async function refund(paymentId: string) {
        const span = tracer.startSpan('refund');
        try {
          await refundPayment(paymentId);
        } catch (error) {
          span.recordException(error);
          span.setStatus({ code: 2, message: String(error) });
          throw error;
        } finally {
          span.end();
        }
      }
    `,
    // a helper records it
    `
      import { trace } from '@opentelemetry/api';
      const tracer = trace.getTracer('billing');
      export async function refund(paymentId: string) {
        const span = tracer.startSpan('refund');
        try {
          await refundPayment(paymentId);
        } catch (error) {
          markSpanFailed(span, error);
          throw error;
        } finally {
          span.end();
        }
      }
    `,
    // an expected case handled in place: no rethrow, no error log
    `
      import { trace } from '@opentelemetry/api';
      const tracer = trace.getTracer('cache');
      export async function readCache(key: string) {
        const span = tracer.startSpan('cache.read');
        try {
          return await redis.get(key);
        } catch {
          return null;
        } finally {
          span.end();
        }
      }
    `,
    // a rethrow caught by an outer catch of the same span, which records it
    `
      import { trace, SpanStatusCode } from '@opentelemetry/api';
      const tracer = trace.getTracer('billing');
      export function charge(orderId: string) {
        return tracer.startActiveSpan('charge', async (span) => {
          try {
            try {
              await chargeCard(orderId);
            } catch (err) {
              await releaseHold(orderId);
              throw err;
            }
          } catch (err) {
            span.recordException(err as Error);
            span.setStatus({ code: SpanStatusCode.ERROR });
            throw err;
          } finally {
            span.end();
          }
        });
      }
    `,
    // a catch before the span starts
    `
      import { trace } from '@opentelemetry/api';
      const tracer = trace.getTracer('billing');
      export async function charge(orderId: string) {
        try { await warmUp(); } catch (err) { throw err; }
        const span = tracer.startSpan('charge');
        span.end();
      }
    `,
    // a catch in a nested callback runs outside this span's code path
    `
      import { trace } from '@opentelemetry/api';
      const tracer = trace.getTracer('jobs');
      export function runJobs(jobs: string[]) {
        return tracer.startActiveSpan('jobs', async (span) => {
          jobs.forEach((job) => { try { run(job); } catch (err) { throw err; } });
          span.end();
        });
      }
    `,
    // another tracing library
    `
      import tracer from 'dd-trace';
      export async function charge() {
        const span = tracer.startSpan('charge');
        try { await chargeCard(); } catch (err) { throw err; } finally { span.finish(); }
      }
    `,
  ],
  invalid: [
    {
      // rethrown, but the span ends as a success
      code: `
        import { trace } from '@opentelemetry/api';
        const tracer = trace.getTracer('billing');
        export function charge(orderId: string) {
          return tracer.startActiveSpan('charge', async (span) => {
            try {
              return await chargeCard(orderId);
            } catch (err) {
              throw err;
            } finally {
              span.end();
            }
          });
        }
      `,
      errors: [{ messageId: 'missingErrorRecording', data: { name: 'span' }, line: 8, column: 15, endLine: 8, endColumn: 20 }],
    },
    {
      // logged at error level; aliased import and a cast span
      code: `
        import { trace as api } from '@opentelemetry/api';
        import pino from 'pino';
        const logger = pino();
        const tracer = api.getTracer('billing');
        export async function refund(paymentId: string) {
          const refundSpan = tracer.startSpan('refund') as Span;
          try {
            await refundPayment(paymentId);
          } catch (err) {
            logger.error({ err }, 'refund failed');
            return { ok: false };
          } finally {
            refundSpan.end();
          }
        }
      `,
      errors: [{ messageId: 'missingErrorRecording', data: { name: 'refundSpan' }, line: 10, column: 13, endLine: 10, endColumn: 18 }],
    },
    {
      // exception recorded, status left unset
      code: `
        import { trace } from '@opentelemetry/api';
        const tracer = trace.getTracer('billing');
        export async function refund(paymentId: string) {
          const span = tracer.startSpan('refund');
          try {
            await refundPayment(paymentId);
          } catch (err) {
            span.recordException(err);
            throw err;
          } finally {
            span.end();
          }
        }
      `,
      errors: [{ messageId: 'missingErrorStatus', data: { name: 'span' }, line: 8, column: 13, endLine: 8, endColumn: 18 }],
    },
    {
      // status set, exception not recorded; optional chaining on the span
      code: `
        import { trace, SpanStatusCode } from '@opentelemetry/api';
        const tracer = trace.getTracer('billing');
        export async function refund(paymentId: string) {
          const span = tracer.startSpan('refund');
          try {
            await refundPayment(paymentId);
          } catch (err) {
            span?.setStatus({ code: SpanStatusCode.ERROR });
            throw err;
          } finally {
            span.end();
          }
        }
      `,
      errors: [{ messageId: 'missingException', data: { name: 'span' }, line: 8, column: 13, endLine: 8, endColumn: 18 }],
    },
    {
      // an OK status in a failure path
      code: `
        import { trace, SpanStatusCode } from '@opentelemetry/api';
        const tracer = trace.getTracer('billing');
        export async function refund(paymentId: string) {
          const span = tracer.startSpan('refund');
          try {
            await refundPayment(paymentId);
          } catch (err) {
            span.recordException(err);
            span.setStatus({ code: SpanStatusCode.OK });
            throw err;
          } finally {
            span.end();
          }
        }
      `,
      errors: [{ messageId: 'missingErrorStatus', data: { name: 'span' }, line: 8, column: 13, endLine: 8, endColumn: 18 }],
    },
  ],
});
