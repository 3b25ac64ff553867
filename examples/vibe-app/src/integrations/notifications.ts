import axios from 'axios';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

// Post an order summary to Slack and refresh the customer's avatar
export async function notifyOrderPlaced(orderId: string) {
  const order = await prisma.order.findUnique({ where: { id: orderId } });
  await axios.post(process.env.SLACK_WEBHOOK_URL!, {
    text: `New order ${orderId} for ${order?.total}`,
  });
  const avatar = await fetch(`https://www.gravatar.com/avatar/${order?.userId}?d=404`);
  return avatar.ok;
}

// Daily digest of every order
export async function sendDigest() {
  const orders = await prisma.order.findMany({ orderBy: { createdAt: 'desc' } });
  const exchange = await fetch('https://open.er-api.com/v6/latest/USD', { headers: { accept: 'application/json' } });
  const { rates } = await exchange.json();
  await axios.post(process.env.SLACK_WEBHOOK_URL!, { text: `${orders.length} orders, EUR ${rates.EUR}` }, { timeout: 5_000 });
}
