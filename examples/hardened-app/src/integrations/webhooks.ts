import { setTimeout as sleep } from 'node:timers/promises';
import pLimit from 'p-limit';
import pino from 'pino';

type Subscriber = { url: string };

const logger = pino();
const WEBHOOK_TIMEOUT_MS = 5_000;
const MAX_ATTEMPTS = 5;
// At most this many deliveries in flight, so a large subscriber list cannot exhaust sockets.
const limit = pLimit(10);

async function post(url: string, event: unknown): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(event),
    signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`Subscriber answered ${response.status}`);
}

// Deliver an event to every subscriber concurrently, with a bounded number in flight.
export async function deliverEvent(subscribers: Subscriber[], event: unknown): Promise<void> {
  await Promise.all(subscribers.map((subscriber) => limit(() => post(subscriber.url, event))));
}

// Fetch exchange rates with bounded, logged retries and exponential backoff with jitter.
export async function getExchangeRates(): Promise<unknown> {
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await fetch('https://rates.example.com/latest', { signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS) });
      return await response.json();
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS) throw error;
      logger.warn({ err: error, attempt }, 'exchange rate request failed; retrying');
      await sleep(2 ** attempt * 100 + Math.random() * 100);
    }
  }
}
