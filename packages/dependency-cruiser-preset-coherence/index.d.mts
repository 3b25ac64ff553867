import type { IConfiguration } from 'dependency-cruiser';

/** What `createCoherencePreset` accepts; each choice adds the rule that forbids the alternatives. */
export interface CoherenceOptions {
  /** Adds `one-http-client`. `'fetch'` is the global `fetch`. */
  httpClient?: 'axios' | 'got' | 'ky' | 'needle' | 'node-fetch' | 'ofetch' | 'superagent' | 'undici' | 'fetch';
  /** Adds `one-logger`. */
  logger?: 'bunyan' | 'consola' | 'log4js' | 'loglevel' | 'pino' | 'signale' | 'tslog' | 'winston';
  /** Adds `one-orm`. */
  orm?: 'drizzle' | 'knex' | 'kysely' | 'mikro-orm' | 'mongoose' | 'objection' | 'prisma' | 'sequelize' | 'typeorm';
  /** Adds `no-db-driver-outside-data-layer`: globs or folders, relative to the project root, where database drivers may be imported. */
  dataLayer?: string | readonly string[];
  /** Package names the generated rules never report. */
  allow?: readonly string[];
  /** Severity of the generated rules; `'error'` by default. */
  severity?: 'error' | 'warn' | 'info';
}

/** The coherence rules that need no options, with the options they rely on. */
declare const preset: IConfiguration;
export default preset;

/**
 * The preset plus rules forbidding every alternative to the project's choices. Returns a new object
 * each call; throws a `TypeError` naming the problem for an unknown option or unsupported value.
 */
export function createCoherencePreset(options: CoherenceOptions): IConfiguration;
