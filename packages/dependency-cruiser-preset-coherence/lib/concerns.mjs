// The catalogue of concerns for inference: for each, the choices a project makes and the package
// *family* of each choice (companions are one choice: `date-fns` + `date-fns-tz`). A name ending
// in `/` is a whole scope. The HTTP client, logger and ORM families are the generators' own lists.
import { HTTP_CLIENTS, LOGGERS, ORMS } from './packages.mjs';

const withoutFetch = Object.fromEntries(Object.entries(HTTP_CLIENTS).filter(([choice]) => choice !== 'fetch'));

/**
 * @type {Record<string, { label: string, option?: string, inTests?: boolean, gateway?: boolean, choices: Record<string, readonly string[]> }>}
 * `option`: the `createCoherencePreset` option that enforces the choice; `inTests`: counted in test
 * files (the test runner) rather than in application code; `gateway`: should be reached through one module.
 */
export const CONCERNS = {
  httpClient: { label: 'HTTP client', option: 'httpClient', gateway: true, choices: withoutFetch },
  logger: { label: 'logger', option: 'logger', gateway: true, choices: LOGGERS },
  // Not a gateway concern by default: models and schemas import their ORM, and query builders' operators
  // (`eq` from drizzle-orm, `Prisma.sql`) are used wherever queries are written. Configure it to check it.
  orm: { label: 'ORM or query builder', option: 'orm', choices: ORMS },
  dbDriver: {
    label: 'database driver',
    gateway: true,
    choices: { pg: ['pg', 'pg-pool'], postgres: ['postgres'], mysql2: ['mysql2'], mysql: ['mysql'], mongodb: ['mongodb'], 'better-sqlite3': ['better-sqlite3'], '@neondatabase/serverless': ['@neondatabase/serverless'] },
  },
  envLoader: {
    label: 'environment loader',
    gateway: true,
    choices: { dotenv: ['dotenv', 'dotenv-expand', 'dotenv-flow'], '@t3-oss/env': ['@t3-oss/'], envalid: ['envalid'], 'env-var': ['env-var'], convict: ['convict'] },
  },
  validation: {
    label: 'validation library',
    choices: { zod: ['zod', 'zod-validation-error'], joi: ['joi', '@hapi/joi', 'celebrate'], yup: ['yup'], valibot: ['valibot'], 'class-validator': ['class-validator', 'class-transformer'], superstruct: ['superstruct'], ajv: ['ajv', 'ajv-formats'], typebox: ['@sinclair/typebox'] },
  },
  dateTime: {
    label: 'date/time library',
    choices: { 'date-fns': ['date-fns', 'date-fns-tz'], dayjs: ['dayjs'], moment: ['moment', 'moment-timezone'], luxon: ['luxon'] },
  },
  stateManagement: {
    label: 'state management library',
    choices: { redux: ['redux', '@reduxjs/toolkit', 'react-redux'], zustand: ['zustand'], jotai: ['jotai'], mobx: ['mobx', 'mobx-react', 'mobx-react-lite'], recoil: ['recoil'], valtio: ['valtio'] },
  },
  testRunner: {
    label: 'test runner',
    inTests: true,
    choices: { jest: ['jest', '@jest/globals', 'ts-jest'], vitest: ['vitest'], mocha: ['mocha'], 'node:test': ['node:test'], ava: ['ava'] },
  },
};
