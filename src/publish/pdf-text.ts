import { spawn } from 'node:child_process';
import { closeSync, constants, openSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { PdfTextExtractor } from './verify.js';
import type { PdfFigureInspector, PdfFigures } from './verify-figures.js';

/** As execFile's maxBuffer was: more output than this from one PDF is a fault, not an edition. */
const MAX_OUTPUT_BYTES = 64 * 1024 * 1024;

/** Linux's O_TMPFILE (with O_DIRECTORY, as the kernel wants it): a file in a folder that has no name there. */
const O_TMPFILE = 0o20000000 | constants.O_DIRECTORY;

/**
 * The PDF in a file that has no name (Linux's O_TMPFILE): nothing is left behind however lwr
 * ends, even by SIGKILL, since the file goes when its last descriptor closes. Poppler reads it
 * as /dev/fd/3 and, able to seek, reads only the parts it needs: a 41 MB PDF of figures took
 * three tools 0.2 s through pipes and 0.04 s this way. Undefined where there is no such file
 * (another system, a file system without it): the PDF then goes through a pipe.
 */
function unnamedFile(pdf: Uint8Array): number | undefined {
  if (process.platform !== 'linux') return undefined; // the flag's bits mean other things elsewhere
  let fd: number | undefined;
  try {
    fd = openSync(tmpdir(), constants.O_RDWR | O_TMPFILE, 0o600);
    for (let written = 0; written < pdf.length; ) written += writeSync(fd, pdf, written);
    return fd;
  } catch {
    if (fd !== undefined) closeSync(fd);
    return undefined;
  }
}

/**
 * Run a poppler tool on a PDF: from its unnamed file when there is one (`/dev/fd/3`), else from
 * a pipe (`-`), never a named temporary file. `args` end where the input file goes; `after`
 * follows it. Undefined when the tool is not installed.
 */
async function poppler(tool: string, args: string[], after: string[], pdf: Uint8Array, fd: number | undefined): Promise<string | undefined> {
  if (fd !== undefined) {
    // A system without /dev/fd (a bare container) fails here; the pipe then says what is wrong.
    const fromFile = await runPoppler(tool, [...args, '/dev/fd/3', ...after], undefined, fd).catch(() => null);
    if (fromFile !== null) return fromFile;
  }
  return runPoppler(tool, [...args, '-', ...after], pdf, undefined);
}

function runPoppler(tool: string, args: string[], pdf: Uint8Array | undefined, fd: number | undefined): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { stdio: [pdf ? 'pipe' : 'ignore', 'pipe', 'pipe', ...(fd !== undefined ? [fd] : [])] });
    const out: Buffer[] = [];
    let errors = '';
    let size = 0;
    child.stdout!.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_OUTPUT_BYTES) child.kill();
      else out.push(chunk);
    });
    child.stderr!.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-2000)));
    child.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? resolve(undefined) : reject(error)));
    child.on('close', (code, signal) => {
      if (size > MAX_OUTPUT_BYTES) reject(new Error(`${tool} wrote more than ${MAX_OUTPUT_BYTES / 1024 / 1024} MiB`));
      else if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else reject(new Error(`${tool} could not read the PDF (${signal ?? `exit ${code}`})${errors.trim() ? `: ${errors.trim().split('\n')[0]}` : ''}`));
    });
    if (pdf) {
      // A tool may stop reading early (a damaged PDF): its exit code says what happened.
      child.stdin!.on('error', () => undefined);
      child.stdin!.end(pdf);
    }
  });
}

/**
 * Poppler's readings of the PDFs a build made: their text (pdftotext) and what they show of
 * their figures (pdfimages -list, pdfinfo -struct). Each PDF is written once to a file that
 * has no name, which all three read (unnamedFile), or else goes through a pipe to each; `close`
 * closes those files.
 */
export function popplerReader(): { text: PdfTextExtractor; figures: PdfFigureInspector; close: () => void } {
  const files = new Map<Uint8Array, number | undefined>();
  const fileOf = (pdf: Uint8Array) => {
    if (!files.has(pdf)) files.set(pdf, unnamedFile(pdf));
    return files.get(pdf);
  };
  return {
    text: (pdf) => poppler('pdftotext', ['-enc', 'UTF-8'], ['-'], pdf, fileOf(pdf)),
    figures: async (pdf) => {
      const fd = fileOf(pdf);
      const [list, structure] = await Promise.all([poppler('pdfimages', ['-list'], [], pdf, fd), poppler('pdfinfo', ['-struct'], [], pdf, fd)]);
      return list === undefined || structure === undefined ? undefined : pdfFigures(list, structure);
    },
    close: () => {
      for (const fd of files.values()) if (fd !== undefined) closeSync(fd);
      files.clear();
    },
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
