import express from 'express';

const router = express.Router();

// "Show a quick results header so users know what they searched for."
router.get('/search', (req, res) => {
  const term = String(req.query.q ?? '');
  res.send(`<h1>Results for "${term}"</h1><p>No results yet.</p>`);
});

// "Friendly error page for unknown products."
router.get('/products/:slug/missing', (req, res) => {
  res.status(404).send('<p>We could not find <b>' + req.params.slug + '</b>.</p>');
});

export default router;
