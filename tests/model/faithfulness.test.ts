import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sectionTexts } from '../../src/model/text.js';
import { FIXTURES, realReport } from '../support/report.js';

/**
 * content/ must be a faithful and complete conversion of the published report's text
 * (tests/fixtures/seed). These tests compare the two both ways.
 */
const seedLines = readFileSync(path.join(FIXTURES, 'seed/living-well-uk-2023.txt'), 'utf8').split('\n');

/** Graphic labels of the published page, not text (docs/conversion-notes.md lists them). */
const GRAPHIC_LABEL_LINES = new Set([71, 75, 79, 262, 264, 268, 270, 276, 285]);
/** The two footnote definitions sit after the paragraph that cites each, not after the next one. */
const MOVED_LINES = new Set([179, 180]);

/** Compare text, not markup: drop Markdown emphasis, link syntax, superscript marks; fold case and space. */
function normalise(text: string): string {
  return text
    .replace(/\^\{UK\}/g, ' UK')
    .replace(/\*\*/g, '')
    .replace(/\[([^\]]*)\]\(#\)/g, '$1')
    .replace(/<(https?:[^>]+)>/g, '$1')
    .replace(/[¹²]/g, '')
    .replace(/^\s*-\s+/, '')
    .replace(/^[23] (?=A NEW RESPONSE)/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

const report = realReport();
const meta = report.meta;
const contentText = normalise(
  [meta.title, meta.subtitle, String(meta.year), ...report.sections.flatMap((s) => sectionTexts(s))].join(' \n '),
);

describe('the content is a faithful conversion of the published report', () => {
  const lines = seedLines
    .map((text, i) => ({ line: i + 1, text: normalise(text) }))
    .filter((l) => l.text !== '' && !GRAPHIC_LABEL_LINES.has(l.line));

  it('keeps every line of the source text', () => {
    const missing = lines.filter((l) => !contentText.includes(l.text)).map((l) => `${l.line}: ${l.text}`);
    expect(missing).toEqual([]);
  });

  it('keeps the source text in reading order', () => {
    let cursor = 0;
    const outOfOrder: string[] = [];
    for (const l of lines.filter((l) => !MOVED_LINES.has(l.line))) {
      const at = contentText.indexOf(l.text, cursor);
      if (at === -1) outOfOrder.push(`${l.line}: ${l.text}`);
      else cursor = at + l.text.length;
    }
    expect(outOfOrder).toEqual([]);
  });

  it('invents no paragraph, list item, quote or poem line', () => {
    const source = normalise(seedLines.join(' '));
    const sectionTitles = new Set(report.sections.map((s) => normalise(s.title)));
    const invented = report.sections
      .flatMap((s) => sectionTexts(s))
      .map(normalise)
      // Section titles are checked line by line above; attributions join their lines with ", ".
      .filter((t) => !sectionTitles.has(t) && !source.includes(t) && !source.includes(t.replace(/, /, ' ')))
      // Menu entries join the graphic's "Learning #N" label and its title with a colon.
      .filter((t) => !source.includes(t.replace(/^(learning #\d): /, '$1 ')));
    expect(invented).toEqual([]);
  });
});
