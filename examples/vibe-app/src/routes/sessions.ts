import { Router } from 'express';

import { prisma } from '../lib/db';

export const sessionsRouter = Router();

// Debug logging left in from development: it writes passwords, the whole body and the headers.
sessionsRouter.post('/sessions', async (req, res) => {
  console.log('Login request:', req.body);
  console.log('Headers:', req.headers);
  const { email, password } = req.body;
  console.log(`Login attempt for ${email} with password ${password}`);
  const user = await prisma.user.findUnique({ where: { email } });
  if (!user) {
    res.status(401).json({ error: 'Invalid credentials' });
    return;
  }
  const sessionToken = crypto.randomUUID();
  console.log('Created session', { userId: user.id, sessionToken });
  res.cookie('session', sessionToken, { httpOnly: true });
  res.json({ ok: true });
});
