import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pageGeometry } from '../../src/render/pdf/layout/theme.js';
import { realReport, ROOT } from '../support/report.js';
import { BUILD_DATE, renderPdfFile } from './support/render.js';
import { expectedPassages, normalise, shownText } from './support/shown-text.js';
import { pdfToolsAvailable, run, runStatus } from './support/tools.js';

const tools = pdfToolsAvailable();
const report = realReport();
let file = '';
let bytes: Uint8Array = new Uint8Array();

/** Field values of `pdfinfo` output. */
function pdfinfo(args: string[] = []): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of run('pdfinfo', [...args, file]).split('\n')) {
    const match = /^([^:]+):\s*(.*)$/.exec(line);
    if (match) fields[match[1]!.trim()] = match[2]!.trim();
  }
  return fields;
}

/** The text of the text area of every page (running heads and folios cropped off), in content order. */
function bodyText(): string {
  const g = pageGeometry('A4');
  const crop = ['-x', '0', '-y', String(g.top - 12), '-W', String(Math.ceil(g.width)), '-H', String(g.bodyHeight + 16)];
  // A line that ends in a hyphen broke there (UAX #14), not at a space: its word goes on unspaced.
  return normalise(run('pdftotext', ['-raw', '-enc', 'UTF-8', ...crop, file, '-']).replace(/(?<=\p{L}-)\n/gu, ''));
}

