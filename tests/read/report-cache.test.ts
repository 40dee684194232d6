import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReportCached } from '../../src/cache/report-cache.js';
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
