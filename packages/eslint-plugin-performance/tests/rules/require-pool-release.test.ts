import { createRuleTester } from '@prodready/test-kit';

import rule from '../../src/rules/require-pool-release.js';

const ruleTester = createRuleTester();

ruleTester.run('require-pool-release', rule, {
  valid: [
    // released in finally
    `
import { Pool } from 'pg';
const pool = new Pool();
export async function transfer(from: string, to: string) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('UPDATE accounts SET balance = balance - 1 WHERE id = $1', [from]);
    await client.query('COMMIT');
  } finally {
    client.release();
  }
}
`,
    // acquired inside the try, released with optional chaining
    `
import pg from 'pg';
const pool = new pg.Pool();
export async function countUsers() {
  let client: pg.PoolClient | undefined;
  try {
    client = await pool.connect();
    return (await client.query('SELECT count(*) FROM users')).rows[0];
  } finally {
    client?.release();
  }
}
`,
    // returned: the caller owns it
    `
import { Pool } from 'pg';
const pool = new Pool();
export async function getClient() {
  const client = await pool.connect();
  return client;
}
`,
    // handed to a helper that may release it
    `
import { Pool } from 'pg';
import { withClient } from './db-helpers';
const pool = new Pool();
export async function run() {
  const client = await pool.connect();
  await withClient(client);
}
`,
    // stored on an object
    `
import { Pool } from 'pg';
const pool = new Pool();
export class Session {
  client: unknown;
  async open() {
    this.client = await pool.connect();
  }
}
`,
    // the callback API is not followed
    `
import { Pool } from 'pg';
const pool = new Pool();
pool.connect((err, client, done) => {
  client.query('SELECT 1', () => done());
});
`,
    // pool.query checks out and releases by itself
    `
import { Pool } from 'pg';
const pool = new Pool();
export async function listUsers() {
  return (await pool.query('SELECT * FROM users LIMIT 20')).rows;
}
`,
    // a standalone Client is not pooled
    `
import { Client } from 'pg';
export async function ping() {
  const client = new Client();
  await client.connect();
  await client.query('SELECT 1');
  await client.end();
}
`,
    // a same-named local pool
    `
const pool = { connect: async () => ({ query: async (sql: string) => sql }) };
export async function ping() {
  const client = await pool.connect();
  await client.query('SELECT 1');
}
`,
    // mysql2: released in finally
    `
import mysql from 'mysql2/promise';
const pool = mysql.createPool({ uri: process.env.DATABASE_URL });
export async function findUser(id: number) {
  const connection = await pool.getConnection();
  try {
    const [rows] = await connection.query('SELECT * FROM users WHERE id = ?', [id]);
    return rows;
  } finally {
    connection.release();
  }
}
`,
    // mysql2: released through the pool
    `
import mysql from 'mysql2/promise';
const pool = mysql.createPool({ uri: process.env.DATABASE_URL });
export async function findUser(id: number) {
  const connection = await pool.getConnection();
  try {
    return await connection.query('SELECT * FROM users WHERE id = ?', [id]);
  } finally {
    pool.releaseConnection(connection);
  }
}
`,
    // TypeORM: the documented transaction pattern
    `
import { DataSource } from 'typeorm';
const dataSource = new DataSource({ type: 'postgres' });
export async function saveOrder(order: object) {
  const queryRunner = dataSource.createQueryRunner();
  await queryRunner.connect();
  await queryRunner.startTransaction();
  try {
    await queryRunner.manager.save(order);
    await queryRunner.commitTransaction();
  } catch (error) {
    await queryRunner.rollbackTransaction();
    throw error;
  } finally {
    await queryRunner.release();
  }
}
`,
    // released in try and in catch
    `
import { Pool } from 'pg';
const pool = new Pool();
export async function countUsers() {
  const client = await pool.connect();
  try {
    const result = await client.query('SELECT count(*) FROM users');
    client.release();
    return result;
  } catch (error) {
    client.release();
    throw error;
  }
}
`,
    // released in a .finally() callback
    `
import { Pool } from 'pg';
const pool = new Pool();
export async function countUsers() {
  const client = await pool.connect();
  return client.query('SELECT count(*) FROM users').finally(() => client.release());
}
`,
    // released with nothing that can fail in between
    `
import { Pool } from 'pg';
const pool = new Pool();
export async function warmUp() {
  const client = await pool.connect();
  client.release();
}
`,
    // generic-pool: released through the pool in finally
    `
import genericPool from 'generic-pool';
const pool = genericPool.createPool({ create: async () => ({}), destroy: async () => {} }, { max: 10 });
export async function useResource() {
  const resource = await pool.acquire();
  try {
    return resource;
  } finally {
    await pool.release(resource);
  }
}
`,
    // \`await using\` disposes it
    `
import { Pool } from 'pg';
const pool = new Pool();
export async function countUsers() {
  await using client = await pool.connect();
  return client.query('SELECT count(*) FROM users');
}
`,
    // allow-listed library
    {
      code: `
import { Pool } from 'pg';
const pool = new Pool();
export async function leak() {
  const client = await pool.connect();
  await client.query('SELECT 1');
}
`,
      options: [{ allow: ['pg'] }],
    },
    // test files
    {
      code: `
import { Pool } from 'pg';
const pool = new Pool();
export async function leak() {
  const client = await pool.connect();
  await client.query('SELECT 1');
}
`,
      filename: 'tests/db.test.ts',
    },
    // type errors must not crash
    `
import { Pool } from 'pg';
const pool = new Pool();
export async function broken() {
  const client: number = await pool.connect(1, 2, 3);
  try { client.query(); } finally { client.release(); }
}
`,
  ],
  invalid: [
    {
      code: `
import { Pool } from 'pg';
const pool = new Pool();
export async function countUsers() {
  const client = await pool.connect();
  const result = await client.query('SELECT count(*) FROM users');
  return result.rows[0];
}
`,
      errors: [{ messageId: 'missingRelease', data: { library: 'pg' }, line: 5, column: 29, endLine: 5, endColumn: 36 }],
    },
    // released, but a failing query skips it
    {
      code: `
import { Pool } from 'pg';
const pool = new Pool();
export async function countUsers() {
  const client = await pool.connect();
  const result = await client.query('SELECT count(*) FROM users');
  client.release();
  return result.rows[0];
}
`,
      errors: [{ messageId: 'releaseNotInFinally', data: { library: 'pg' }, line: 5, column: 29, endLine: 5, endColumn: 36 }],
    },
    // an early return before the try leaks it
    {
      code: `
import { Pool } from 'pg';
const pool = new Pool();
export async function rename(id: string, name: string) {
  const client = await pool.connect();
  if (!name) return null;
  try {
    return await client.query('UPDATE users SET name = $2 WHERE id = $1', [id, name]);
  } finally {
    client.release();
  }
}
`,
      errors: [{ messageId: 'releaseNotInFinally', data: { library: 'pg' }, line: 5, column: 29, endLine: 5, endColumn: 36 }],
    },
    // aliased import, cast, and a discarded connection
    {
      code: `
import { Pool as PgPool } from 'pg';
const pool = new PgPool() as PgPool;
export async function touch() {
  await pool.connect();
}
`,
      errors: [{ messageId: 'missingRelease', data: { library: 'pg' }, line: 5, column: 14, endLine: 5, endColumn: 21 }],
    },
    // require and a non-null assertion
    {
      code: `
const { Pool } = require('pg');
const pool = new Pool();
async function countUsers() {
  const client = (await pool.connect())!;
  return (await client.query('SELECT count(*) FROM users')).rows;
}
module.exports = { countUsers };
`,
      errors: [{ messageId: 'missingRelease', data: { library: 'pg' }, line: 5, column: 30, endLine: 5, endColumn: 37 }],
    },
    // mysql2: released outside finally
    {
      code: `
import mysql from 'mysql2/promise';
const pool = mysql.createPool({ uri: process.env.DATABASE_URL });
export async function findUser(id: number) {
  const connection = await pool.getConnection();
  const [rows] = await connection.query('SELECT * FROM users WHERE id = ?', [id]);
  connection.release();
  return rows;
}
`,
      errors: [
        { messageId: 'releaseNotInFinally', data: { library: 'mysql' }, line: 5, column: 33, endLine: 5, endColumn: 46 },
      ],
    },
    // TypeORM: never released
    {
      code: `
import { DataSource } from 'typeorm';
const dataSource = new DataSource({ type: 'postgres' });
export async function saveOrder(order: object) {
  const queryRunner = dataSource.createQueryRunner();
  await queryRunner.connect();
  await queryRunner.manager.save(order);
}
`,
      errors: [
        { messageId: 'missingRelease', data: { library: 'typeorm' }, line: 5, column: 34, endLine: 5, endColumn: 51 },
      ],
    },
    // generic-pool: optional-chained acquisition never released
    {
      code: `
import { createPool } from 'generic-pool';
const pool = createPool({ create: async () => ({}), destroy: async () => {} });
export async function useResource() {
  const resource = await pool?.acquire();
  return resource.id;
}
`,
      errors: [
        { messageId: 'missingRelease', data: { library: 'generic-pool' }, line: 5, column: 32, endLine: 5, endColumn: 39 },
      ],
    },
  ],
});
