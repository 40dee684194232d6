import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/types.js';
import { RUNNING_HEAD_GAP } from '../../src/render/pdf/layout/compose.js';
import { layoutDocument } from '../../src/render/pdf/layout/document.js';
import { buildFlow } from '../../src/render/pdf/layout/flow/report.js';
import { StructureTree } from '../../src/render/pdf/layout/structure.js';
import { STYLES, type PageGeometry } from '../../src/render/pdf/layout/theme.js';
import type { Drawable, TableBlock } from '../../src/render/pdf/layout/types.js';
import { reportOfFiles } from '../support/report.js';
import { monospace } from './support/flow.js';

/** A small page: a 200 pt column (40 characters of 10 pt text in the monospace measurer), a 240 pt wide measure. */
const SMALL: PageGeometry = {
  width: 300,
  height: 400,
  column: { x: 50, width: 200 },
  wide: { x: 30, width: 240 },
  top: 40,
  bodyHeight: 320,
  headBaseline: 20,
  folioBaseline: 385,
};

const width = (d: Extract<Drawable, { kind: 'text' }>) => monospace.width(d.text.trimEnd(), d.style.font, d.style.size);

function tables(report: Report): TableBlock[] {
  const structure = new StructureTree();
  return buildFlow(report, SMALL, monospace, structure, structure.add('Document', null)).items.filter((i): i is TableBlock => i.kind === 'table');
}

describe('running heads', () => {
  // More than a page of text, so that every section heads a page of its own.
  const page = `${'Words that fill the page. '.repeat(60)}\n`;
  const long = 'Community Connectors in North Wrexham: an independent evaluation of social prescribing, 2021 to 2024';
  const report = reportOfFiles({
    'report.yaml': `title: "${long}"\nsubtitle: Final report to the Wrexham Health and Wellbeing Partnership\n`,
    '10-a.md': `# Findings: what changed for the people who used the service, and what did not\n\n${page}`,
    '20-b.md': `# Short\n\n${page}`,
    '30-c.md': `# Pneumonoultramicroscopicsilicovolcanoconiosisandotherwordsthatdonotbreak\n\n${page}`,
  });
  const heads = layoutDocument(report, monospace, { geometry: SMALL }).pages.slice(1).map((page) => page.artifacts.filter((d): d is Extract<Drawable, { kind: 'text' }> => d.kind === 'text' && d.baseline === SMALL.headBaseline));

  it('never overprint each other, and keep a gap between the titles', () => {
    for (const [left, right] of heads.filter((h) => h.length === 2)) {
      expect(left!.x + width(left!) + RUNNING_HEAD_GAP, `${left!.text} | ${right!.text}`).toBeLessThanOrEqual(right!.x + 0.01);
    }
  });

  it('stay inside the wide measure, whatever the titles', () => {
    for (const text of heads.flat()) {
      expect(text.x).toBeGreaterThanOrEqual(SMALL.wide.x - 0.01);
      expect(text.x + width(text), text.text).toBeLessThanOrEqual(SMALL.wide.x + SMALL.wide.width + 0.01);
    }
  });

  it('shorten a title that does not fit with an ellipsis, at a word where it can', () => {
    const all = heads.flat().map((h) => h.text);
    expect(all).toContain('Short');
    expect(all.some((t) => t.startsWith('Community Connectors') && t.endsWith('…') && !t.endsWith(' …'))).toBe(true);
    expect(all.some((t) => t.startsWith('Findings:') && t.endsWith('…'))).toBe(true);
    expect(all.some((t) => t.startsWith('Pneumono') && t.endsWith('…'))).toBe(true);
  });
});

describe('a Markdown table in the PDF', () => {
  it('aligns each column as the Markdown says, the head too', () => {
    const [table] = tables(reportOfFiles({ '10-a.md': '# A\n\n| Ward | People | Change |\n| :--- | ---: | :---: |\n| Caia Park | 612 | +4.1 |\n| Hightown | 38 | +3 |\n' }));
    const padding = table!.cellPadding;
    for (const row of [table!.head, ...table!.rows]) {
      const inner = (c: number) => table!.columns[c]!.width - padding.left - padding.right;
      const [left, right, centre] = row.cells.map((cell) => cell.lines[0]!);
      expect(left!.x).toBe(0);
      expect(right!.x + right!.line.width).toBeCloseTo(inner(1), 5);
      expect(centre!.x * 2 + centre!.line.width).toBeCloseTo(inner(2), 5);
    }
  });

  it('sizes columns by their content, the longest words never cut', () => {
    // Equal columns (50 pt, 30 pt inside the padding) would cut "Referrals" and "Quarter".
    const [table] = tables(reportOfFiles({ '10-a.md': '# A\n\n| Quarter | Referrals | Self | Other |\n| --- | ---: | ---: | ---: |\n| 2021 Q2 | 1,482 | 9 | 5 |\n' }));
    const lines = [table!.head, ...table!.rows].flatMap((r) => r.cells.map((c) => c.lines.map((l) => l.line.segments.map((s) => s.text.trim()).join('')).join('|')));
    expect(lines).toEqual(['Quarter', 'Referrals', 'Self', 'Other', '2021 Q2', '1,482', '9', '5']);
  });

  it('takes the wide measure when its longest words do not fit the text column', () => {
    const [table] = tables(reportOfFiles({ '10-a.md': '# A\n\n| Overheads | Management | Activities |\n| --- | --- | --- |\n| a | b | c |\n' }));
    const left = table!.columns[0]!.x;
    const last = table!.columns.at(-1)!;
    expect(left).toBe(SMALL.wide.x - SMALL.column.x);
    expect(last.x + last.width).toBeCloseTo(SMALL.wide.x - SMALL.column.x + SMALL.wide.width, 5);
    expect(table!.rows[0]!.cells[0]!.lines[0]!.line.segments[0]!.style.size).toBe(STYLES.tableText.size);
  });

  it('sets a table wider than the wide measure in smaller type', () => {
    const [table] = tables(reportOfFiles({ '10-a.md': '# A\n\n| Overheads | Management | Activities | Volunteers |\n| --- | --- | --- | --- |\n| a | b | c | d |\n' }));
    const size = table!.rows[0]!.cells[0]!.lines[0]!.line.segments[0]!.style.size;
    expect(size).toBeLessThan(STYLES.tableText.size);
    const words = table!.head.cells.map((c) => c.lines.map((l) => l.line.segments.map((s) => s.text).join('')).join(' '));
    expect(words).toEqual(['Overheads', 'Management', 'Activities', 'Volunteers']);
  });

  it('never draws text past the margin, even when no type size is small enough', () => {
    const columns = Array.from({ length: 12 }, (_, i) => `Extraordinarilylongheading${i}`);
    const markdown = `# A\n\n| ${columns.join(' | ')} |\n| ${columns.map(() => '---').join(' | ')} |\n| ${columns.map(() => '1').join(' | ')} |\n`;
    const layout = layoutDocument(reportOfFiles({ '10-a.md': markdown }), monospace, { geometry: SMALL });
    const texts = layout.pages.flatMap((p) => [...p.content, ...p.artifacts]).filter((d): d is Extract<Drawable, { kind: 'text' }> => d.kind === 'text' && d.baseline > SMALL.top);
    expect(texts.length).toBeGreaterThan(12);
    for (const text of texts) expect(text.x + width(text), text.text).toBeLessThanOrEqual(SMALL.wide.x + SMALL.wide.width + 0.01);
  });
});
