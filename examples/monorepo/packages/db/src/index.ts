import { prisma } from './client.js';

const MAX_PAGE_SIZE = 100;

export { prisma };

export async function listOrders(customerId: string, pageSize: number) {
  return prisma.order.findMany({
    where: { customerId },
    orderBy: { createdAt: 'desc' },
    take: Math.min(pageSize, MAX_PAGE_SIZE),
  });
}

export async function listUnsentReceipts(batchSize: number) {
  return prisma.order.findMany({
    where: { receiptSentAt: null, status: 'paid' },
    select: { id: true, email: true, totalCents: true },
    take: Math.min(batchSize, MAX_PAGE_SIZE),
  });
}

export async function markReceiptSent(orderId: string) {
  return prisma.order.update({ where: { id: orderId }, data: { receiptSentAt: new Date() } });
}
