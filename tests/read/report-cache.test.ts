import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_CACHED_READS, readReportCached } from '../../src/cache/report-cache.js';
import { createAssetReader } from '../../src/read/assets.js';
import { loadContent, type AssetReader, type LoadedContent } from '../../src/read/load.js';
import { readReport } from '../../src/read/report.js';
import { CONTENT, FIGURES_CONTENT, ROOT } from '../support/report.js';

/** readReportCached over one content folder and a fresh cache, counting what it loads. */
function cachedReads(dir: string) {
  const content = loadContent(dir, ROOT).content as LoadedContent;
  const settings = { folder: mkdtempSync(path.join(tmpdir(), 'lwr-read-cache-')), identity: 'test' };
  const loaded = { readers: 0, assetReaders: 0 };
  const reader = async () => (loaded.readers++, readReport);
  const assets = async (): Promise<AssetReader> => (loaded.assetReaders++, createAssetReader(content.root));
  return { loaded, read: () => readReportCached(content, settings, reader, assets) };
}

describe('the read model cache loads only what a run needs', () => {
  it('takes a report without images from the cache without loading the reader or the image decoders', async () => {
    const { loaded, read } = cachedReads(CONTENT);
    const first = await read();
    expect(loaded).toEqual({ readers: 1, assetReaders: 1 });
    expect(await read()).toEqual(first);
    expect(loaded).toEqual({ readers: 1, assetReaders: 1 });
  });

  it('loads the image reader to see that every image is unchanged before it takes a report with images from the cache', async () => {
    const { loaded, read } = cachedReads(FIGURES_CONTENT);
    const first = await read();
    expect(first.report?.sections.length).toBeGreaterThan(0);
    expect(await read()).toEqual(first);
    expect(loaded).toEqual({ readers: 1, assetReaders: 2 });
  });
});

describe('the read model cache is bounded', () => {
  it(`keeps the models of the ${MAX_CACHED_READS} content folders used most recently, and never evicts the one in use`, async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'lwr-read-cache-bound-'));
    const settings = { folder, identity: 'test' };
    let parsedInUse = 0;
    const read = (dir: string) => readReportCached(loadContent(dir, ROOT).content as LoadedContent, settings, async () => (dir === CONTENT && parsedInUse++, readReport));
    // The report in use is read first, then again after each of many other folders.
    const others = Array.from({ length: MAX_CACHED_READS + 4 }, (_, i) => {
      const dir = mkdtempSync(path.join(tmpdir(), `lwr-other-${i}-`));
      writeFileSync(path.join(dir, '01-a.md'), `---\nid: a\ntitle: Report ${i}\n---\n\nText ${i}.\n`);
      return dir;
    });
    await read(CONTENT);
    for (const dir of others) {
      await read(dir);
      await read(CONTENT);
    }
    const files = readdirSync(folder).filter((name) => name.startsWith('read-'));
    expect(files).toHaveLength(MAX_CACHED_READS);
    const inUse = `read-${createHash('sha256').update(realpathSync(CONTENT)).digest('hex').slice(0, 16)}.json`;
    expect(files).toContain(inUse);
    // Each use counts as recent: the folder in use was never evicted, so never read afresh.
    expect(parsedInUse).toBe(1);
  });
});

describe('a cached read checks its images by their bytes, not by judging them again', () => {
  const root = realpathSync(FIGURES_CONTENT);
  const fresh = createAssetReader(root).image('images/chart.png');
  if (!('file' in fresh)) throw new Error('the fixture chart must be readable');

  it('takes what an earlier run found when the file has the same size and sha256', () => {
    // A fact the file does not have: only an answer taken as it was could say it.
    const known = { file: { ...fresh.file, width: fresh.file.width + 1 } };
    expect(createAssetReader(root).image('images/chart.png', known)).toBe(known);
  });

  it('judges the file again when its bytes are not the ones the earlier run saw', () => {
    const known = { file: { ...fresh.file, width: fresh.file.width + 1, sha256: '0'.repeat(64) } };
    expect(createAssetReader(root).image('images/chart.png', known)).toEqual(fresh);
  });
});
