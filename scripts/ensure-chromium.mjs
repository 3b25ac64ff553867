#!/usr/bin/env node
// The HTML report test renders the report in a real headless browser: Debian's Chromium, driven by
// playwright-core. On a fresh machine of the kind this repo targets (Debian, root, the Debian
// package mirror reachable) this installs it once; elsewhere it says what to install.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = [process.env.PRODREADY_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function findChromium() {
  return CANDIDATES.find((file) => file !== undefined && file !== '' && existsSync(file));
}

function run(command, args) {
  execFileSync(command, args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

if (findChromium() === undefined) {
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    console.error('ensure-chromium: no Chromium found; install Debian\'s `chromium` package or set PRODREADY_CHROMIUM to a Chrome/Chromium binary.');
    process.exit(1);
  }
  console.log('ensure-chromium: installing Debian chromium for the HTML report test …');
  try {
    run('apt-get', ['install', '-y', '-q', '--no-install-recommends', 'chromium']);
  } catch {
    run('apt-get', ['update', '-q']);
    run('apt-get', ['install', '-y', '-q', '--no-install-recommends', 'chromium']);
  }
  if (findChromium() === undefined) {
    console.error('ensure-chromium: apt-get finished but no chromium binary was found.');
    process.exit(1);
  }
}
