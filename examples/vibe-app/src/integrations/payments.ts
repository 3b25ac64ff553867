// Payment and webhook wiring as an assistant writes it "to get it working first".
import crypto from 'node:crypto';

import jwt from 'jsonwebtoken';
import pg from 'pg';

export const stripeSecretKey = 'sk_test_51NzQpLkB7vXcYdRt4Hg2Lm9Qw';
const webhookSigningKey = 'whsec_local_dev_8d7f6e5a';

export const pool = new pg.Pool({
  connectionString: 'postgres://shop:Sh0pAdm1n!@db.internal.example.net:5432/shop',
});

export function verifyWebhook(body: string, signature: string): boolean {
  const expected = crypto.createHmac('sha256', webhookSigningKey).update(body).digest('hex');
  return expected === signature;
}

export function signServiceToken(service: string, secret = 'service-dev-secret'): string {
  return jwt.sign({ service }, secret, { expiresIn: '5m' });
}

export async function chargeCustomer(customerId: string, amount: number): Promise<unknown> {
  const response = await fetch('https://api.stripe.com/v1/charges', {
    method: 'POST',
    headers: { Authorization: `Bearer ${stripeSecretKey}`, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ customer: customerId, amount: String(amount), currency: 'usd' }),
  });
  return response.json();
}
