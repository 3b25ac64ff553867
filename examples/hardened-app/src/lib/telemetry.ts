// The same tracing and logging done so failures show up in traces and logs can be searched by field.
import { SpanStatusCode, trace } from '@opentelemetry/api';
import pino from 'pino';

import { prisma } from './db.js';

const tracer = trace.getTracer('hardened-app');
const logger = pino();

export async function chargeOrder(orderId: string, amountCents: number) {
  const span = tracer.startSpan('order.charge');
  span.setAttribute('order.id', orderId);
  try {
    const order = await prisma.order.update({ where: { id: orderId }, data: { status: 'PAID', amountCents } });
    logger.info({ orderId, amountCents }, 'order charged');
    return order;
  } finally {
    span.end();
  }
}

export function refundOrder(orderId: string) {
  return tracer.startActiveSpan('order.refund', async (span) => {
    try {
      return await prisma.order.update({ where: { id: orderId }, data: { status: 'REFUNDED' } });
    } catch (err) {
      span.recordException(err as Error);
      span.setStatus({ code: SpanStatusCode.ERROR });
      logger.error({ err, orderId }, 'refund failed');
      throw err;
    } finally {
      span.end();
    }
  });
}

export async function syncInventory() {
  const span = tracer.startSpan('inventory.sync');
  try {
    const items = await prisma.product.findMany({ take: 100 });
    logger.info({ count: items.length }, 'products synced');
    return items;
  } finally {
    span.end();
  }
}
