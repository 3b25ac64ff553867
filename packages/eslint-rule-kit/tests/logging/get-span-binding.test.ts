import { createRuleTester } from '@prodready/test-kit';
import type { TSESTree } from '@typescript-eslint/utils';

import { getSpanBinding } from '../../src/frameworks/logging/get-span-binding.js';
import { createProbeRule } from '../probe.js';

// Reports `kind use variable owner-line` for each span-starting call.
const rule = createProbeRule<TSESTree.CallExpression>('CallExpression', (context, node) => {
  const binding = getSpanBinding(context, node);
  if (!binding) return undefined;
  return `${binding.kind} ${binding.use} ${binding.variable?.name ?? '-'} ${binding.owner?.loc.start.line ?? '-'}`;
});

createRuleTester().run('getSpanBinding', rule, {
  valid: [
    // a tracer from another library
    `
      import tracer from 'dd-trace';
      const span = tracer.startSpan('web.request');
    `,
    // a local object with a `startSpan` method
    `
      const tracer = { startSpan: (name: string) => ({ name }) };
      const span = tracer.startSpan('charge');
    `,
    // `startActiveSpan` without an inline callback
    `
      import { trace } from '@opentelemetry/api';
      const tracer = trace.getTracer('jobs');
      tracer.startActiveSpan('job', runJob);
    `,
  ],
  invalid: [
    {
      code: `
        import { trace } from '@opentelemetry/api';
        const tracer = trace.getTracer('checkout');
        export function charge() {
          const span = tracer.startSpan('charge') as Span;
          tracer.startSpan('discarded');
          return tracer.startSpan('returned');
        }
      `,
      errors: [
        { messageId: 'probe', data: { answer: 'startSpan bound span 4' }, line: 5, column: 24, endLine: 5, endColumn: 50 },
        { messageId: 'probe', data: { answer: 'startSpan discarded - 4' }, line: 6, column: 11, endLine: 6, endColumn: 40 },
        { messageId: 'probe', data: { answer: 'startSpan handed-on - 4' }, line: 7, column: 18, endLine: 7, endColumn: 46 },
      ],
    },
    {
      code: `
        import { trace } from '@opentelemetry/api';
        const tracer = trace.getTracer('jobs');
        tracer.startActiveSpan('job', async (span) => {
          span.end();
        });
      `,
      errors: [
        { messageId: 'probe', data: { answer: 'startActiveSpan bound span 4' }, line: 4, column: 9, endLine: 6, endColumn: 11 },
      ],
    },
  ],
});
