import { createRuleTester, createTypedRuleTester } from '@prodready/test-kit';
import type { TSESTree } from '@typescript-eslint/utils';

import { getOrigin } from '../../src/origin/get-origin.js';
import { createProbeRule } from '../probe.js';

// Reports `source:path` for every call and `new`.
const rule = createProbeRule<TSESTree.CallExpression | TSESTree.NewExpression>(
  'CallExpression, NewExpression',
  (context, node) => {
    const origin = getOrigin(context, node);
    return origin && `${origin.source}:${origin.path.join('.')}`;
  },
);

createRuleTester().run('getOrigin', rule, {
  valid: [
    // a local function is not a module API
    'function loadUser() { return 1; } loadUser();',
    // a parameter without type information is unknown
    'export function handler(db: unknown) { return (db as any).query(); }',
    // a variable assigned two different things is ambiguous
    `
      import { Pool } from 'pg';
      import Redis from 'ioredis';
      let client;
      client = Pool;
      client = Redis;
      new client();
    `,
  ],
  invalid: [
    {
      code: "import { PrismaClient } from '@prisma/client'; const prisma = new PrismaClient(); prisma.user.findMany();",
      errors: [
        { messageId: 'probe', data: { answer: '@prisma/client:PrismaClient.new' }, line: 1, column: 63, endLine: 1, endColumn: 81 },
        {
          messageId: 'probe',
          data: { answer: '@prisma/client:PrismaClient.new.user.findMany.()' },
          line: 1,
          column: 83,
          endLine: 1,
          endColumn: 105,
        },
      ],
    },
    {
      // CommonJS destructuring
      code: "const { Pool } = require('pg'); const pool = new Pool();",
      errors: [
        { messageId: 'probe', data: { answer: 'pg:' }, line: 1, column: 18, endLine: 1, endColumn: 31 },
        { messageId: 'probe', data: { answer: 'pg:Pool.new' }, line: 1, column: 46, endLine: 1, endColumn: 56 },
      ],
    },
    {
      // default import folded into the namespace; node: prefix dropped
      code: "import pg from 'pg'; import * as fs from 'node:fs'; new pg.Pool(); fs.readFileSync('a');",
      errors: [
        { messageId: 'probe', data: { answer: 'pg:Pool.new' }, line: 1, column: 53, endLine: 1, endColumn: 66 },
        { messageId: 'probe', data: { answer: 'fs:readFileSync.()' }, line: 1, column: 68, endLine: 1, endColumn: 88 },
      ],
    },
    {
      // aliased import and wrappers
      code: "import { drizzle as makeDb } from 'drizzle-orm/node-postgres'; const db = makeDb(url); db.select();",
      errors: [
        { messageId: 'probe', data: { answer: 'drizzle-orm/node-postgres:drizzle.()' }, line: 1, column: 75, endLine: 1, endColumn: 86 },
        {
          messageId: 'probe',
          data: { answer: 'drizzle-orm/node-postgres:drizzle.().select.()' },
          line: 1,
          column: 88,
          endLine: 1,
          endColumn: 99,
        },
      ],
    },
    {
      // the Next.js singleton: the module side of `??` wins over globalThis
      code: `
        import { PrismaClient } from '@prisma/client';
        const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };
        export const prisma = globalForPrisma.prisma ?? new PrismaClient();
        prisma.order.create({ data: {} });
      `,
      errors: [
        { messageId: 'probe', data: { answer: '@prisma/client:PrismaClient.new' }, line: 4, column: 57, endLine: 4, endColumn: 75 },
        {
          messageId: 'probe',
          data: { answer: '@prisma/client:PrismaClient.new.order.create.()' },
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 42,
        },
      ],
    },
    {
      // a lazy singleton assigned in one place
      code: `
        import Redis from 'ioredis';
        let redis: Redis | undefined;
        export function getRedis() { redis ??= new Redis(); return redis; }
        redis?.get('k');
      `,
      errors: [
        { messageId: 'probe', data: { answer: 'ioredis:new' }, line: 4, column: 48, endLine: 4, endColumn: 59 },
        { messageId: 'probe', data: { answer: 'ioredis:new.get.()' }, line: 5, column: 9, endLine: 5, endColumn: 24 },
      ],
    },
    {
      // globals, through globalThis too; a parenthesised, optional-chained call
      code: "fetch('/a'); globalThis.fetch('/b'); (console?.log)('x');",
      errors: [
        { messageId: 'probe', data: { answer: 'global:fetch.()' }, line: 1, column: 1, endLine: 1, endColumn: 12 },
        { messageId: 'probe', data: { answer: 'global:fetch.()' }, line: 1, column: 14, endLine: 1, endColumn: 36 },
        { messageId: 'probe', data: { answer: 'global:console.log.()' }, line: 1, column: 38, endLine: 1, endColumn: 57 },
      ],
    },
    {
      // a project module without type information resolves to that module
      code: "import { prisma } from '../lib/db'; prisma.user.findMany();",
      errors: [
        { messageId: 'probe', data: { answer: '../lib/db:prisma.user.findMany.()' }, line: 1, column: 37, endLine: 1, endColumn: 59 },
      ],
    },
    {
      // express app and router
      code: "const express = require('express'); const app = express(); const router = express.Router(); router.get('/', h);",
      errors: [
        { messageId: 'probe', data: { answer: 'express:' }, line: 1, column: 17, endLine: 1, endColumn: 35 },
        { messageId: 'probe', data: { answer: 'express:()' }, line: 1, column: 49, endLine: 1, endColumn: 58 },
        { messageId: 'probe', data: { answer: 'express:Router.()' }, line: 1, column: 75, endLine: 1, endColumn: 91 },
        { messageId: 'probe', data: { answer: 'express:Router.().get.()' }, line: 1, column: 93, endLine: 1, endColumn: 111 },
      ],
    },
    {
      // a loop variable is an element, not the iterable; the call on the array still resolves
      code: "import { users } from 'fixtures-lib'; for (const user of users) { user.save(); } users.map(String);",
      errors: [
        { messageId: 'probe', data: { answer: 'fixtures-lib:users.map.()' }, line: 1, column: 82, endLine: 1, endColumn: 99 },
      ],
    },
  ],
});

// With type information, a value imported from a project module is followed into its package.
createTypedRuleTester().run('getOrigin (typed)', rule, {
  valid: [
    // a project-local class stays unknown: types only map to packages
    'class Cache { get(key: string) { return key; } } export function read(cache: Cache) { return cache.get("k"); }',
  ],
  invalid: [
    {
      // a value created in another project file, followed by its type
      code: `
        import { bus } from './shared/bus';
        bus.emit('ready');
      `,
      errors: [
        { messageId: 'probe', data: { answer: 'events:EventEmitter.new.emit.()' }, line: 3, column: 9, endLine: 3, endColumn: 26 },
      ],
    },
    {
      code: `
        import { EventEmitter } from 'node:events';
        export function listen(bus: EventEmitter) { bus.emit('ready'); }
      `,
      errors: [
        { messageId: 'probe', data: { answer: 'events:EventEmitter.new.emit.()' }, line: 3, column: 53, endLine: 3, endColumn: 70 },
      ],
    },
  ],
});
