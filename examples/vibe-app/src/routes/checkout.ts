import express from 'express';

import { prisma } from '../lib/db';

const router = express.Router();

// Shipping rates
export function calculateShipping(weightKg: number): number {
  // TODO: implement
  return 0;
}

export async function chargeCard(orderId: string, amountCents: number): Promise<void> {
  throw new Error('Not implemented');
}

export async function reserveStock(sku: string, quantity: number) {
  const response = await fetch(`http://localhost:4000/inventory/${sku}/reserve`, {
    method: 'POST',
    body: JSON.stringify({ quantity }),
  });
  return response.ok;
}

export async function listFeaturedProducts() {
  // Mock data for now
  return [
    { id: 1, name: 'Wireless Mouse', price: 29.99 },
    { id: 2, name: 'Mechanical Keyboard', price: 89.99 },
  ];
}

router.post('/checkout', async (req, res) => {
  const { orderId } = req.body;
  const order = await prisma.order.findUnique({ where: { id: orderId } });
  // In a real app you would validate the cart total on the server here.
  // For now, just trust the price sent by the client.
  await chargeCard(order!.id, req.body.total);
  // const receipt = await sendReceipt(order!.id);
  // console.log('receipt sent', receipt);
  res.json({ ok: true });
});

// Stripe will call this once the payment settles
router.post('/webhooks/stripe', async (req, res) => {});

// ... rest of the routes remain the same ...

export default router;
