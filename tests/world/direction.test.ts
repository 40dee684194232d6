import { describe, expect, it } from 'vitest';
import { buildFlow } from '../../src/render/pdf/layout/flow/report.js';
import { StructureTree } from '../../src/render/pdf/layout/structure.js';
import { pageGeometry } from '../../src/render/pdf/layout/theme.js';
import type { TableBlock, TextBlock } from '../../src/render/pdf/layout/types.js';
import { pageOf, renderFirstEdition } from '../html/support.js';
import { monospace } from '../pdf/support/flow.js';
import { reportOfFiles } from '../support/report.js';

// Unicode's rules P2 and P3: a paragraph takes its direction from its first letter.
const ARABIC = 'نحن نعمل معا من أجل صحة نفسية أفضل في مجتمعاتنا، في عام 2023.';
const content = (language: string) =>
  reportOfFiles({
    'report.yaml': `title: Directions\nslug: directions\nlanguage: ${language}\n`,
    '10-a.md': [
      '---\ntitle: Directions\n---\n',
      ARABIC,
      'An English paragraph, 2023.',
      '- عنصر في القائمة\n- An English item\n',
      '> שלום, עולם\n>\n> — Noa Levi, Leeds\n',
      '| المدينة | Count |\n| --- | --- |\n| لندن | 12 |\n',
      ':lang[مرحبا]{lang=ar} said Amira, and went on in English.',
    ].join('\n\n'),
  });

const geometry = pageGeometry('A4');
const blocks = (language: string) => buildFlow(content(language), geometry, monospace, new StructureTree(), 'doc').items;
const textOf = (block: TextBlock) => block.lines.flatMap((l) => l.segments.map((s) => s.shaping?.reading ?? s.text)).join('');
const blockWith = (language: string, text: string) => blocks(language).find((b): b is TextBlock => b.kind === 'text' && textOf(b).includes(text))!;
const right = (block: TextBlock) => Math.max(...block.lines[0]!.segments.map((s) => s.x + s.width));

describe('the direction of a paragraph without a language mark, from its first letter', () => {
  it('in the PDF: an Arabic paragraph in an English report is set right to left, flush right; an English one left to right', () => {
    const arabic = blockWith('en-GB', 'نحن نعمل');
    expect(arabic.lines.every((l) => l.reordered)).toBe(true);
    expect(right(arabic)).toBeCloseTo(geometry.column.width, 5);
    const english = blockWith('en-GB', 'An English paragraph');
    expect(english.lines[0]!.segments[0]!.x).toBe(0);
    expect(english.lines[0]!.reordered).toBeFalsy();
  });

  it('in the PDF: an English paragraph in an Arabic report is set left to right', () => {
    const english = blockWith('ar', 'An English paragraph');
    expect(english.lines[0]!.segments[0]!.x).toBe(0);
    expect(english.lines[0]!.reordered).toBeFalsy();
    expect(blockWith('ar', 'نحن نعمل').lines[0]!.reordered).toBe(true);
  });

  it('in the PDF: a right-to-left list item hangs its label on the right; a language span at the start does not decide', () => {
    const item = blockWith('en-GB', 'عنصر في القائمة');
    const [label, ...text] = item.lines[0]!.segments;
    expect(label!.text).toBe('•');
    expect(label!.x).toBeGreaterThan(Math.max(...text.map((s) => s.x + s.width)));
    const greeting = blockWith('en-GB', 'said Amira');
    expect(Math.min(...greeting.lines[0]!.segments.map((s) => s.x))).toBe(0);
    expect(right(greeting)).toBeLessThan(geometry.column.width - 10);
  });

  it('in the PDF: a table cell of Arabic is set right to left', () => {
    const table = blocks('en-GB').find((b): b is TableBlock => b.kind === 'table')!;
    const inner = table.columns[0]!.width - table.cellPadding.left - table.cellPadding.right;
    const { x, line } = table.rows[0]!.cells[0]!.lines[0]!;
    expect(x + Math.max(...line.segments.map((s) => s.x + s.width))).toBeCloseTo(inner, 5);
  });

  it('in the HTML: dir on paragraphs, headings, list items, quotes and table cells whose first letter runs the other way', async () => {
    const english = pageOf(await renderFirstEdition(content('en-GB')));
    expect(english).toMatch(/<html lang="en-GB">/);
    expect(english).toContain(`<p dir="rtl">${ARABIC}</p>`);
    expect(english).toContain('<p>An English paragraph, 2023.</p>');
    expect(english).toContain('<li dir="rtl">عنصر في القائمة</li>');
    expect(english).toContain('<li>An English item</li>');
    expect(english).toMatch(/<blockquote dir="rtl">\s*<p>שלום, עולם<\/p>/);
    expect(english).toContain('<th scope="col" dir="rtl">المدينة</th>');
    expect(english).toContain('<td dir="rtl">لندن</td>');

    const arabic = pageOf(await renderFirstEdition(content('ar')));
    expect(arabic).toMatch(/<html lang="ar" dir="rtl">/);
    expect(arabic).toContain(`<p>${ARABIC}</p>`);
    expect(arabic).toContain('<p dir="ltr">An English paragraph, 2023.</p>');
    expect(arabic).toContain('<th scope="col" dir="ltr">Count</th>');
    expect(english).toMatch(/<p><span lang="ar" dir="rtl">مرحبا<\/span> said Amira/);
  });
});
