// The packages that do the same job, one entry per choice users can make. A choice's value lists
// every package that belongs to it (its companions are not "a second way").

/** HTTP clients. `fetch` means the global `fetch`; undici is its engine, so it stays allowed. */
export const HTTP_CLIENTS = {
  axios: ['axios'],
  got: ['got'],
  ky: ['ky'],
  needle: ['needle'],
  'node-fetch': ['node-fetch'],
  ofetch: ['ofetch'],
  superagent: ['superagent'],
  undici: ['undici'],
  fetch: ['undici'],
};

/** A fetch polyfill: on Node.js 18+ only ever a second HTTP client. */
export const FETCH_POLYFILLS = ['cross-fetch'];

/**
 * `request` and its promise wrappers (deprecated since 2020, unpatched) and `isomorphic-fetch`
 * (wraps node-fetch 2): reported by `no-legacy-request-libraries` whatever the project chose.
 */
export const DEPRECATED_HTTP_CLIENTS = ['request', 'request-promise', 'request-promise-native', 'request-promise-any', 'isomorphic-fetch'];

/** Structured loggers. */
export const LOGGERS = {
  bunyan: ['bunyan'],
  consola: ['consola'],
  log4js: ['log4js'],
  loglevel: ['loglevel'],
  pino: ['pino'],
  signale: ['signale'],
  tslog: ['tslog'],
  winston: ['winston'],
};

/** ORMs and query builders. Objection runs on Knex, so Knex belongs to it. */
export const ORMS = {
  drizzle: ['drizzle-orm'],
  knex: ['knex'],
  kysely: ['kysely'],
  'mikro-orm': ['@mikro-orm/'],
  mongoose: ['mongoose'],
  objection: ['objection', 'knex'],
  prisma: ['@prisma/client'],
  sequelize: ['sequelize', 'sequelize-typescript'],
  typeorm: ['typeorm'],
};

/** Database drivers: what ORMs are built on, and what a data layer wraps. */
export const DB_DRIVERS = [
  '@libsql/client',
  '@neondatabase/serverless',
  '@planetscale/database',
  'better-sqlite3',
  'mariadb',
  'mongodb',
  'mssql',
  'mysql',
  'mysql2',
  'oracledb',
  'pg',
  'pg-promise',
  'postgres',
  'sqlite3',
  'tedious',
];
