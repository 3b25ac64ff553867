import { createRuleTester } from '@prodready/test-kit';

import rule from '../../src/rules/no-query-in-loop.js';

const ruleTester = createRuleTester();

ruleTester.run('no-query-in-loop', rule, {
  valid: [
    // one batched query
    `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
const authors = await prisma.user.findMany({ where: { id: { in: posts.map((post) => post.authorId) } } });
`,
    // a query before the loop, not inside it
    `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
for (const post of await prisma.post.findMany({ take: 20 })) {
  console.log(post.title);
}
`,
    // writes are silent by default
    `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
for (const item of items) {
  await prisma.item.update({ where: { id: item.id }, data: { seen: true } });
}
`,
    // a small literal array
    `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
for (const role of ['admin', 'editor']) {
  await prisma.user.count({ where: { role } });
}
`,
    // a small literal array bound to a const
    `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
const STATUSES = ['open', 'closed'] as const;
await Promise.all(STATUSES.map((status) => prisma.ticket.count({ where: { status } })));
`,
    // a retry loop with a literal bound
    `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
for (let attempt = 0; attempt < 3; attempt++) {
  const job = await prisma.job.findFirst({ where: { status: 'ready' } });
  console.log(job);
}
`,
    // a search that stops at the first hit
    `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
for (const candidate of slugs) {
  const taken = await prisma.post.findUnique({ where: { slug: candidate } });
  if (!taken) return candidate;
}
`,
    // a `while` loop pages or polls
    `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
let cursor: string | undefined;
while (true) {
  const page = await prisma.event.findMany({ take: 100, cursor: cursor ? { id: cursor } : undefined });
  if (page.length === 0) break;
  cursor = page.at(-1)?.id;
}
`,
    // Prisma batches concurrent `findUnique` calls into one query
    `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
const users = await Promise.all(ids.map((id) => prisma.user.findUnique({ where: { id } })));
`,
    // the promise is collected, not awaited, in the loop
    `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
const pending = [];
for (const id of ids) pending.push(prisma.user.findFirst({ where: { id } }));
`,
    // a callback that is not an iteration
    `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
app.get('/users', async (req, res) => {
  res.json(await prisma.user.findFirst({ where: { email: req.query.email } }));
});
`,
    // a same-named local that is not a client
    `
const prisma = { user: { findFirst: async (query: object) => query } };
for (const id of ids) {
  await prisma.user.findFirst({ where: { id } });
}
`,
    // a model in `allow`
    {
      code: `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
for (const product of products) {
  await prisma.category.findFirst({ where: { id: product.categoryId } });
}
`,
      options: [{ allow: ['category'], checkWrites: false }],
    },
    // a raw write
    `
import { Pool } from 'pg';
const pool = new Pool();
for (const id of ids) {
  await pool.query('UPDATE users SET seen = true WHERE id = $1', [id]);
}
`,
    // test files seed data in loops
    {
      code: `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
for (const id of ids) {
  await prisma.user.findFirst({ where: { id } });
}
`,
      filename: 'src/users.test.ts',
    },
    // seed scripts
    {
      code: `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
for (const id of ids) {
  await prisma.user.findFirst({ where: { id } });
}
`,
      filename: 'prisma/seed.ts',
    },
    // type errors do not crash
    `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
for (const id of (ids as number)) {
  const user: string = await prisma.user.findUnique({ where: { id } }, 1, 2) as unknown as boolean;
  if (user) break;
}
`,
  ],
  invalid: [
    {
      // for…of over rows from an earlier query
      code: `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
const posts = await prisma.post.findMany({ take: 20 });
for (const post of posts) {
  post.author = await prisma.user.findUnique({ where: { id: post.authorId } });
}
`,
      errors: [
        {
          messageId: 'queryInLoop',
          data: {
            operation: 'findUnique',
            batch: 'one `findMany({ where: { id: { in: ids } } })`, or `include` the relation in the parent query',
          },
          line: 6,
          column: 35,
          endLine: 6,
          endColumn: 45,
        },
      ],
    },
    {
      // an aliased import; a classic `for` over the list
      code: `
import { PrismaClient as Db } from '@prisma/client';
const db = new Db();
for (let i = 0; i < orders.length; i++) {
  const customer = await db.customer.findFirst({ where: { id: orders[i].customerId } });
}
`,
      errors: [
        {
          messageId: 'queryInLoop',
          data: {
            operation: 'findFirst',
            batch: 'one `findMany({ where: { id: { in: ids } } })`, or `include` the relation in the parent query',
          },
          line: 5,
          column: 38,
          endLine: 5,
          endColumn: 47,
        },
      ],
    },
    {
      // Promise.all over a map callback
      code: `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
const counts = await Promise.all(posts.map((post) => prisma.comment.count({ where: { postId: post.id } })));
`,
      errors: [
        {
          messageId: 'queryInLoop',
          data: {
            operation: 'count',
            batch: 'one `findMany({ where: { id: { in: ids } } })`, or `include` the relation in the parent query',
          },
          line: 4,
          column: 69,
          endLine: 4,
          endColumn: 74,
        },
      ],
    },
    {
      // an async forEach callback, with a TS cast and optional chaining
      code: `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
users.forEach(async (user) => {
  const profile = (await prisma.profile?.findFirst({ where: { userId: user.id } })) as Profile;
});
`,
      errors: [
        {
          messageId: 'queryInLoop',
          data: {
            operation: 'findFirst',
            batch: 'one `findMany({ where: { id: { in: ids } } })`, or `include` the relation in the parent query',
          },
          line: 5,
          column: 42,
          endLine: 5,
          endColumn: 51,
        },
      ],
    },
    {
      // a literal array longer than a handful of items
      code: `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
for (const id of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]) {
  await prisma.user.findFirst({ where: { id } });
}
`,
      errors: [
        {
          messageId: 'queryInLoop',
          data: {
            operation: 'findFirst',
            batch: 'one `findMany({ where: { id: { in: ids } } })`, or `include` the relation in the parent query',
          },
          line: 5,
          column: 21,
          endLine: 5,
          endColumn: 30,
        },
      ],
    },
    {
      // writes with `checkWrites`
      code: `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
for (const item of items) {
  await prisma.item.update({ where: { id: item.id }, data: { seen: true } });
}
`,
      options: [{ allow: [], checkWrites: true }],
      errors: [
        {
          messageId: 'queryInLoop',
          data: {
            operation: 'update',
            batch: 'one `findMany({ where: { id: { in: ids } } })`, or `include` the relation in the parent query',
          },
          line: 5,
          column: 21,
          endLine: 5,
          endColumn: 27,
        },
      ],
    },
    {
      // Drizzle
      code: `
import { drizzle } from 'drizzle-orm/node-postgres';
import { eq } from 'drizzle-orm';
const db = drizzle(process.env.DATABASE_URL!);
for (const order of orders) {
  const lines = await db.select().from(orderLines).where(eq(orderLines.orderId, order.id));
}
`,
      errors: [
        {
          messageId: 'queryInLoop',
          data: { operation: 'select', batch: 'one query with `inArray(table.id, ids)`, or a join (`with` in the relational API)' },
          line: 6,
          column: 26,
          endLine: 6,
          endColumn: 32,
        },
      ],
    },
    {
      // Mongoose, in `for await`
      code: `
import mongoose from 'mongoose';
const User = mongoose.model('User', userSchema);
for await (const comment of comments) {
  const author = await User.findById(comment.authorId).lean();
}
`,
      errors: [
        {
          messageId: 'queryInLoop',
          data: { operation: 'findById', batch: 'one `find({ _id: { $in: ids } })`, or `populate()` the reference' },
          line: 5,
          column: 29,
          endLine: 5,
          endColumn: 37,
        },
      ],
    },
    {
      // a raw SELECT with pg
      code: `
import { Pool } from 'pg';
const pool = new Pool();
for (const id of ids) {
  const { rows } = await pool.query('SELECT * FROM users WHERE id = $1', [id]);
}
`,
      errors: [
        {
          messageId: 'queryInLoop',
          data: { operation: 'query', batch: 'one query with `WHERE id = ANY($1)`, or a JOIN' },
          line: 5,
          column: 31,
          endLine: 5,
          endColumn: 36,
        },
      ],
    },
    {
      // Supabase in an async map callback
      code: `
import { createClient } from '@supabase/supabase-js';
const supabase = createClient(url, key);
const rows = await Promise.all(
  teams.map(async (team) => {
    const { data } = await supabase.from('members').select('*').eq('team_id', team.id);
    return data;
  }),
);
`,
      errors: [
        {
          messageId: 'queryInLoop',
          data: { operation: 'select', batch: 'one `.in(\'id\', ids)` query, or an embedded select of the related table' },
          line: 6,
          column: 53,
          endLine: 6,
          endColumn: 59,
        },
      ],
    },
  ],
});
