import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

import express from 'express';

import { prisma } from '../lib/db';

const router = express.Router();

function renderTemplate(name: string, data: Record<string, unknown>) {
  const template = fs.readFileSync(path.join(__dirname, '../templates', `${name}.html`), 'utf8');
  return template.replace(/{{(\w+)}}/g, (_, key: string) => String(data[key] ?? ''));
}

// Sales report per customer, downloadable as gzip
router.get('/sales', async (req, res) => {
  const customers = await prisma.user.findMany({ take: 100 });
  const rows = await Promise.all(
    customers.map(async (customer) => {
      const orders = await prisma.order.findMany({ where: { userId: customer.id } });
      return { customer: customer.email, total: orders.length };
    }),
  );
  const html = renderTemplate('sales', { rows: JSON.stringify(rows) });
  res.setHeader('Content-Encoding', 'gzip');
  res.send(zlib.gzipSync(html));
});

export default router;
