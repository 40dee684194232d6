import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/types.js';
import { FIXTURES, readContent } from '../support/report.js';
import { renderPdfFile } from './support/render.js';
import { pdfToolsAvailable, run, runStatus } from './support/tools.js';

const tools = pdfToolsAvailable();

function fixture(name: string): Report {
  const { report, diagnostics } = readContent(path.join(FIXTURES, 'pdf', name));
  if (!report) throw new Error(`fixture ${name} could not be read: ${JSON.stringify(diagnostics)}`);
  return report;
}

describe.skipIf(!tools)('PDF options and metadata', () => {
  const report = fixture('footnotes');

  it('sets A4 pages by default and Letter pages when asked', async () => {
    const a4 = await renderPdfFile(report);
    const letter = await renderPdfFile(report, { pageSize: 'Letter' });
    expect(run('pdfinfo', [a4.file])).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    expect(run('pdfinfo', [letter.file])).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
  });

  it('names the file after the report’s slug', async () => {
    const { file } = await renderPdfFile(report);
    expect(path.basename(file)).toBe('footnotes.pdf');
  });

  it('escapes the title in the XMP metadata, so a title with & and < stays valid', async () => {
    const { file } = await renderPdfFile(report);
    expect(run('pdfinfo', [file])).toMatch(/Title:\s+Living & Well <fixture> — footnotes/);
    const xmp = run('pdfinfo', ['-meta', file]);
    expect(xmp).toContain('Living &amp; Well &lt;fixture&gt; — footnotes');
    expect(xmp).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);
    expect(runStatus('qpdf', ['--check', file]).status).toBe(0);
  });

  it('names a partial edition in the title and on the cover', async () => {
    const { file } = await renderPdfFile(report, {}, 'summary');
    expect(run('pdfinfo', [file])).toMatch(/Title:\s+Living & Well <fixture> — footnotes \(Summary\)/);
    expect(run('pdftotext', ['-f', '1', '-l', '1', file, '-'])).toContain('Summary');
  });

  it('makes a web address in a note a clickable link', async () => {
    const { file } = await renderPdfFile(report);
    const json = run('qpdf', ['--json', '--json-key=qpdf', file]);
    expect(json).toContain('"/URI": "u:https://www.example.org/a/rather/long/address/that/cannot/fit/on/one/line"');
  });
});
