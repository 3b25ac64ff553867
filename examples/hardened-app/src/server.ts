import express from 'express';
import pino from 'pino';

import { prisma } from './lib/db';
import checkoutRouter from './routes/checkout';

const logger = pino();
const app = express();
app.use(express.json());
app.use('/api/checkout', checkoutRouter);

const server = app.listen(Number(process.env.PORT ?? 3000), () => {
  logger.info({ port: process.env.PORT ?? 3000 }, 'server listening');
});

// A crash is logged with its stack before the process exits, so it reaches the log pipeline and the error tracker.
process.on('unhandledRejection', (reason) => {
  logger.fatal({ err: reason }, 'unhandled rejection');
  process.exit(1);
});
process.on('uncaughtException', (err) => {
  logger.fatal({ err }, 'uncaught exception');
  process.exit(1);
});

// Deploys send SIGTERM: finish in-flight requests, then release the database pool.
function shutdown(signal: string): void {
  logger.info({ signal }, 'shutting down');
  server.close(() => {
    void prisma.$disconnect().finally(() => process.exit(0));
  });
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
