import express from 'express';
// Planted: `@acme/logger` is not in this package's package.json. It resolves in the checkout through
// the workspace symlink, and breaks once the API is built or deployed on its own.
import { logger } from '@acme/logger';

import { ordersRouter } from './routes/orders.js';

export const app = express();

app.use(express.json({ limit: '100kb' }));
app.use('/orders', ordersRouter);

app.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
  logger.error({ err: error }, 'unhandled request error');
  res.status(500).json({ error: 'Internal error' });
});
