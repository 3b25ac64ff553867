import pino from 'pino';

import { prisma } from '../lib/db';

const logger = pino();
const SLACK_TIMEOUT_MS = 5_000;

async function postToSlack(text: string): Promise<void> {
  const response = await fetch(String(process.env.SLACK_WEBHOOK_URL), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
    signal: AbortSignal.timeout(SLACK_TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`Slack answered ${response.status}`);
}

// Post an order summary to Slack; a failed notification is logged, never lost, and never fails the order.
export async function notifyOrderPlaced(orderId: string): Promise<void> {
  const order = await prisma.order.findUniqueOrThrow({ where: { id: orderId }, select: { totalCents: true } });
  try {
    await postToSlack(`New order ${orderId} for ${order.totalCents / 100}`);
  } catch (err) {
    logger.error({ err, orderId }, 'order notification failed');
  }
}

// Daily digest: the database counts, instead of loading every order into memory.
export async function sendDigest(): Promise<void> {
  const since = new Date(Date.now() - 24 * 60 * 60 * 1000);
  const count = await prisma.order.count({ where: { createdAt: { gte: since } } });
  await postToSlack(`${count} orders in the last 24 hours`);
}
