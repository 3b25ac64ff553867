import { listOrders } from '@acme/db';
import { Router } from 'express';
import { z } from 'zod';

const query = z.object({
  customerId: z.string().uuid(),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const ordersRouter = Router();

ordersRouter.get('/', async (req, res, next) => {
  const parsed = query.safeParse(req.query);
  if (!parsed.success) {
    res.status(400).json({ error: 'Invalid query' });
    return;
  }
  try {
    res.json(await listOrders(parsed.data.customerId, parsed.data.pageSize));
  } catch (error) {
    next(error);
  }
});
