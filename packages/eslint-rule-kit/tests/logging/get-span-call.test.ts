import { createRuleTester } from '@prodready/test-kit';
import type { TSESTree } from '@typescript-eslint/utils';

import { getSpanCall } from '../../src/frameworks/logging/get-span-call.js';
import { createProbeRule } from '../probe.js';

// Reports the span call's kind, plus the status code for `setStatus`.
const rule = createProbeRule<TSESTree.CallExpression>('CallExpression', (context, node) => {
  const call = getSpanCall(context, node);
  if (!call) return undefined;
  return call.kind === 'setStatus' ? `setStatus ${call.statusCode ?? '?'}` : call.kind;
});

createRuleTester().run('getSpanCall', rule, {
  valid: [
    // a local object with span-like methods
    `
      const span = { end() {}, setStatus(status: unknown) {} };
      span.setStatus({ code: 2 });
      span.end();
    `,
    // a tracer from another library
    `
      import tracer from 'dd-trace';
      const span = tracer.startSpan('web.request');
      span.finish();
    `,
    // `end` on a stream is not a span
    `
      import { createWriteStream } from 'node:fs';
      createWriteStream('out.log').end();
    `,
  ],
  invalid: [
    {
      // an optional tracer parameter: `Tracer | undefined`
      code: `
        import type { Tracer } from '@opentelemetry/api';
        export function charge(tracer: Tracer | undefined) {
          tracer?.startSpan('charge');
        }
      `,
      errors: [{ messageId: 'probe', data: { answer: 'startSpan' }, line: 4, column: 11, endLine: 4, endColumn: 38 }],
    },
    {
      code: `
        import { trace, SpanStatusCode } from '@opentelemetry/api';
        const tracer = trace.getTracer('checkout');
        const span = tracer.startSpan('charge');
        try {
          await chargeCard();
        } catch (error) {
          span.recordException(error);
          span.setStatus({ code: SpanStatusCode.ERROR, message: String(error) });
        } finally {
          span.end();
        }
      `,
      errors: [
        { messageId: 'probe', data: { answer: 'getTracer' }, line: 3, column: 24, endLine: 3, endColumn: 51 },
        { messageId: 'probe', data: { answer: 'startSpan' }, line: 4, column: 22, endLine: 4, endColumn: 48 },
        { messageId: 'probe', data: { answer: 'recordException' }, line: 8, column: 11, endLine: 8, endColumn: 38 },
        { messageId: 'probe', data: { answer: 'setStatus ERROR' }, line: 9, column: 11, endLine: 9, endColumn: 81 },
        { messageId: 'probe', data: { answer: 'end' }, line: 11, column: 11, endLine: 11, endColumn: 21 },
      ],
    },
    {
      // the span handed to the `startActiveSpan` callback; default import
      code: `
        import opentelemetry from '@opentelemetry/api';
        const tracer = opentelemetry.trace.getTracer('jobs');
        export function runJob() {
          return tracer.startActiveSpan('job', async (span) => {
            span.setStatus({ code: 1 });
            span.end();
          });
        }
      `,
      errors: [
        { messageId: 'probe', data: { answer: 'getTracer' }, line: 3, column: 24, endLine: 3, endColumn: 61 },
        { messageId: 'probe', data: { answer: 'startActiveSpan' }, line: 5, column: 18, endLine: 8, endColumn: 13 },
        { messageId: 'probe', data: { answer: 'setStatus OK' }, line: 6, column: 13, endLine: 6, endColumn: 40 },
        { messageId: 'probe', data: { answer: 'end' }, line: 7, column: 13, endLine: 7, endColumn: 23 },
      ],
    },
    {
      // the active span, a `Span`-annotated parameter and a non-static status
      code: `
        import { trace, type Span } from '@opentelemetry/api';
        trace.getActiveSpan()?.end();
        export function fail(span: Span, code: number) {
          span.setStatus({ code });
        }
      `,
      errors: [
        { messageId: 'probe', data: { answer: 'end' }, line: 3, column: 9, endLine: 3, endColumn: 37 },
        { messageId: 'probe', data: { answer: 'setStatus ?' }, line: 5, column: 11, endLine: 5, endColumn: 35 },
      ],
    },
  ],
});
