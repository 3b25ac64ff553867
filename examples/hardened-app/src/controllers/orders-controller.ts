import type { Request, Response } from 'express';

import { findOrder } from '../services/orders';

export async function getOrder(req: Request, res: Response) {
  const order = await findOrder(req.params.id);
  if (!order) {
    res.status(404).json({ error: 'Order not found' });
    return;
  }
  res.json(order);
}
