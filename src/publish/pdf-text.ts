import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Extract a PDF's text with poppler's pdftotext; undefined when pdftotext is not installed. */
export async function pdfTextWithPoppler(pdf: Uint8Array): Promise<string | undefined> {
  const dir = mkdtempSync(path.join(tmpdir(), 'lwr-verify-'));
  try {
    const file = path.join(dir, 'edition.pdf');
    writeFileSync(file, pdf);
    return await new Promise((resolve, reject) => {
      execFile('pdftotext', ['-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => {
        if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') resolve(undefined);
        else if (error) reject(new Error(`pdftotext could not read the PDF: ${error.message}`));
        else resolve(stdout);
      });
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
