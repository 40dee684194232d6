import { spawn } from 'node:child_process';
import type { PdfTextExtractor } from './verify.js';
import type { PdfFigureInspector, PdfFigures } from './verify-figures.js';

/** As execFile's maxBuffer was: more output than this from one PDF is a fault, not an edition. */
const MAX_OUTPUT_BYTES = 64 * 1024 * 1024;

/**
 * Run a poppler tool on a PDF given through a pipe (`-` as the file name), never a temporary
 * file, so nothing is left behind however lwr ends (Ctrl+C, SIGTERM, SIGKILL). Undefined when
 * the tool is not installed.
 */
function poppler(tool: string, args: string[], pdf: Uint8Array): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let errors = '';
    let size = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_OUTPUT_BYTES) child.kill();
      else out.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-2000)));
    child.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? resolve(undefined) : reject(error)));
    // A tool may stop reading early (a damaged PDF): its exit code says what happened.
    child.stdin.on('error', () => undefined);
    child.on('close', (code, signal) => {
      if (size > MAX_OUTPUT_BYTES) reject(new Error(`${tool} wrote more than ${MAX_OUTPUT_BYTES / 1024 / 1024} MiB`));
      else if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else reject(new Error(`${tool} could not read the PDF (${signal ?? `exit ${code}`})${errors.trim() ? `: ${errors.trim().split('\n')[0]}` : ''}`));
    });
    child.stdin.end(pdf);
  });
}

/**
 * Poppler's readings of the PDFs a build made: their text (pdftotext) and what they show of
 * their figures (pdfimages -list, pdfinfo -struct), each reading the PDF from a pipe. `close`
 * is kept for callers; there is nothing on disk to remove.
 */
export function popplerReader(): { text: PdfTextExtractor; figures: PdfFigureInspector; close: () => void } {
  return {
    text: (pdf) => poppler('pdftotext', ['-enc', 'UTF-8', '-', '-'], pdf),
    figures: async (pdf) => {
      const [list, structure] = await Promise.all([poppler('pdfimages', ['-list', '-'], pdf), poppler('pdfinfo', ['-struct', '-'], pdf)]);
      return list === undefined || structure === undefined ? undefined : pdfFigures(list, structure);
    },
    close: () => undefined,
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
