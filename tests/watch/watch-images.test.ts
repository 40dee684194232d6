import type { ChildProcess } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePng } from '../../scripts/make-images.mjs';
import { PreviewLoadCache } from '../../src/watch/load-cache.js';
import { FIGURES_CONTENT } from '../support/report.js';
import { EventReader, inotifyWatches, startWatch } from '../support/watch.js';

let child: ChildProcess;
let stderr: () => string;
let url: string;
let content: string;
const events = new EventReader();
const page = async () => (await fetch(url)).text();
const chartName = async () => /assets\/images\/chart-[0-9a-f]{12}\.png/.exec(await page())?.[0];

beforeAll(async () => {
  content = path.join(mkdtempSync(path.join(tmpdir(), 'lwr-watch-images-')), 'content');
  cpSync(FIGURES_CONTENT, content, { recursive: true });
  // Files the report does not use, beside the ones it does: never watched.
  for (let i = 0; i < 300; i++) writeFileSync(path.join(content, 'images', `unused-${i}.txt`), 'not an image the report uses\n');
  ({ child, url, stderr } = await startWatch(['--port', '0', '--content', content]));
  await events.connect(`${url}__lwr/events`);
});

afterAll(() => {
  events.close();
  child?.kill('SIGINT');
});

describe('lwr watch and the image files a report uses', () => {
  it('rebuilds when an image file in a folder changes, and serves it under its new hashed name', async () => {
    const before = await chartName();
    expect(before).toBeDefined();
    writeFileSync(path.join(content, 'images/other.png'), makePng(900, 600, { seed: 2 }));
    copyFileSync(path.join(content, 'images/other.png'), path.join(content, 'images/chart.png'));
    await events.next('reload');
    const after = await chartName();
    expect(after).toBeDefined();
    expect(after, stderr()).not.toBe(before);
    const served = await fetch(`${url}${after}`);
    expect(Buffer.from(await served.arrayBuffer()).equals(readFileSync(path.join(content, 'images/chart.png')))).toBe(true);
  });

  it('says when an SVG becomes unsafe, in the page and the terminal, and clears it once fixed', async () => {
    const svg = path.join(content, 'images/logic-model.svg');
    const good = readFileSync(svg, 'utf8');
    writeFileSync(svg, good.replace('</svg>', '<script>alert(1)</script></svg>'));
    const problem = await events.next('problem', /image-unsafe-svg/);
    expect(JSON.parse(problem.data)).toMatch(/01-charts\.md[\s\S]*11:1\s+error\s+images\/logic-model\.svg has a <script> element/);
    writeFileSync(svg, good);
    await events.next('clear');
  });

  it('sees a missing image file when it is added', async () => {
    const file = path.join(content, '02-more.md');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n![A new chart of the year](images/new-chart.png)\n`);
    await events.next('problem', /images\/new-chart\.png does not exist/);
    writeFileSync(path.join(content, 'images/new-chart.png'), makePng(900, 600, { noise: 0.1, seed: 3 }));
    await events.next('clear');
    expect(await page()).toMatch(/assets\/images\/new-chart-[0-9a-f]{12}\.png/);
  });

  it('watches those files one by one, not the folder beside them', () => {
    expect(inotifyWatches(child.pid!)).toBeLessThan(60);
  });
});

describe("the watch's load cache", () => {
  it('forgets entries a rebuild did not read (a deleted file, an image no longer used)', () => {
    const cache = new PreviewLoadCache();
    cache.set('/c/01-a.md', { mtimeMs: 1, size: 1 });
    cache.set('/c/images/old.png', { mtimeMs: 1, size: 1 });
    cache.sweep();
    expect([...cache.keys()]).toEqual(['/c/01-a.md', '/c/images/old.png']);
    // The next rebuild reads only the Markdown file.
    cache.get('/c/01-a.md');
    cache.sweep();
    expect([...cache.keys()]).toEqual(['/c/01-a.md']);
  });
});
