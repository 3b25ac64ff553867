import { describe, expect, it } from 'vitest';

import { isOrigin } from '../../src/origin/is-origin.js';
import { isLocalSource, normaliseSource } from '../../src/origin/normalise-source.js';

describe('isOrigin', () => {
  const poolQuery = { source: 'pg', path: ['Pool', 'new', 'query'], via: 'import' } as const;

  it('matches source and path exactly, with * for one step', () => {
    expect(isOrigin(poolQuery, { source: 'pg', path: ['Pool', 'new', 'query'] })).toBe(true);
    expect(isOrigin(poolQuery, { source: ['mysql2', 'pg'], path: ['*', 'new', 'query'] })).toBe(true);
    expect(isOrigin(poolQuery, { source: /^pg/, path: ['Pool', '*', 'query'] })).toBe(true);
  });

  it('does not match another module, a longer path or nothing', () => {
    expect(isOrigin(poolQuery, { source: 'mysql2', path: ['Pool', 'new', 'query'] })).toBe(false);
    expect(isOrigin(poolQuery, { source: 'pg', path: ['Pool', 'new'] })).toBe(false);
    expect(isOrigin(undefined, { source: 'pg', path: [] })).toBe(false);
  });
});

describe('normaliseSource / isLocalSource', () => {
  it('drops the node: prefix only', () => {
    expect(normaliseSource('node:fs/promises')).toBe('fs/promises');
    expect(normaliseSource('pg')).toBe('pg');
  });

  it('tells project modules from packages', () => {
    expect(['./db', '../lib/db', '@/lib/prisma', '~/server/db', '#db'].every(isLocalSource)).toBe(true);
    expect(['pg', '@prisma/client', 'drizzle-orm/pg-core'].some(isLocalSource)).toBe(false);
  });
});
