import type { Request, Response } from 'express';

import { refundOrder } from '../services/orders';

// The shared logic lives in a service; this endpoint keeps its own response.
export async function createRefund(req: Request, res: Response) {
  const order = await refundOrder(req.params.id, String(req.body.reason));
  res.status(201).json({ orderId: order.id, status: order.status });
}
