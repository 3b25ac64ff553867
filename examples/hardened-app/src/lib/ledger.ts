import pLimit from 'p-limit';
import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const limit = pLimit(10);

export async function transferCredits(fromId: string, toId: string, amount: number) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('UPDATE accounts SET credits = credits - $2 WHERE id = $1', [fromId, amount]);
    await client.query('UPDATE accounts SET credits = credits + $2 WHERE id = $1', [toId, amount]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

export async function notifySubscribers(urls: string[], event: object) {
  await Promise.all(
    urls.map((url) =>
      limit(() => fetch(url, { method: 'POST', body: JSON.stringify(event), signal: AbortSignal.timeout(5000) })),
    ),
  );
}
