import type { TSESTree } from '@typescript-eslint/utils';

export type DataLibrary =
  | 'prisma'
  | 'drizzle'
  | 'sequelize'
  | 'typeorm'
  | 'mongoose'
  | 'mongodb'
  | 'knex'
  | 'pg'
  | 'mysql2'
  | 'better-sqlite3'
  | 'supabase';

export type DataAccessKind = 'read' | 'write' | 'raw' | 'transaction' | 'connect';

/**
 * One step after the client in a data-access expression: `prisma.user.findMany()` has
 * `user` (a property) and `findMany` (a call); `db.select().from(users).limit(10)` has
 * `select`, `from` and `limit`. `call` is absent when the step is a property access or
 * happened in another statement (`const query = db.select(); query.from(users)`).
 */
export interface DataStep {
  readonly name: string;
  readonly called: boolean;
  readonly call?: TSESTree.CallExpression;
}

/** What a call does to the database, as `getDataAccess` answers it. */
export interface DataAccess {
  readonly library: DataLibrary;
  /** Model, table or collection name when it is written in the code (`user`, `'users'`). */
  readonly model?: string;
  /** The operation's method name: `findMany`, `select`, `find`, `query`, `$transaction`. */
  readonly operation: string;
  readonly kind: DataAccessKind;
  /** `true` when the call resolves to a list of rows or documents. */
  readonly returnsList: boolean;
  /**
   * For list reads: `true` when a limit is set (`take`, `.limit()`, `.range()`),
   * `false` when none is, `undefined` when options come from somewhere unknown.
   */
  readonly bounded?: boolean;
  /** The SQL text or fragment argument of a raw query (`$queryRawUnsafe(sql)`, `pool.query(sql)`). */
  readonly rawSql?: TSESTree.Node;
  /** The options or filter argument of the operation (`findMany({ … })`, `find({ … })`), when present. */
  readonly options?: TSESTree.Node;
  /** The steps after the client, in source order; rules read `where`/`limit` steps from here. */
  readonly steps: readonly DataStep[];
}
