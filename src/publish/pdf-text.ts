import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PdfFigures } from './verify-figures.js';

/** Run a poppler tool on the PDF; undefined when the tool is not installed. */
async function withPoppler(pdf: Uint8Array, tool: string, args: (file: string) => string[]): Promise<string | undefined> {
  const dir = mkdtempSync(path.join(tmpdir(), 'lwr-verify-'));
  try {
    const file = path.join(dir, 'edition.pdf');
    writeFileSync(file, pdf);
    return await new Promise((resolve, reject) => {
      execFile(tool, args(file), { maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => {
        if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') resolve(undefined);
        else if (error) reject(new Error(`${tool} could not read the PDF: ${error.message}`));
        else resolve(stdout);
      });
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Extract a PDF's text with poppler's pdftotext; undefined when pdftotext is not installed. */
export function pdfTextWithPoppler(pdf: Uint8Array): Promise<string | undefined> {
  return withPoppler(pdf, 'pdftotext', (file) => ['-enc', 'UTF-8', file, '-']);
}

/**
 * What a PDF shows of its figures, with poppler: the raster images drawn on its pages
 * (`pdfimages -list`, soft masks left out) and the Figure elements of its structure tree
 * (`pdfinfo -struct`). Undefined when poppler is not installed.
 */
export async function pdfFiguresWithPoppler(pdf: Uint8Array): Promise<PdfFigures | undefined> {
  const list = await withPoppler(pdf, 'pdfimages', (file) => ['-list', file]);
  const structure = await withPoppler(pdf, 'pdfinfo', (file) => ['-struct', file]);
  if (list === undefined || structure === undefined) return undefined;
  const images = list
    .split('\n')
    .slice(2)
    .map((line) => line.trim().split(/\s+/))
    .filter((columns) => columns[2] === 'image')
    .map((columns) => ({ width: Number(columns[3]), height: Number(columns[4]) }));
  const figureElements = structure.split('\n').filter((line) => /^\s*Figure\b/.test(line)).length;
  return { figureElements, images };
}
