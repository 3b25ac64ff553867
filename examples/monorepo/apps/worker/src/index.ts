import { logger } from '@acme/logger';

// Planted: a relative import into another package. It works in this checkout and breaks as soon as the
// worker is built, bundled or deployed without the repository around it; it also skips `@acme/db`'s entry point.
import { prisma } from '../../../packages/db/src/client.js';
import { sendReceipts } from './jobs/send-receipts.js';

const INTERVAL_MS = 60_000;

async function tick(): Promise<void> {
  try {
    const sent = await sendReceipts(async (email, totalCents) => {
      logger.info({ email, totalCents }, 'receipt queued');
    });
    logger.info({ sent }, 'receipts sent');
  } catch (error) {
    logger.error({ err: error }, 'receipt run failed');
  }
}

const timer = setInterval(() => void tick(), INTERVAL_MS);

process.on('SIGTERM', () => {
  clearInterval(timer);
  void prisma.$disconnect();
});
