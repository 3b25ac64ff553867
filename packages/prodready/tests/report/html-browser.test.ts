import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { getRuleDocs, readExcerpts, runCheck } from '../../src/core/index.js';
import { formatHtml, getActionableFindings } from '../../src/report/index.js';

const CHROMIUM = [process.env.PRODREADY_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(
  (file) => file !== undefined && file !== '' && existsSync(file),
);
const REPORTS = fileURLToPath(new URL('../../reports/', import.meta.url));
const VIBE_APP = fileURLToPath(new URL('../../../../examples/vibe-app', import.meta.url));

// `node scripts/ensure-chromium.mjs` installs Debian's chromium; without one the test says so instead of failing.
describe.skipIf(CHROMIUM === undefined)('the HTML report in a real browser', () => {
  it('renders the scorecard, the findings with excerpts and the module graph of the vibe-coded app', async () => {
    const { report, graph } = await runCheck({ cwd: VIBE_APP, toolVersion: '0.0.0-test' });
    const html = formatHtml(report, { excerpts: readExcerpts(VIBE_APP, getActionableFindings(report)), rules: getRuleDocs(), ...(graph ? { graph } : {}) });
    mkdirSync(REPORTS, { recursive: true });
    writeFileSync(`${REPORTS}prodready-report.html`, html);

    const browser = await chromium.launch({ executablePath: CHROMIUM!, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const requests: string[] = [];
      const problems: string[] = [];
      page.on('request', (request) => {
        if (!request.url().startsWith('data:') && request.url() !== 'about:blank') requests.push(request.url());
      });
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      await page.setContent(html, { waitUntil: 'load' });

      expect(await page.title()).toBe('prodready report');
      expect(await page.locator('[data-testid="scorecard-chart"] g.gap').count()).toBe(7);
      expect(await page.locator('g.gap[data-gap="security"]').getAttribute('data-grade')).toBe(report.gaps[1]!.grade);
      // The chart draws: the worst gap's error bar has a visible width.
      const bar = await page.locator('g.gap[data-gap="security"] rect.bar-errors').boundingBox();
      expect(bar?.width).toBeGreaterThan(10);

      const cards = page.locator('article.finding');
      expect(await cards.count()).toBe(Math.min(25, getActionableFindings(report).length));
      expect(await page.locator('article.finding pre.excerpt mark').count()).toBeGreaterThan(5);
      expect(await cards.first().locator('.severity').textContent()).toBe('error');

      const svg = page.locator('[data-testid="module-graph"]');
      expect(await svg.isVisible()).toBe(true);
      expect(await svg.locator('g.node').count()).toBe(graph!.modules.length);
      expect(await svg.locator('g.node.cycle').count()).toBeGreaterThanOrEqual(2);
      expect(await svg.locator('path.edge.cycle').count()).toBeGreaterThanOrEqual(2);
      expect(await page.locator('[data-testid="cycles"] li').count()).toBeGreaterThanOrEqual(1);

      expect({ requests, problems }).toEqual({ requests: [], problems: [] });
      await page.screenshot({ path: `${REPORTS}prodready-report.png`, fullPage: true });
    } finally {
      await browser.close();
    }
  }, 60_000);
});
