import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { popplerReader } from '../../src/publish/pdf-text.js';

/**
 * How the PDF reaches poppler: written once to a file that has no name (Linux's O_TMPFILE),
 * which each tool reads as /dev/fd/3, else through a pipe. A stand-in pdftotext on PATH says
 * what it was given and how many bytes it read.
 */
const work = mkdtempSync(path.join(tmpdir(), 'lwr-poppler-input-'));
const bin = path.join(work, 'bin');
const scratch = path.join(work, 'tmp');
const log = path.join(work, 'calls.log');
const pdf = new Uint8Array(3 * 1024 * 1024).fill(37);
const saved = { PATH: process.env.PATH, TMPDIR: process.env.TMPDIR };

function standIn(script: string): void {
  writeFileSync(path.join(bin, 'pdftotext'), `#!/bin/sh\necho "$3" >> '${log}'\n${script}\n`);
  chmodSync(path.join(bin, 'pdftotext'), 0o755);
}

beforeAll(() => {
  for (const dir of [bin, scratch]) rmSync(dir, { recursive: true, force: true });
  for (const dir of [bin, scratch]) mkdirSync(dir);
  process.env.PATH = `${bin}:${process.env.PATH}`;
  process.env.TMPDIR = scratch;
});
afterEach(() => rmSync(log, { force: true }));
afterAll(() => {
  process.env.PATH = saved.PATH;
  if (saved.TMPDIR === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = saved.TMPDIR;
  rmSync(work, { recursive: true, force: true });
});

describe.runIf(process.platform === 'linux')('the PDF poppler reads', () => {
  it('is a file that has no name, read whole as /dev/fd/3, and nothing is left in the temporary folder', async () => {
    standIn('if [ "$3" = "-" ]; then exit 9; fi\nwc -c < "$3"');
    const reader = popplerReader();
    try {
      expect((await reader.text(pdf))?.trim()).toBe(String(pdf.length));
      expect(readdirSync(scratch)).toEqual([]);
    } finally {
      reader.close();
    }
    expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual(['/dev/fd/3']);
  });

  it('goes through a pipe when the tool cannot open /dev/fd/3, with the same answer', async () => {
    standIn('if [ "$3" = "/dev/fd/3" ]; then exit 1; fi\nwc -c');
    const reader = popplerReader();
    try {
      expect((await reader.text(pdf))?.trim()).toBe(String(pdf.length));
    } finally {
      reader.close();
    }
    expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual(['/dev/fd/3', '-']);
  });

  it('says what poppler said when the PDF cannot be read either way', async () => {
    standIn('echo "Syntax Error: damaged" >&2\nexit 1');
    const reader = popplerReader();
    try {
      await expect(reader.text(pdf)).rejects.toThrow('pdftotext could not read the PDF (exit 1): Syntax Error: damaged');
    } finally {
      reader.close();
    }
  });
});
