import express from 'express';

import { pool, prisma } from '../lib/db';

const router = express.Router();

// Product listing with sorting and a price filter
router.get('/products', async (req, res) => {
  const sort = req.query.sort || 'name';
  const maxPrice = req.query.maxPrice;
  let sql = 'SELECT id, name, price FROM products WHERE price <= ' + maxPrice;
  sql += ` ORDER BY ${sort}`;
  const { rows } = await pool.query(sql);
  res.json(rows);
});

// Full-text search across the catalog
router.get('/products/search', async (req, res) => {
  const term = String(req.query.q).trim();
  const products = await prisma.$queryRawUnsafe(
    `SELECT * FROM "Product" WHERE to_tsvector(name) @@ plainto_tsquery('${term}') LIMIT 20`,
  );
  res.json(products);
});

export default router;
