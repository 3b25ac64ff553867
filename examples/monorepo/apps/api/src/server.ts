import { logger } from '@acme/logger';

import { app } from './app.js';

const port = Number(process.env.PORT ?? 3000);

app.listen(port, () => {
  logger.info({ port }, 'api listening');
});
