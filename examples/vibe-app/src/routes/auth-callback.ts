import { Router } from 'express';

const router = Router();

// "After login, send the user back to where they came from."
router.get('/login/callback', (req, res) => {
  const returnTo = (req.query.returnTo as string) || '/dashboard';
  res.redirect(returnTo);
});

// The hardened version: only same-site paths.
router.get('/logout/callback', (req, res) => {
  const next = String(req.query.next ?? '/');
  if (!next.startsWith('/') || next.startsWith('//')) return res.redirect('/');
  res.redirect(next);
});

export default router;