/** A pattern for a text whatever the line breaks inside it (a URL cut across lines). */
function anySpacing(text: string): RegExp {
  const chars = Array.from(text.replace(/\s+/g, ''), (c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(chars.join('\\s*'), 'g');
}

describe.skipIf(!tools)('the PDF of the real report', () => {
  beforeAll(async () => {
    ({ file, bytes } = await renderPdfFile(report));
    // Keep a copy to look at (tests/output is git-ignored); LWR_PDF_PNG=1 also renders the pages.
    const out = path.join(ROOT, 'tests/output/pdf');
    mkdirSync(out, { recursive: true });
    copyFileSync(file, path.join(out, path.basename(file)));
    if (process.env.LWR_PDF_PNG === '1') run('pdftoppm', ['-png', '-r', '60', file, path.join(out, 'page')]);
  }, 120_000);

  it('is a tagged A4 PDF with the report’s title, language and a sensible page count', () => {
    const info = pdfinfo();
    expect(info.Tagged).toBe('yes');
    expect(info.Title).toBe('Living Well UK — Learning Report 2023');
    expect(info.Author).toBe('Nick Webb, Jo Harrington');
    expect(info.Keywords).toContain('Innovation Unit');
    expect(info['Page size']).toContain('(A4)');
    const pages = Number(info.Pages);
    expect(pages).toBeGreaterThanOrEqual(15);
    expect(pages).toBeLessThanOrEqual(60);
    const xmp = run('pdfinfo', ['-meta', file]);
    expect(xmp).toContain('<pdfuaid:part>1</pdfuaid:part>');
    expect(xmp).toContain('<rdf:li>en-GB</rdf:li>');
  });

  it('dates the document with the build date', () => {
    const info = pdfinfo(['-isodates']);
    expect(info.CreationDate).toBe('2023-06-01T12:00:00Z');
    expect(info.ModDate).toBe('2023-06-01T12:00:00Z');
    expect(BUILD_DATE.toISOString()).toBe('2023-06-01T12:00:00.000Z');
  });

  it('embeds and subsets every font', () => {
    const rows = run('pdffonts', [file]).split('\n').slice(2).filter(Boolean);
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const row of rows) {
      // name type encoding emb sub uni object ID: the flags are the 3rd–5th fields from the end.
      const [emb, sub] = row.trim().split(/\s+/).slice(-5, -3);
      expect({ row, emb, sub }).toEqual({ row, emb: 'yes', sub: 'yes' });
    }
    expect(rows.some((r) => r.includes('SourceSerif4'))).toBe(true);
    expect(rows.some((r) => r.includes('SourceSans3'))).toBe(true);
  });

  it('passes qpdf --check', () => {
    const result = runStatus('qpdf', ['--check', file]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('contains every passage of the report in reading order, with its word spaces', () => {
    let text = bodyText();
    for (const footnote of report.footnotes) {
      const pattern = anySpacing(`${footnote.number}${footnote.text}`);
      expect(text.match(pattern), `footnote ${footnote.number}`).toHaveLength(1);
      // Notes sit at the foot of the page, so they may interrupt a paragraph: take them out.
      text = normalise(text.replace(pattern, ' '));
    }
    let position = 0;
    for (const passage of expectedPassages(report)) {
      const found = text.indexOf(passage.text, position);
      expect(found, `${passage.what} not found after position ${position}: “${passage.text}”\n…near: “${text.slice(position, position + 300)}”`).toBeGreaterThanOrEqual(0);
      position = found + passage.text.length;
    }
  });

  it('tags one Quote per quote, the comparison as a table, footnotes as notes', () => {
    const types = run('pdfinfo', ['-struct', file])
      .split('\n')
      .map((line) => line.trim().split(/[\s:]/)[0] ?? '');
    const count = (type: string) => types.filter((t) => t === type).length;
    expect(count('Quote')).toBe(report.quotes.length);
    expect(count('BlockQuote')).toBe(0);
    expect(count('Note')).toBe(report.footnotes.length);
    expect(count('Table')).toBe(1);
    expect(count('TH')).toBe(2);
    const pairs = report.sections.flatMap((s) => s.blocks).flatMap((b) => (b.type === 'comparison' ? b.pairs : []));
    expect(count('TD')).toBe(pairs.length * 2);
    expect(count('H1')).toBeGreaterThanOrEqual(report.sections.length);
    for (const type of ['Document', 'Sect', 'P', 'H2', 'H3', 'L', 'LI', 'Lbl', 'LBody', 'Link', 'TOC', 'TOCI', 'Reference']) expect(count(type), type).toBeGreaterThan(0);
  });

  it('keeps running heads and folios out of the structure (they are artifacts)', () => {
    const tagged = run('pdfinfo', ['-struct-text', file]);
    const shown = run('pdftotext', ['-f', '4', '-l', '4', file, '-']);
    expect(shown).toContain('Living Well UK · Learning Report 2023');
    expect(tagged).not.toContain('Living Well UK · Learning Report 2023');
    // The tagged text keeps the spaces between the lines of a paragraph.
    const firstParagraph = report.sections[0]!.blocks.find((b) => b.type === 'paragraph');
    expect(firstParagraph?.type === 'paragraph' && normalise(tagged).includes(normalise(shownText(firstParagraph.children)))).toBe(true);
  });

  it('has an outline entry for every section, with its headings under it', () => {
    const json = JSON.parse(run('qpdf', ['--json', '--json-key=outlines', file])) as { outlines: { title: string; kids: { title: string }[]; destpageposfrom1: number }[] };
    const titles = json.outlines.map((o) => o.title);
    let at = -1;
    for (const section of report.sections) {
      const index = titles.findIndex((t, i) => i > at && t.includes(section.title));
      expect(index, `outline entry for ${section.id}`).toBeGreaterThan(at);
      at = index;
      const headings = section.blocks.filter((b) => b.type === 'heading' && b.depth === 2).map((b) => (b.type === 'heading' ? b.text : ''));
      expect(json.outlines[index]!.kids.map((k) => k.title)).toEqual(headings);
    }
    const pages = json.outlines.map((o) => o.destpageposfrom1);
    expect(pages).toEqual([...pages].sort((a, b) => a - b));
  });

  it('sets a named destination for every section, so contents entries and links land on it', () => {
    const dests = run('pdfinfo', ['-dests', file]);
    for (const section of report.sections) expect(dests).toContain(`"${section.id}"`);
    const contents = run('pdftotext', ['-f', '2', '-l', '2', '-layout', file, '-']);
    const learning = report.sections.find((s) => s.kind === 'learning')!;
    const page = /\s(\d+)\s*$/m.exec(contents.split('\n').find((l) => l.includes(learning.title.slice(0, 30))) ?? '')?.[1];
    expect(dests).toMatch(new RegExp(`^\\s*${page} .*"${learning.id}"`, 'm'));
  });

  it('is byte-identical when rendered again with the same build date', async () => {
    const again = await renderPdfFile(report);
    expect(Buffer.compare(Buffer.from(again.bytes), Buffer.from(bytes))).toBe(0);
  }, 120_000);
});
