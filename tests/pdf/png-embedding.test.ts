import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { encodePng, makePng } from '../../scripts/make-images.mjs';
import { pngChunks } from '../../src/model/png-chunks.js';
import { BandDeflater } from '../../src/render/pdf/draw/band-deflater.js';
import { pdfkitPng, type PdfPng, pngForPdf } from '../../src/render/pdf/draw/png-image.js';
import { pdfToolsAvailable } from './support/tools.js';

const W = 13;
const H = 7;
/** A sample that differs from pixel to pixel and channel to channel, in a bit depth's range. */
const sampleOf = (bitDepth: number) => (x: number, y: number, c: number) => (x * 37 + y * 101 + c * 53 + ((x * y) % 7)) % (1 << bitDepth);
const idatOf = (png: Uint8Array) => hex(Buffer.concat(pngChunks(png).filter((c) => c.type === 'IDAT').map((c) => c.data)));
const hex = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');

function embedded(png: Uint8Array): PdfPng {
  const pdf = pngForPdf(png);
  if (!pdf) throw new Error('not embedded');
  return pdf;
}

/** Each pixel's samples, as `pick` says, into one byte each. */
function expectedBytes(pick: (x: number, y: number) => number[]): Uint8Array {
  const out: number[] = [];
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) out.push(...pick(x, y));
  return Uint8Array.from(out);
}

