import { prisma } from '../lib/db';

/** The order with its items, or `null`: shared by every endpoint that shows an order. */
export async function findOrder(orderId: string) {
  return prisma.order.findUnique({ where: { id: orderId }, include: { items: true } });
}

export async function refundOrder(orderId: string, reason: string) {
  return prisma.$transaction(async (tx) => {
    await tx.refund.create({ data: { orderId, reason } });
    return tx.order.update({ where: { id: orderId }, data: { status: 'REFUNDED' }, include: { items: true } });
  });
}
