import { exec, execFile } from 'node:child_process';
import { promisify } from 'node:util';

import { Router } from 'express';

const router = Router();
const execAsync = promisify(exec);

// "Ping a host to check connectivity" — the host goes straight into a shell.
router.post('/ping', (req, res) => {
  const { host } = req.body;
  exec(`ping -c 3 ${host}`, (error, stdout) => {
    if (error) return res.status(500).json({ error: error.message });
    res.json({ output: stdout });
  });
});

// "Download the backup the admin asked for".
router.get('/backups/:name', async (req, res) => {
  const archive = buildArchivePath(req.params.name);
  const { stdout } = await execAsync(`tar -czf ${archive} ./uploads`);
  res.json({ archive, stdout });
});

// The hardened version of the same endpoint: a fixed program, input as an argument.
router.get('/disk-usage', (req, res) => {
  execFile('du', ['-sh', './uploads'], (error, stdout) => res.json({ usage: stdout }));
});

function buildArchivePath(name: string) {
  return `/tmp/backups/${name.trim()}.tar.gz`;
}

export default router;
