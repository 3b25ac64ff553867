import { listUnsentReceipts, markReceiptSent } from '@acme/db';
// Planted: a second logger. The worker's lines skip the shared format and redaction of `@acme/logger`.
import winston from 'winston';

const log = winston.createLogger({ transports: [new winston.transports.Console()] });

export async function sendReceipts(send: (email: string, totalCents: number) => Promise<void>): Promise<number> {
  const orders = await listUnsentReceipts(50);
  for (const order of orders) {
    await send(order.email, order.totalCents);
    await markReceiptSent(order.id);
  }
  log.info(`sent ${orders.length} receipts`);
  return orders.length;
}
