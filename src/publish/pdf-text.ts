import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PdfTextExtractor } from './verify.js';
import type { PdfFigureInspector, PdfFigures } from './verify-figures.js';

/** Run a poppler tool on a PDF file; undefined when the tool is not installed. */
function poppler(tool: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    execFile(tool, args, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => {
      if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') resolve(undefined);
      else if (error) reject(new Error(`${tool} could not read the PDF: ${error.message}`));
      else resolve(stdout);
    });
  });
}

/**
 * Poppler's readings of the PDFs a build made: their text (pdftotext) and what they show of
 * their figures (pdfimages -list, pdfinfo -struct). Each PDF is written to a temporary file
 * once for all three tools; `close` removes the files.
 */
export function popplerReader(): { text: PdfTextExtractor; figures: PdfFigureInspector; close: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'lwr-verify-'));
  const written = new Map<Uint8Array, string>();
  const fileOf = (pdf: Uint8Array): string => {
    let file = written.get(pdf);
    if (!file) {
      file = path.join(dir, `edition-${written.size + 1}.pdf`);
      writeFileSync(file, pdf);
      written.set(pdf, file);
    }
    return file;
  };
  return {
    text: (pdf) => poppler('pdftotext', ['-enc', 'UTF-8', fileOf(pdf), '-']),
    figures: async (pdf) => {
      const file = fileOf(pdf);
      const [list, structure] = await Promise.all([poppler('pdfimages', ['-list', file]), poppler('pdfinfo', ['-struct', file])]);
      return list === undefined || structure === undefined ? undefined : pdfFigures(list, structure);
    },
    close: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The raster images drawn (soft masks left out) and the Figure elements, from pdfimages -list and pdfinfo -struct. */
function pdfFigures(list: string, structure: string): PdfFigures {
  const images = list
    .split('\n')
    .slice(2)
    .map((line) => line.trim().split(/\s+/))
    .filter((columns) => columns[2] === 'image')
    .map((columns) => ({ width: Number(columns[3]), height: Number(columns[4]) }));
  const figureElements = structure.split('\n').filter((line) => /^\s*Figure\b/.test(line)).length;
  return { figureElements, images };
}
