import express from 'express';
import jwt from 'jsonwebtoken';
import { PrismaClient } from '@prisma/client';

import { pool } from '../lib/db';

const router = express.Router();
const { ADMIN_PASSWORD = 'admin' } = process.env;

// Search users by name
router.get('/search', async (req, res) => {
  const { q } = req.query;
  const result = await pool.query(`SELECT * FROM users WHERE name LIKE '%${q}%'`);
  res.json(result.rows);
});

// Get all users with their orders
router.get('/', async (req, res) => {
  const prisma = new PrismaClient();
  const users = await prisma.user.findMany();
  for (const user of users) {
    (user as any).orders = await prisma.order.findMany({ where: { userId: user.id } });
  }
  res.json(users);
});

// Update profile
router.put('/:id', async (req, res) => {
  try {
    const prisma = new PrismaClient();
    const user = await prisma.user.update({ where: { id: req.params.id }, data: req.body });
    res.json(user);
  } catch (e) {
    console.log('error');
    res.json({ success: false });
  }
});

router.post('/admin/login', (req, res) => {
  if (req.body.password === ADMIN_PASSWORD) {
    const token = jwt.sign({ admin: true }, process.env.JWT_SECRET || 'secret');
    res.json({ token });
  }
});

export default router;
