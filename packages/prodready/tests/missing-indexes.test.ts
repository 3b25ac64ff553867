import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { findMissingIndexes, parsePrismaSchema } from '../src/core/missing-indexes.js';

const SCHEMA = `
datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

model User {
  id        String   @id @default(cuid())
  email     String   @unique
  name      String?
  role      Role     @default(USER)
  createdAt DateTime @default(now())
  posts     Post[]
}

model Post {
  id        String   @id @default(cuid())
  title     String
  slug      String
  status    String   // draft | published
  authorId  String
  author    User     @relation(fields: [authorId], references: [id])
  tenantId  String
  views     Int      @default(0)

  @@unique([tenantId, slug])
  @@index(fields: [authorId, status])
}

enum Role {
  USER
  ADMIN
}
`;

const FILES: Record<string, string> = {
  'prisma/schema.prisma': SCHEMA,
  'src/db.ts': `
import { PrismaClient } from '@prisma/client';
export const prisma = new PrismaClient();
`,
  'src/routes/posts.ts': `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();

export async function listPublished() {
  return prisma.post.findMany({ where: { status: 'published' }, take: 20 });
}

export async function byAuthor(authorId: string) {
  return prisma.post.findMany({ where: { authorId, status: 'published' }, take: 20 });
}

export async function bySlug(tenantId: string, slug: string) {
  return prisma.post.findFirst({ where: { tenantId, slug } });
}

export async function bySlugOnly(slug: string) {
  return prisma.post.findFirst({ where: { slug } });
}

export async function search(term: string) {
  return prisma.post.findMany({
    where: { OR: [{ title: { contains: term } }, { id: term }] },
    take: 20,
  });
}

export async function popular() {
  return prisma.post.count({ where: { NOT: { views: 0 } } });
}
`,
  'src/routes/users.ts': `
import { PrismaClient as Client } from '@prisma/client';
const db = new Client();

export async function admins() {
  return db.user.findMany({ where: { role: 'ADMIN', createdAt: { gt: new Date(0) } }, take: 50 });
}

export async function byEmail(email: string) {
  return db.user.findUnique({ where: { email } });
}

export async function again() {
  return db.user.count({ where: { role: 'ADMIN' } });
}

export async function relationFilter() {
  return db.user.findMany({ where: { posts: { some: { status: 'draft' } } }, take: 10 });
}
`,
  'src/local.ts': `
const prisma = { post: { findMany: (args: unknown) => args } };
export const fake = prisma.post.findMany({ where: { title: 'not a query' } });
`,
  'src/broken.ts': `export const x = (;`,
  'src/routes/posts.test.ts': `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export const inTest = prisma.post.findMany({ where: { views: 1 } });
`,
};

let root: string;

beforeAll(() => {
  root = mkdtempSync(join(realpathSync(tmpdir()), 'prodready-indexes-'));
  for (const [file, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('findMissingIndexes', () => {
  it('reports each unindexed filtered field once, at its first use', () => {
    expect(findMissingIndexes({ root })).toEqual([
      { model: 'Post', field: 'status', file: 'src/routes/posts.ts', line: 6 },
      { model: 'Post', field: 'slug', file: 'src/routes/posts.ts', line: 18 },
      { model: 'Post', field: 'title', file: 'src/routes/posts.ts', line: 23 },
      { model: 'User', field: 'createdAt', file: 'src/routes/users.ts', line: 6 },
      { model: 'User', field: 'role', file: 'src/routes/users.ts', line: 6 },
    ]);
  });

  it('is deterministic', () => {
    expect(findMissingIndexes({ root })).toEqual(findMissingIndexes({ root }));
  });

  it('returns nothing for a project without a Prisma schema', () => {
    const empty = mkdtempSync(join(realpathSync(tmpdir()), 'prodready-indexes-empty-'));
    writeFileSync(join(empty, 'index.ts'), `export const where = { where: {} };`);
    expect(findMissingIndexes({ root: empty })).toEqual([]);
    rmSync(empty, { recursive: true, force: true });
  });
});

describe('parsePrismaSchema', () => {
  it('reads scalar fields and the first column of each index', () => {
    const models = parsePrismaSchema(SCHEMA).map((model) => ({
      name: model.name,
      scalars: [...model.scalars],
      indexed: [...model.indexed],
    }));
    expect(models).toEqual([
      { name: 'User', scalars: ['id', 'email', 'name', 'role', 'createdAt'], indexed: ['id', 'email'] },
      {
        name: 'Post',
        scalars: ['id', 'title', 'slug', 'status', 'authorId', 'tenantId', 'views'],
        indexed: ['id', 'tenantId', 'authorId'],
      },
    ]);
  });
});
