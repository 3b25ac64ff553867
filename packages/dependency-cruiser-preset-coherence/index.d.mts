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

/** A concern of the catalogue: its choices, each a package family (`date-fns` + `date-fns-tz`; a name ending in `/` is a scope). */
export interface Concern {
  label: string;
  /** The `createCoherencePreset` option that enforces the choice, when there is one. */
  option?: 'httpClient' | 'logger' | 'orm';
  /** Counted in test files (the test runner) instead of application code. */
  inTests?: boolean;
  /** Should be reached through one gateway module (`findGatewayBypasses`). */
  gateway?: boolean;
  choices: Record<string, readonly string[]>;
}

/** The catalogue: httpClient, logger, orm, dbDriver, envLoader, validation, dateTime, stateManagement, testRunner. */
export const CONCERNS: Readonly<Record<string, Concern>>;

/** Paths of cross-cutting modules siblings are expected to share (auth, error handling, validation, rate limits). */
export const CROSS_CUTTING: RegExp;

/** A post-pass finding, in the shape the architecture preset's `compareBaseline` takes. */
export interface CoherenceFinding {
  rule: string;
  from: string;
  to?: string;
  /** Why, with the evidence (counts, the gateway, the siblings). */
  message: string;
}

/** The inferred choice for one concern. */
export interface InferredChoice {
  concern: string;
  label: string;
  /** The majority choice; `null` on a tie. */
  choice: string | null;
  /** Modules using each choice (directly or through a wrapper module), most first. */
  counts: Record<string, number>;
  /** Modules importing another choice directly, for choices with under a third of the majority's users. */
  outliers: Array<{ from: string; package: string; choice: string }>;
}

type CruiseResultLike = { output: unknown } | { modules: readonly unknown[] };

/**
 * The project's choice per concern, inferred from the import graph (majority, with counts), as a
 * proposal: `options` for `createCoherencePreset` once the user accepts it, and the `one-<concern>`
 * findings accepting it would report.
 */
export function proposeCoherence(result: CruiseResultLike): {
  choices: InferredChoice[];
  options: Pick<CoherenceOptions, 'httpClient' | 'logger' | 'orm'>;
  findings: CoherenceFinding[];
};

/**
 * Modules importing a DB driver, logger, HTTP client or env loader directly although the project
 * wraps it in a gateway module: configured (`{ orm: 'src/db/**' }`, any concern) or inferred (the
 * direct importer most modules import, with at least `minUsers` users, default 3, and direct
 * importers elsewhere at most a quarter of them). Findings are `gateway-<concern>`.
 */
export function findGatewayBypasses(
  result: CruiseResultLike,
  options?: { gateways?: Record<string, string | readonly string[]>; minUsers?: number },
): { gateways: Array<{ concern: string; gateway: string; users: number; inferred: boolean }>; findings: CoherenceFinding[] };

/**
 * Siblings (modules of one folder, `minSiblings` default 4) that skip a cross-cutting module at
 * least `threshold` (default 0.75) of them import. Findings are `convention-by-analogy`.
 */
export function findConventionOutliers(
  result: CruiseResultLike,
  options?: { minSiblings?: number; threshold?: number; concernPattern?: RegExp | null },
): CoherenceFinding[];

/** Application modules no test file reaches through imports (`untested-module`); empty when the cruise has no test file. */
export function findUntestedModules(result: CruiseResultLike): CoherenceFinding[];
