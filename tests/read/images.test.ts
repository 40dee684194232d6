import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateSync, deflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { encodePng, makeJpeg, makePng, pngChunk } from '../../scripts/make-images.mjs';
import { pngChunks } from '../../src/model/png-chunks.js';
import type { ImageProblem } from '../../src/model/types.js';
import { imageFacts, IMAGE_LIMITS } from '../../src/read/image-facts.js';
import { resolveImageAddress } from '../../src/read/image.js';
import { createAssetReader } from '../../src/read/assets.js';

const problem = (result: ReturnType<typeof imageFacts>): ImageProblem => {
  if (!('kind' in result)) throw new Error(`expected a problem, got ${JSON.stringify(result)}`);
  return result;
};

/** A PNG whose IEND chunk is replaced by `bytes` more of data: cut short, or damaged. */
const withoutEnd = (png: Buffer, keep: number) => png.subarray(0, keep);

describe('what an image file is, read from its bytes', () => {
  it('reads a PNG, a JPEG and an SVG by their content: format and size in pixels', async () => {
    expect(imageFacts(makePng(120, 80), 'a.png')).toEqual({ format: 'png', width: 120, height: 80 });
    expect(imageFacts(makePng(12, 8, { alpha: true }), 'a.png')).toEqual({ format: 'png', width: 12, height: 8 });
    expect(imageFacts(await makeJpeg(64, 48), 'a.jpg')).toEqual({ format: 'jpeg', width: 64, height: 48 });
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 150"><rect width="10" height="10"/></svg>');
    expect(imageFacts(svg, 'a.svg')).toEqual({ format: 'svg', width: 300, height: 150 });
  });

  it('reads an SVG size from width and height in any absolute unit, or from one of them and the viewBox', () => {
    const svg = (attributes: string) => Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" ${attributes}/>`);
    expect(imageFacts(svg('width="72pt" height="1in"'), 'a.svg')).toEqual({ format: 'svg', width: 96, height: 96 });
    expect(imageFacts(svg('width="400" viewBox="0 0 200 100"'), 'a.svg')).toEqual({ format: 'svg', width: 400, height: 200 });
    expect(imageFacts(svg('width="100%" height="100%" viewBox="0,0,640,480"'), 'a.svg')).toEqual({ format: 'svg', width: 640, height: 480 });
  });

  it('says a file named .png that is a JPEG is a JPEG (the check reports the name)', async () => {
    expect(imageFacts(await makeJpeg(30, 20), 'photo.png')).toMatchObject({ format: 'jpeg' });
  });

  it('refuses a 0-byte file', () => {
    expect(problem(imageFacts(new Uint8Array(0), 'images/empty.png'))).toMatchObject({ kind: 'unreadable', message: 'images/empty.png is empty (0 bytes)' });
  });

  it('refuses a PNG cut short, anywhere: in its header, in its data, before its end', () => {
    const png = makePng(200, 100, { alpha: true, noise: 0.5 });
    for (const keep of [20, 40, Math.floor(png.length / 2), png.length - 12]) {
      expect(problem(imageFacts(withoutEnd(png, keep), 'cut.png')).message).toMatch(/^cut\.png is (not a valid PNG|truncated)/);
    }
  });

  it('refuses a PNG whose compressed data is damaged where the PDF would decode it, instead of crashing the renderer', () => {
    const good = makePng(64, 64, { alpha: true, noise: 0.5 });
    const header = good.subarray(8, 33);
    const idat = good.subarray(33, good.length - 12);
    const length = idat.readUInt32BE(0);
    const damaged = Buffer.from(idat.subarray(8, 8 + length));
    damaged.fill(0x55, 10, 200);
    const png = Buffer.concat([good.subarray(0, 8), header, pngChunk('IDAT', damaged), pngChunk('IEND', Buffer.alloc(0))]);
    expect(problem(imageFacts(png, 'damaged.png'))).toMatchObject({ kind: 'unreadable', message: expect.stringMatching(/damaged|truncated/) });
  });

  it('refuses a PNG with a row filter the PDF renderer could not undo, interlaced or not', () => {
    for (const interlaced of [false, true]) {
      const good = encodePng({ width: 30, height: 20, colorType: 6, sample: (x, y, c) => (x * y + c) & 0xff, interlaced });
      const chunks = pngChunks(good);
      const raw = inflateSync(Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data)));
      // The filter byte of the last row (of the last pass).
      raw[raw.length - 1 - 30 * 4] = 9;
      const png = Buffer.concat([good.subarray(0, 33), pngChunk('IDAT', deflateSync(raw)), pngChunk('IEND', Buffer.alloc(0))]);
      expect(problem(imageFacts(png, 'filter.png'))).toMatchObject({ kind: 'unreadable', message: 'filter.png is damaged: a row of its image data has an unknown filter (9)' });
    }
  });

  it('refuses an interlaced PNG too large to decode whole for the PDF, with its size and the fix', () => {
    const at = (width: number, height: number) => encodePng({ width, height, colorType: 6, bitDepth: 16, sample: () => 0, interlaced: true });
    expect(imageFacts(at(64, 48), 'small.png')).toEqual({ format: 'png', width: 64, height: 48 });
    expect(problem(imageFacts(at(2100, 2100), 'big.png'))).toEqual({
      kind: 'over-limit',
      message: 'big.png is an interlaced PNG of 2100 × 2100 pixels at 16 bits a sample: the PDF would decode all 34 MB of it at once; lwr decodes at most 32 MB of an interlaced PNG',
      hint: 'export it again without interlacing (lwr then embeds it a row at a time), at a smaller size, or as JPEG',
    });
  });

  it('refuses a JPEG cut short (no end marker)', async () => {
    const jpeg = await makeJpeg(120, 90, { noise: 0.5 });
    expect(problem(imageFacts(jpeg.subarray(0, jpeg.length - 300), 'cut.jpg'))).toMatchObject({ kind: 'unreadable', message: 'cut.jpg is truncated: the JPEG ends before its end marker' });
  });

  it('refuses a 50,000 × 50,000 pixel decompression bomb from its header, at once and without decoding it', () => {
    const bomb = makePng(8, 8, { claimWidth: 50_000, claimHeight: 50_000 });
    const started = performance.now();
    expect(problem(imageFacts(bomb, 'bomb.png'))).toMatchObject({ kind: 'over-limit', message: expect.stringContaining('50000 × 50000 pixels (2500 megapixels)') });
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('names GIF, WebP and other formats it does not publish, with the fix', () => {
    const gif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
    expect(problem(imageFacts(gif, 'anim.gif'))).toMatchObject({ kind: 'unsupported-format', message: 'anim.gif is a GIF image; lwr publishes PNG, JPEG and SVG', hint: expect.stringContaining('convert it to PNG') });
    const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.from([30, 0, 0, 0]), Buffer.from('WEBPVP8X'), Buffer.from([10, 0, 0, 0, 0, 0, 0, 0, 9, 0, 0, 9, 0, 0])]);
    expect(problem(imageFacts(webp, 'photo.webp'))).toMatchObject({ kind: 'unsupported-format', hint: expect.stringContaining('JPEG') });
    expect(problem(imageFacts(Buffer.from('just text\n'), 'notes.png'))).toMatchObject({ kind: 'unreadable', message: 'notes.png is not an image lwr can read (not PNG, JPEG or SVG)' });
  });

  describe('an SVG that would run code or load other files is refused', () => {
    const svg = (body: string, attributes = '') => Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"${attributes}>${body}</svg>`);
    const cases: [string, Buffer, RegExp][] = [
      ['a script', svg('<script>alert(1)</script>'), /has a <script> element/],
      ['an event handler', svg('<rect width="5" height="5"/>', ' onload="alert(1)"'), /has an event handler \(onload\)/],
      ['a javascript: link', svg('<a href="javascript:alert(1)"><rect width="5" height="5"/></a>'), /script address/],
      ['an external image', svg('<image href="https://tracker.example/x.png" width="5" height="5"/>'), /refers to another file/],
      ['an xlink to another file', svg('<use xlink:href="other.svg#shape"/>'), /refers to another file/],
      ['an embedded raster', svg('<image href="data:image/png;base64,AAAA" width="5" height="5"/>'), /embedded file/],
      ['a stylesheet import', svg('<style>@import url(https://tracker.example/a.css);</style>'), /@import/],
      ['a style url', svg('<rect width="5" height="5" style="fill: url(https://tracker.example/p)"/>'), /refers to another file/],
      ['foreign HTML', svg('<foreignObject><p>hi</p></foreignObject>'), /<foreignObject>/],
      ['a DOCTYPE with entities', Buffer.from('<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><text>&b;</text></svg>'), /DOCTYPE/],
      ['a stylesheet processing instruction', Buffer.from('<?xml-stylesheet href="https://tracker.example/a.css"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>'), /processing instruction/],
    ];
    for (const [what, bytes, message] of cases) {
      it(`with ${what}`, () => {
        expect(problem(imageFacts(bytes, 'x.svg'))).toMatchObject({ kind: 'unsafe-svg', message: expect.stringMatching(message) });
      });
    }

    it('but keeps references inside the file (gradients, markers, use)', () => {
      const ok = svg('<defs><linearGradient id="g"/></defs><rect width="5" height="5" fill="url(#g)"/><use href="#g"/>');
      expect(imageFacts(ok, 'ok.svg')).toEqual({ format: 'svg', width: 10, height: 10 });
    });
  });

  it('refuses an SVG that is not well-formed, has no size, or nests without end', () => {
    expect(problem(imageFacts(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><g></svg>'), 'bad.svg'))).toMatchObject({ kind: 'unreadable', message: expect.stringContaining('not well-formed XML') });
    expect(problem(imageFacts(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>'), 'nosize.svg'))).toMatchObject({ kind: 'unreadable', message: expect.stringContaining('does not say how large it is') });
    const deep = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1">${'<g>'.repeat(10_000)}${'</g>'.repeat(10_000)}</svg>`;
    expect(problem(imageFacts(Buffer.from(deep), 'deep.svg'))).toMatchObject({ kind: 'over-limit' });
  });
});

describe("an image's address", () => {
  it('is a path inside the content folder, relative to it', () => {
    expect(resolveImageAddress('images/chart.png')).toEqual({ path: 'images/chart.png' });
    expect(resolveImageAddress('./images/a%20b.png?v=2#x')).toEqual({ path: 'images/a b.png' });
    expect(resolveImageAddress('images/../images/chart.png')).toEqual({ path: 'images/chart.png' });
  });

  it('is never read when it leaves the content folder, is absolute, or is on another site', () => {
    const kind = (url: string) => {
      const resolved = resolveImageAddress(url);
      return 'problem' in resolved ? resolved.problem.kind : 'path';
    };
    expect(['../secret.png', 'images/../../x.png', '%2e%2e/x.png', '/etc/passwd', 'C:\\photos\\a.png', 'file:///etc/passwd', 'data:image/png;base64,AAAA', 'javascript:alert(1)'].map(kind)).toEqual(Array(8).fill('outside-content'));
    expect(['https://example.org/a.png', 'http://example.org/a.png', '//example.org/a.png'].map(kind)).toEqual(['remote', 'remote', 'remote']);
    expect(kind('')).toBe('missing');
  });
});

describe('the loader reading image files', () => {
  const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'lwr-images-')));
  const content = path.join(root, 'content');
  mkdirSync(path.join(content, 'images'), { recursive: true });
  writeFileSync(path.join(content, 'images/chart.png'), makePng(40, 30));
  writeFileSync(path.join(root, 'outside.png'), makePng(10, 10));
  symlinkSync(path.join(root, 'outside.png'), path.join(content, 'images/escape.png'));
  symlinkSync(path.join(content, 'images/chart.png'), path.join(content, 'images/alias.png'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('reads each file once, however often the report uses it, and keeps its bytes for the publisher', () => {
    const assets = createAssetReader(content);
    const first = assets.image('images/chart.png');
    rmSync(path.join(content, 'images/alias.png'));
    writeFileSync(path.join(content, 'images/chart.png'), makePng(5, 5));
    // The file changed on disk after it was read: the reader answers from what it read.
    expect(assets.image('images/chart.png')).toBe(first);
    if (!('file' in first)) throw new Error('chart.png should be readable');
    expect(first.file).toMatchObject({ path: 'images/chart.png', format: 'png', width: 40, height: 30, bytes: makePng(40, 30).length });
    expect(Buffer.from(assets.bytes(first.file.sha256)!).equals(makePng(40, 30))).toBe(true);
    writeFileSync(path.join(content, 'images/chart.png'), makePng(40, 30));
  });

  it('refuses a symlink that leads outside the content folder, and does not read it', () => {
    expect(createAssetReader(content).image('images/escape.png')).toEqual({
      problem: { kind: 'outside-content', message: 'images/escape.png is a link to a file outside the content folder; it is not read', hint: 'copy the image into the content folder' },
    });
  });

  it('says which file is missing, and does not read a file over the size limit', () => {
    expect(createAssetReader(content).image('images/nothing.png')).toEqual({ problem: { kind: 'missing', message: 'images/nothing.png does not exist in the content folder' } });
    // A sparse file: its size is over the limit, its blocks are never written.
    const sparse = path.join(content, 'images/sparse.png');
    writeFileSync(sparse, Buffer.alloc(0));
    truncateSync(sparse, IMAGE_LIMITS.maxBytes + 1);
    expect(createAssetReader(content).image('images/sparse.png')).toMatchObject({ problem: { kind: 'over-limit', message: expect.stringContaining('lwr reads image files of at most 50 MB') } });
  });
});
