import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

// Vibe-coded: the connection is released only when every query succeeds.
export async function transferCredits(fromId: string, toId: string, amount: number) {
  const client = await pool.connect();
  await client.query('BEGIN');
  await client.query('UPDATE accounts SET credits = credits - $2 WHERE id = $1', [fromId, amount]);
  await client.query('UPDATE accounts SET credits = credits + $2 WHERE id = $1', [toId, amount]);
  await client.query('COMMIT');
  client.release();
}

// Vibe-coded: one webhook call per subscriber, all at once.
export async function notifySubscribers(urls: string[], event: object) {
  await Promise.all(
    urls.map((url) => fetch(url, { method: 'POST', body: JSON.stringify(event), signal: AbortSignal.timeout(5000) })),
  );
}
