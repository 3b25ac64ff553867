// Tracing and logging the way an assistant adds them: spans that leak on errors, failures traced as successes,
// and log lines nobody can search by order id.
import { trace } from '@opentelemetry/api';
import pino from 'pino';

import { prisma } from './db.js';

const tracer = trace.getTracer('vibe-app');
const logger = pino();

export async function chargeOrder(orderId: string, amountCents: number) {
  const span = tracer.startSpan('order.charge');
  span.setAttribute('order.id', orderId);
  const order = await prisma.order.update({ where: { id: orderId }, data: { status: 'PAID', amountCents } });
  logger.info(`order ${orderId} charged ${amountCents} cents`);
  span.end();
  return order;
}

export function refundOrder(orderId: string) {
  return tracer.startActiveSpan('order.refund', async (span) => {
    try {
      return await prisma.order.update({ where: { id: orderId }, data: { status: 'REFUNDED' } });
    } catch (err) {
      logger.error({ err }, 'refund failed for order ' + orderId);
      throw err;
    } finally {
      span.end();
    }
  });
}

export async function syncInventory() {
  const span = tracer.startSpan('inventory.sync');
  const items = await prisma.product.findMany({ take: 100 });
  logger.info(`synced ${items.length} products`);
  return items;
}