describe('embedding a PNG in the PDF without decoding it whole', () => {
  it.each([
    [4, 8],
    [4, 16],
    [6, 8],
    [6, 16],
  ] as const)('splits colour type %i at %i bits into colour and an 8-bit soft mask, row by row through every filter', (colorType, bitDepth) => {
    const sample = sampleOf(bitDepth);
    const png = embedded(encodePng({ width: W, height: H, colorType, bitDepth, sample }));
    const colors = colorType === 6 ? 3 : 1;
    // Sixteen-bit samples keep their high byte, as pdfkit does.
    const byte = (v: number) => (bitDepth === 16 ? v >> 8 : v);
    expect(png).toMatchObject({ width: W, height: H, bitsPerComponent: 8, colorSpace: colors === 3 ? 'DeviceRGB' : 'DeviceGray' });
    expect(png.predictor).toBeUndefined();
    expect(new Uint8Array(inflateSync(png.data))).toEqual(expectedBytes((x, y) => Array.from({ length: colors }, (_, c) => byte(sample(x, y, c)))));
    expect(new Uint8Array(inflateSync(png.softMask!))).toEqual(expectedBytes((x, y) => [byte(sample(x, y, colors))]));
  });

  it.each([1, 2, 4, 8] as const)('passes a %i-bit palette image through and makes its soft mask from the tRNS entries (indices past them opaque)', (bitDepth) => {
    const entries = 1 << bitDepth;
    const palette = Array.from({ length: entries * 3 }, (_, i) => (i * 29) & 0xff);
    const transparency = Array.from({ length: Math.max(1, entries - 1) }, (_, i) => (i * 71 + 3) & 0xff);
    const sample = sampleOf(bitDepth);
    const file = encodePng({ width: W, height: H, colorType: 3, bitDepth, sample, palette, transparency });
    const png = embedded(file);
    expect(hex(png.data)).toBe(idatOf(file));
    expect(png.predictor).toEqual({ colors: 1, bitsPerComponent: bitDepth, columns: W });
    expect(hex((png.colorSpace as { palette: Uint8Array }).palette)).toBe(hex(Uint8Array.from(palette)));
    expect(new Uint8Array(inflateSync(png.softMask!))).toEqual(expectedBytes((x, y) => [transparency[sample(x, y, 0)] ?? 255]));
  });

  it('makes a grey or RGB tRNS colour a colour-key mask, at its bit depth, and passes the data through', () => {
    const grey = encodePng({ width: W, height: H, colorType: 0, bitDepth: 16, sample: sampleOf(16), transparency: [0x12, 0x34] });
    expect(embedded(grey)).toMatchObject({ colourKey: [0x1234, 0x1234], bitsPerComponent: 16, colorSpace: 'DeviceGray' });
    expect(hex(embedded(grey).data)).toBe(idatOf(grey));
    const rgb = encodePng({ width: W, height: H, colorType: 2, sample: sampleOf(8), transparency: [0, 1, 0, 2, 0, 3] });
    expect(embedded(rgb)).toMatchObject({ colourKey: [1, 1, 2, 2, 3, 3], predictor: { colors: 3, bitsPerComponent: 8, columns: W } });
  });

  it('leaves only interlaced PNGs to pdfkit, which decodes them whole (the loader limits their size)', () => {
    const interlaced = encodePng({ width: W, height: H, colorType: 6, sample: sampleOf(8), interlaced: true });
    expect(pngForPdf(interlaced)).toBeUndefined();
    expect(pdfkitPng(interlaced, 'I1')).toBeUndefined();
    expect(pdfkitPng(makePng(8, 8, { alpha: true }), 'I1')).toBeDefined();
  });

  it('passes the data of a PNG without transparency through, in the same image object pdfkit would write', async () => {
    const png = makePng(50, 30, { bars: true });
    const objects: string[] = [];
    for (const open of [(doc: PDFDocument) => doc.openImage(png), () => pdfkitPng(png, 'I1')!]) {
      const bytes = await pdfWith(open, { compress: false });
      objects.push(Buffer.from(bytes).toString('latin1').match(/<<\n\/Type \/XObject[\s\S]*?endstream/)![0]);
    }
    expect(objects[1]).toBe(objects[0]);
  });

  describe.skipIf(!pdfToolsAvailable())('on the page', () => {
    it.each([
      ['RGBA, 8 bits', encodePng({ width: 40, height: 30, colorType: 6, sample: sampleOf(8) })],
      ['grey + alpha, 16 bits', encodePng({ width: 40, height: 30, colorType: 4, bitDepth: 16, sample: sampleOf(16) })],
      ['a palette with alpha', encodePng({ width: 40, height: 30, colorType: 3, sample: (x, y) => (x + y) % 4, palette: [255, 0, 0, 0, 255, 0, 0, 0, 255, 9, 9, 9], transparency: [0, 128, 255] })],
    ])('looks as pdfkit drew it: %s (pdftoppm)', async (_, png) => {
      const dir = mkdtempSync(path.join(tmpdir(), 'lwr-png-'));
      const pixels: Buffer[] = [];
      for (const [name, open] of [
        ['pdfkit', (doc: PDFDocument) => doc.openImage(png)],
        ['lwr', () => pdfkitPng(png, 'I1')!],
      ] as const) {
        const file = path.join(dir, `${name}.pdf`);
        writeFileSync(file, await pdfWith(open));
        pixels.push(execFileSync('pdftoppm', ['-r', '72', file]));
      }
      expect(pixels[1]!.equals(pixels[0]!)).toBe(true);
      // Not a blank page: the image was drawn.
      expect(new Set(pixels[0]!.subarray(-3000)).size).toBeGreaterThan(3);
    });
  });
});

describe('compressing a band at a time', () => {
  it('makes one zlib stream, checksum included, across bands', () => {
    const bytes = Buffer.alloc(2_600_000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 251 < 200 ? 0 : i & 0xff;
    const deflater = new BandDeflater();
    for (let at = 0; at < bytes.length; at += 70_001) deflater.push(bytes.subarray(at, at + 70_001));
    // Node's inflate checks the Adler-32 at the end.
    expect(inflateSync(deflater.end()).equals(bytes)).toBe(true);
    expect(inflateSync(new BandDeflater().end()).length).toBe(0);
  });
});

/** A one-page PDF with one image drawn at 100 × 75 pt. */
async function pdfWith(open: (doc: PDFDocument) => ReturnType<PDFDocument['openImage']>, options: { compress?: boolean } = {}): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: [100, 75], margin: 0, ...options });
  const chunks: Uint8Array[] = [];
  doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
  const done = new Promise((resolve) => doc.on('end', resolve));
  doc.image(open(doc), 0, 0, { width: 100, height: 75 });
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
