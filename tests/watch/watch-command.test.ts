import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT } from '../support/report.js';
import { watchContent, type WatchedContent } from '../support/watch.js';

let watch: WatchedContent;
let content: string;

beforeAll(async () => {
  content = path.join(mkdtempSync(path.join(tmpdir(), 'lwr-watch-')), 'content');
  cpSync(CONTENT, content, { recursive: true });
  watch = await watchContent(content);
});

afterAll(() => watch?.stop());

const page = () => watch.page();
const file = () => path.join(content, '03-about-innovation-unit.md');

describe('lwr watch', () => {
  it('serves the HTML edition on 127.0.0.1 with the live-reload script', async () => {
    expect(watch.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const html = await page();
    expect(html).toContain('<main');
    expect(html).toContain('src="/__lwr/live.js"');
    expect((await fetch(`${watch.url}text/living-well-uk-learning-report-2023.txt`)).status).toBe(200);
  });

  it('rebuilds on a content change and tells the open page to reload', async () => {
    writeFileSync(file(), readFileSync(file(), 'utf8').replace('social enterprise', 'social enterprise (edited while watching)'));
    await watch.events.next('reload');
    expect(await page()).toContain('(edited while watching)');
  });

  it('shows a content error as a banner event, keeps serving, and clears it once fixed', async () => {
    const good = readFileSync(file(), 'utf8');
    writeFileSync(file(), good.replace('id: about-innovation-unit', 'id: About Innovation Unit'));
    // An editor's save may be seen half-done (an empty file) first; wait for the real problem.
    const problem = await watch.events.next('problem', /kebab-case/);
    expect(JSON.parse(problem.data)).toMatch(/03-about-innovation-unit\.md[\s\S]*2:1\s+error[\s\S]*kebab-case/);
    expect(await page()).toContain('(edited while watching)');
    writeFileSync(file(), good);
    await watch.events.next('clear');
  });
});

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium && process.env.CI) throw new Error(`${CHROMIUM} is missing: the watch browser test cannot run (apt-get install chromium)`);
if (!hasChromium) console.warn(`\n!! WARNING: ${CHROMIUM} is missing; SKIPPING the watch browser test.\n`);

describe.skipIf(!hasChromium)('lwr watch in a browser', () => {
  it('reloads the open page on a change, and shows then clears a banner for a content error', async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
    try {
      const page = await browser.newPage();
      const blocked: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy|Refused/i.test(message.text())) blocked.push(message.text());
      });
      await page.goto(watch.url, { waitUntil: 'load' });
      const connected = () => page.waitForFunction(() => document.documentElement.dataset.lwrLive === 'connected', undefined, { timeout: 20_000 });
      await connected();
      const good = readFileSync(file(), 'utf8');

      writeFileSync(file(), good.replace('social enterprise', 'social enterprise (seen in the browser)'));
      await page.waitForFunction(() => document.body.textContent?.includes('(seen in the browser)'), undefined, { timeout: 30_000 });

      await connected(); // the reloaded page
      // Front matter that cannot be read (an unquoted ": " in the title) is a content error.
      writeFileSync(file(), good.replace('title: About Innovation Unit', 'title: About: Innovation Unit'));
      const banner = page.locator('#lwr-problem-banner[role="alert"]');
      await banner.waitFor({ state: 'visible', timeout: 30_000 });
      expect(await banner.textContent()).toContain('must be quoted');

      writeFileSync(file(), good);
      await page.waitForFunction(() => !document.getElementById('lwr-problem-banner'), undefined, { timeout: 30_000 });
      expect(blocked).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
