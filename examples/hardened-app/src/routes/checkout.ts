import express from 'express';

import { prisma } from '../lib/db';
import { stripe } from '../lib/stripe';

const router = express.Router();

const RATE_PER_KG_CENTS = 120;
const MINIMUM_SHIPPING_CENTS = 500;

export function calculateShipping(weightKg: number): number {
  return Math.max(MINIMUM_SHIPPING_CENTS, Math.ceil(weightKg * RATE_PER_KG_CENTS));
}

export async function chargeCard(orderId: string, amountCents: number): Promise<void> {
  await stripe.paymentIntents.create({ amount: amountCents, currency: 'usd', metadata: { orderId } });
}

export async function reserveStock(sku: string, quantity: number) {
  const response = await fetch(`${process.env.INVENTORY_URL}/inventory/${sku}/reserve`, {
    method: 'POST',
    body: JSON.stringify({ quantity }),
    signal: AbortSignal.timeout(5_000),
  });
  return response.ok;
}

export async function listFeaturedProducts() {
  return prisma.product.findMany({ where: { featured: true }, take: 20 });
}

router.post('/checkout', async (req, res) => {
  const order = await prisma.order.findUniqueOrThrow({ where: { id: String(req.body.orderId) } });
  // The total comes from the stored order, never from the client.
  await chargeCard(order.id, order.totalCents);
  res.json({ ok: true });
});

// Stripe calls this once the payment settles; the signature check lives in the webhook middleware.
router.post('/webhooks/stripe', async (req, res) => {
  await prisma.order.update({ where: { id: String(req.body.data.object.metadata.orderId) }, data: { status: 'paid' } });
  res.sendStatus(204);
});

export default router;
