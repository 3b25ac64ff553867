import express from 'express';
import ejs from 'ejs';

import { prisma } from '../lib/db';

const router = express.Router();

// Invoice page: load the invoice and render it right here for now.
router.get('/invoices/:id/page', async (req, res) => {
  const invoice = await prisma.invoice.findUnique({ where: { id: req.params.id }, include: { lines: true } });
  if (!invoice) return res.status(404).send('Not found');
  const html = await ejs.renderFile('views/invoice.ejs', { invoice });
  res.send(html);
});

export default router;
