import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { plainText } from '../../src/model/text.js';
import { DEFAULT_TEXT_WIDTH, MIN_TEXT_WIDTH, render } from '../../src/render/text/index.js';
import { displayWidth } from '../../src/model/wrap.js';
import { expectToMatchFile, FIXTURES, realReport } from '../support/report.js';
import { modelTexts, normalise, renderText, textContext } from './support.js';

const expected = (name: string) => path.join(FIXTURES, 'text/real-report', name);

/** The report's poem lines, which are never re-wrapped and so may be wider than the width. */
function poemLines(): Set<string> {
  const lines = new Set<string>();
  for (const section of realReport().sections) {
    for (const block of section.blocks) if (block.type === 'poem') for (const stanza of block.stanzas) for (const line of stanza.lines) lines.add(plainText(line));
  }
  return lines;
}

/** A line with no break opportunity once its indent and marker are set aside: a long URL or word. */
const isUnbreakable = (line: string) => !/\s/.test(line.trim().replace(/^(?:[-*]|\d+\.|\[\d+\]|<\d+>)\s+/, ''));

// Footnote and link markers are added by the text edition; the sentences around them are the content's.
const withoutMarkers = (text: string) => normalise(text.replace(/ ?\[\d+\]| ?<\d+>/g, ''));

describe('the text edition of the real report', () => {
  it('is as reviewed: living-well-uk-learning-report-2023.txt', async () => {
    expectToMatchFile(await renderText(realReport()), expected('living-well-uk-learning-report-2023.txt'));
  });

  it('is as reviewed in ASCII: living-well-uk-learning-report-2023.ascii.txt', async () => {
    expectToMatchFile(await renderText(realReport(), { ascii: true }), expected('living-well-uk-learning-report-2023.ascii.txt'));
  });

  for (const edition of ['full', 'summary']) {
    for (const width of [DEFAULT_TEXT_WIDTH, 40]) {
      it(`holds every sentence of the ${edition} edition's content at width ${width}`, async () => {
        const report = realReport();
        const text = withoutMarkers(await renderText(report, { edition, width }));
        const narrowed = report.meta.editions.find((e) => e.id === edition)!;
        const sections = report.sections.filter((s) => !narrowed.sections || narrowed.sections.includes(s.id));
        const missing = modelTexts({ ...report, sections }).filter((sentence) => !text.includes(sentence));
        expect(missing).toEqual([]);
      });
    }
  }

  for (const options of [{ width: DEFAULT_TEXT_WIDTH }, { width: 40 }, { width: MIN_TEXT_WIDTH }, { width: 100, ascii: true }]) {
    it(`has no line wider than ${options.width} columns${options.ascii ? ' in ASCII' : ''}, except poem lines and unbreakable words`, async () => {
      const poem = poemLines();
      const lines = (await renderText(realReport(), options)).split('\n');
      const tooWide = lines.filter((line) => displayWidth(line) > options.width && !poem.has(line) && !isUnbreakable(line));
      expect(tooWide).toEqual([]);
    });
  }

  it('sets the poem line for line, each line whole, even at a width narrower than a line', async () => {
    const lines = (await renderText(realReport(), { width: MIN_TEXT_WIDTH })).split('\n');
    const start = lines.indexOf('We know');
    const poem = realReport().sections.find((s) => s.kind === 'poem')!.blocks.find((b) => b.type === 'poem')!;
    const stanzas = poem.stanzas.map((s) => s.lines.map((l) => plainText(l)).join('\n')).join('\n\n');
    expect(lines.slice(start, start + stanzas.split('\n').length).join('\n')).toBe(stanzas);
    expect(lines.slice(start + stanzas.split('\n').length, start + stanzas.split('\n').length + 2)).toEqual(['', '— J']);
  });

  it('numbers the learnings and gives each its source', async () => {
    const text = await renderText(realReport(), { width: 200 });
    for (const learning of realReport().learnings) {
      expect(text).toContain(`Learning ${learning.number}: ${learning.title}\n${'='.repeat(`Learning ${learning.number}: ${learning.title}`.length)}\n\nSource: ${learning.attribution}\n`);
    }
  });

  it('is 7-bit in ASCII mode, and every character of the report has a transliteration (no "?" added)', async () => {
    const ascii = await renderText(realReport(), { ascii: true });
    expect(ascii).toMatch(/^[\x00-\x7f]*$/);
    const questionMarks = (text: string) => text.split('?').length - 1;
    expect(questionMarks(ascii)).toBe(questionMarks(await renderText(realReport())));
    expect(ascii).toContain('GBP 3.4 million');
    expect(ascii).toContain('    -- Leader in a Living Well site');
  });

  it('takes its width from the edition when the command gives none, and refuses a width too narrow to set', async () => {
    const report = realReport();
    const edition = { ...report.meta.editions[0]!, text: { width: 50 } };
    const [file] = await render(report, textContext(edition));
    expect(Math.max(...String(file!.contents).split('\n').filter((l) => !isUnbreakable(l)).map(displayWidth))).toBe(50);
    await expect(render(report, textContext(edition, { width: MIN_TEXT_WIDTH - 1 }))).rejects.toThrow(RangeError);
  });
});
