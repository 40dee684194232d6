import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sparsePng } from '../../scripts/make-images.mjs';
import { contentFolderOf, ROOT } from '../support/report.js';

// A 7000 × 7000 16-bit RGBA PNG, almost all transparent: a 400 kB file whose pixels take
// 392 MB decoded. lwr reads and embeds it a row at a time; decoding it whole took 1.5 GB.
const SIDE = 7000;

/** Run lwr in a process of its own; its peak resident memory in MB. */
function peakMemoryOf(args: string[]): { status: number | null; stderr: string; megabytes: number } {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'tests/support/peak-memory.mjs'), ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 120_000 });
  const kb = Number(/peak-rss-kb (\d+)\s*$/.exec(run.stderr)?.[1]);
  return { status: run.status, stderr: run.stderr, megabytes: kb / 1024 };
}

describe('a large transparent PNG', () => {
  let withImage: string;
  let without: string;
  beforeAll(async () => {
    const text = (image: string) => ({ '01-charts.md': `# Charts\n\nThe whole year in one chart.\n\n${image}\n` });
    without = contentFolderOf(text(''));
    withImage = contentFolderOf(text('![A chart of the whole year, mostly empty](images/huge.png)'));
    mkdirSync(path.join(withImage, 'images'));
    writeFileSync(path.join(withImage, 'images/huge.png'), await sparsePng(SIDE, SIDE));
  }, 60_000);

  it.each([
    ['checked', ['check']],
    ['built into a PDF', ['build', '--format', 'pdf']],
  ])('is %s in bounded memory: at most 160 MB more than the same report without it', (_, command) => {
    const out = (content: string) => ['--content', content, ...(command[0] === 'build' ? ['--out', path.join(mkdtempSync(path.join(tmpdir(), 'lwr-big-png-')), 'dist')] : [])];
    const baseline = peakMemoryOf([...command, ...out(without)]);
    const big = peakMemoryOf([...command, ...out(withImage)]);
    expect(baseline.status, baseline.stderr).toBe(0);
    expect(big.status, big.stderr).toBe(0);
    expect(big.megabytes - baseline.megabytes).toBeLessThan(160);
  }, 120_000);
});
