import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../src/model/hash.js';
import { listFiles, removePendingTemporary, stageOutput } from '../../src/publish/write-output.js';

/** A folder holding a previous output `dist/` (one page and a manifest), as an earlier build left it. */
function previousOutput(): { dir: string; dist: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'lwr-staged-'));
  const dist = path.join(dir, 'dist');
  mkdirSync(path.join(dist, 'html'), { recursive: true });
  writeFileSync(path.join(dist, 'html/index.html'), 'old page');
  writeFileSync(path.join(dist, 'manifest.json'), '{}');
  return { dir, dist };
}
const options = { keepExisting: false, lwrVersion: 'test', reportSlug: 'report' };
const file = (p: string, contents: Uint8Array | string) => ({ path: p, contents, edition: 'full', format: p.split('/')[0]! });
const beside = (dir: string) => readdirSync(dir).filter((name) => name !== 'dist');

describe('an output staged while the build renders', () => {
  it('writes each edition as it comes into a folder beside the output, which replaces the output only when published', () => {
    const { dir, dist } = previousOutput();
    const output = stageOutput(dist, options);
    const image = new Uint8Array([1, 2, 3, 4]);
    output.add([file('html/index.html', 'new page'), file('html/assets/images/a.png', image)]);
    expect(readFileSync(path.join(dist, 'html/index.html'), 'utf8')).toBe('old page');
    expect(beside(dir)).toEqual([expect.stringMatching(/^\.dist\.tmp-/)]);
    output.add([file('summary/html/assets/images/a.png', image), file('pdf/report.pdf', new Uint8Array([9]))]);
    const entries = output.publish(() => undefined);
    expect(beside(dir)).toEqual([]);
    expect(listFiles(dist)).toEqual(['html/assets/images/a.png', 'html/index.html', 'manifest.json', 'pdf/report.pdf', 'summary/html/assets/images/a.png']);
    expect(readFileSync(path.join(dist, 'html/index.html'), 'utf8')).toBe('new page');
    expect(entries.map((e) => [e.path, e.size, e.sha256])).toEqual([
      ['html/assets/images/a.png', 4, sha256(image)],
      ['html/index.html', 8, sha256(Buffer.from('new page'))],
      ['pdf/report.pdf', 1, sha256(new Uint8Array([9]))],
      ['summary/html/assets/images/a.png', 4, sha256(image)],
    ]);
    expect(JSON.parse(readFileSync(path.join(dist, 'manifest.json'), 'utf8')).files).toEqual(entries);
  });

  it('once discarded (a renderer failed, an edition missed content), leaves the previous output as it was and nothing beside it', () => {
    const { dir, dist } = previousOutput();
    const output = stageOutput(dist, options);
    output.add([file('html/index.html', 'new page')]);
    output.discard();
    output.add([file('pdf/late.pdf', 'a PDF the worker finished after the failure')]);
    expect(beside(dir)).toEqual([]);
    expect(listFiles(dist)).toEqual(['html/index.html', 'manifest.json']);
    expect(readFileSync(path.join(dist, 'html/index.html'), 'utf8')).toBe('old page');
    expect(() => output.publish(() => undefined)).toThrow(/discarded/);
  });

  it('keeps the files of the previous output a narrowed build did not make, hashed from the disk', () => {
    const { dist } = previousOutput();
    const output = stageOutput(dist, { ...options, keepExisting: true });
    output.add([file('text/report.txt', 'text edition')]);
    const entries = output.publish((f) => (f === 'html/index.html' ? { edition: 'full', format: 'html' } : undefined));
    expect(entries).toEqual([
      { path: 'html/index.html', size: 8, sha256: sha256(Buffer.from('old page')), edition: 'full', format: 'html' },
      { path: 'text/report.txt', size: 12, sha256: sha256(Buffer.from('text edition')), edition: 'full', format: 'text' },
    ]);
  });

  it('of two builds in one process, a failing one removes only its own folder; the other publishes all it added', () => {
    const a = previousOutput();
    const b = previousOutput();
    const first = stageOutput(a.dist, options);
    const second = stageOutput(b.dist, options);
    second.add([file('html/index.html', 'second page')]);
    expect(() => first.add([file('../outside.txt', 'x')])).toThrow(/outside the output folder/);
    expect(beside(a.dir)).toEqual([]);
    second.add([file('text/report.txt', 'second text')]);
    second.publish(() => undefined);
    expect(listFiles(b.dist)).toEqual(['html/index.html', 'manifest.json', 'text/report.txt']);
    expect(readFileSync(path.join(a.dist, 'html/index.html'), 'utf8')).toBe('old page');
  });

  it('fails instead of writing anew when its folder was removed under it (Ctrl+C cleans up every build of the process)', () => {
    const { dir, dist } = previousOutput();
    const output = stageOutput(dist, options);
    removePendingTemporary();
    expect(() => output.add([file('html/index.html', 'new page')])).toThrow(/was removed while the build ran/);
    expect(beside(dir)).toEqual([]);
    expect(readFileSync(path.join(dist, 'html/index.html'), 'utf8')).toBe('old page');
  });
});
