import bcrypt from 'bcryptjs';
import express from 'express';
import jwt from 'jsonwebtoken';
import pino from 'pino';

import { config } from '../lib/config';
import { prisma } from '../lib/db';

const logger = pino();
const router = express.Router();
const MAX_PAGE_SIZE = 50;

// Search users by name: the search term is a bound parameter, never part of the SQL text.
router.get('/search', async (req, res) => {
  const users = await prisma.user.findMany({
    where: { name: { contains: String(req.query.q ?? '') } },
    select: { id: true, name: true },
    take: MAX_PAGE_SIZE,
  });
  res.json(users);
});

// Users with their orders: one query with the relation, one page at a time.
router.get('/', async (req, res) => {
  const pageSize = Math.min(Number(req.query.pageSize) || 20, MAX_PAGE_SIZE);
  const users = await prisma.user.findMany({
    select: { id: true, name: true, orders: { take: 20, orderBy: { createdAt: 'desc' } } },
    take: pageSize,
  });
  res.json(users);
});

// Update profile: only the fields a user may change, never the whole body.
router.put('/:id', async (req, res) => {
  try {
    const user = await prisma.user.update({
      where: { id: req.params.id },
      data: { name: String(req.body.name), bio: String(req.body.bio ?? '') },
      select: { id: true, name: true, bio: true },
    });
    res.json(user);
  } catch (err) {
    logger.error({ err, userId: req.params.id }, 'profile update failed');
    res.status(500).json({ error: 'Could not update the profile' });
  }
});

router.post('/admin/login', async (req, res) => {
  // bcrypt: slow on purpose, and its compare does not leak timing.
  if (!(await bcrypt.compare(String(req.body.password), config.adminPasswordHash))) {
    res.status(401).json({ error: 'Invalid credentials' });
    return;
  }
  const token = jwt.sign({ admin: true }, config.jwtSecret, { algorithm: 'HS256', expiresIn: '1h' });
  res.json({ token });
});

export default router;
