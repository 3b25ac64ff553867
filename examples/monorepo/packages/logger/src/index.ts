import pino from 'pino';

/** The one logger of every Acme service: JSON lines, secrets redacted, the service name on each line. */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  redact: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.cardNumber'],
  base: { service: process.env.SERVICE_NAME },
});

export type Logger = typeof logger;
