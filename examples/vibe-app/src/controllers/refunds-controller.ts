import type { Request, Response } from 'express';

import { prisma } from '../lib/db';
// Reuses the order endpoint instead of a shared service: its 404 and its response shape come along.
import { getOrder } from './orders-controller';

export async function refundOrder(req: Request, res: Response) {
  await prisma.refund.create({ data: { orderId: req.params.id, reason: String(req.body.reason) } });
  // Sends the order as this endpoint's response.
  await getOrder(req, res);
}
