import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getStaticPropertyName } from '../../ast/get-static-property-name.js';
import { unwrapExpression } from '../../ast/unwrap-expression.js';
import { getOrigin, type Origin } from '../../origin/get-origin.js';
import { isOrigin } from '../../origin/is-origin.js';
import { getReceiverOrigin } from './get-receiver-origin.js';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export type SpanCallKind = 'getTracer' | 'startSpan' | 'startActiveSpan' | 'end' | 'recordException' | 'setStatus';

/** An OpenTelemetry tracing call. */
export interface SpanCall {
  readonly kind: SpanCallKind;
  /** The `trace` API, the tracer, or the span the method is called on. */
  readonly receiver: TSESTree.Node;
  /** `startActiveSpan`: the callback that receives the span. */
  readonly callback?: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression;
  /** `setStatus`: the status code, when it is written statically. */
  readonly statusCode?: 'UNSET' | 'OK' | 'ERROR';
}

const OTEL = '@opentelemetry/api';
const TRACER_PATHS = [['trace', 'getTracer', '()'], ['trace', 'getTracerProvider', '()', 'getTracer', '()'], ['Tracer']];
const SPAN_PATHS = [['trace', 'getActiveSpan', '()'], ['trace', 'getSpan', '()'], ['Span']];
const STATUS_CODES = ['UNSET', 'OK', 'ERROR'] as const;
const SPAN_METHODS = new Set<string>(['end', 'recordException', 'setStatus']);
const cache = new WeakMap<TSESTree.CallExpression, SpanCall | null>();

/**
 * What an `@opentelemetry/api` call does, resolved by origin: `trace.getTracer()`,
 * `tracer.startSpan()`/`startActiveSpan()`, and `end`/`recordException`/`setStatus` on
 * a span from `startSpan`, `trace.getActiveSpan()`, a `startActiveSpan` callback or a
 * `Span`-annotated parameter. `undefined` for anything else.
 */
export function getSpanCall(context: AnyContext, call: TSESTree.CallExpression): SpanCall | undefined {
  const cached = cache.get(call);
  if (cached !== undefined) return cached ?? undefined;
  const result = getSpanCallUncached(context, call);
  cache.set(call, result ?? null);
  return result;
}

function getSpanCallUncached(context: AnyContext, call: TSESTree.CallExpression): SpanCall | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = getStaticPropertyName(callee);
  if (method === undefined) return undefined;
  const receiver = callee.object;
  if (method === 'getTracer') {
    return isOrigin(getOrigin(context, receiver), { source: OTEL, path: ['trace'] }) ? { kind: 'getTracer', receiver } : undefined;
  }
  if (method === 'startSpan' || method === 'startActiveSpan') {
    if (!isTracer(getReceiverOrigin(context, receiver))) return undefined;
    if (method === 'startSpan') return { kind: 'startSpan', receiver };
    const last = call.arguments.at(-1);
    const callback =
      last?.type === AST_NODE_TYPES.ArrowFunctionExpression || last?.type === AST_NODE_TYPES.FunctionExpression ? last : undefined;
    return { kind: 'startActiveSpan', receiver, callback };
  }
  if (!SPAN_METHODS.has(method) || !isSpan(getReceiverOrigin(context, receiver))) return undefined;
  if (method === 'setStatus') return { kind: 'setStatus', receiver, statusCode: getStatusCode(context, call.arguments[0]) };
  return { kind: method as 'end' | 'recordException', receiver };
}

function isTracer(origin: Origin | undefined): boolean {
  return TRACER_PATHS.some((path) => isOrigin(origin, { source: OTEL, path }));
}

function isSpan(origin: Origin | undefined): boolean {
  if (!origin || origin.source !== OTEL) return false;
  if (SPAN_PATHS.some((path) => isOrigin(origin, { source: OTEL, path }))) return true;
  const tracer = origin.path.slice(0, -2);
  return origin.path.at(-2) === 'startSpan' && origin.path.at(-1) === '()' && isTracer({ ...origin, path: tracer });
}

/** `{ code: SpanStatusCode.ERROR }` or `{ code: 2 }`. */
function getStatusCode(context: AnyContext, argument: TSESTree.Node | undefined): SpanCall['statusCode'] {
  const object = argument && unwrapExpression(argument);
  if (object?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const code = object.properties.find(
    (property): property is TSESTree.Property => property.type === AST_NODE_TYPES.Property && getStaticPropertyName(property) === 'code',
  );
  if (!code) return undefined;
  const value = unwrapExpression(code.value);
  if (value.type === AST_NODE_TYPES.Literal && typeof value.value === 'number') return STATUS_CODES[value.value];
  const origin = getOrigin(context, value);
  if (origin?.source !== OTEL || origin.path.length !== 2 || origin.path[0] !== 'SpanStatusCode') return undefined;
  return STATUS_CODES.find((name) => name === origin.path[1]);
}
