// The hardened twin of vibe-app's payments wiring: every credential comes from the environment.
import crypto from 'node:crypto';

import jwt from 'jsonwebtoken';
import pg from 'pg';

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

export const stripeSecretKey = requireEnv('STRIPE_SECRET_KEY');
const webhookSigningKey = requireEnv('STRIPE_WEBHOOK_SECRET');

export const pool = new pg.Pool({ connectionString: requireEnv('DATABASE_URL') });

export function verifyWebhook(body: string, signature: string): boolean {
  const expected = crypto.createHmac('sha256', webhookSigningKey).update(body).digest();
  const received = Buffer.from(signature, 'hex');
  return received.length === expected.length && crypto.timingSafeEqual(expected, received);
}

export function signServiceToken(service: string, secret: string): string {
  return jwt.sign({ service }, secret, { expiresIn: '5m' });
}

export async function chargeCustomer(customerId: string, amount: number): Promise<unknown> {
  const response = await fetch('https://api.stripe.com/v1/charges', {
    method: 'POST',
    headers: { Authorization: `Bearer ${stripeSecretKey}`, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ customer: customerId, amount: String(amount), currency: 'usd' }),
    signal: AbortSignal.timeout(10_000),
  });
  return response.json();
}
