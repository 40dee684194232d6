import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/types.js';
import { buildFlow } from '../../src/render/pdf/layout/flow/report.js';
import { StructureTree } from '../../src/render/pdf/layout/structure.js';
import { HALF, pageGeometry } from '../../src/render/pdf/layout/theme.js';
import type { OutlineEntry, TextBlock } from '../../src/render/pdf/layout/types.js';
import { FIXTURES, readContent } from '../support/report.js';
import { monospace } from './support/flow.js';
import { renderPdfFile } from './support/render.js';
import { pdfToolsAvailable, run } from './support/tools.js';

// Standard Markdown in the PDF edition (issue 18): reference links are links, a loose list
// keeps paragraph spacing, and every heading level keeps a level of its own in the structure
// tree and the outline. Content: tests/fixtures/pdf/standard-markdown.

function fixture(): Report {
  const { report, diagnostics } = readContent(path.join(FIXTURES, 'pdf/standard-markdown'));
  if (!report) throw new Error(`fixture could not be read: ${JSON.stringify(diagnostics)}`);
  return report;
}

const report = fixture();
const structure = new StructureTree();
const flow = buildFlow(report, pageGeometry('A4'), monospace, structure, structure.add('Document', null));
const blocks = flow.items.filter((item): item is TextBlock => item.kind === 'text');
const textOf = (block: TextBlock) => block.lines.flatMap((l) => l.segments.map((s) => s.text)).join('').trim();
const blockWith = (text: string) => {
  const block = blocks.find((b) => textOf(b).includes(text));
  if (!block) throw new Error(`no block holds "${text}"`);
  return block;
};

describe('reference links in the PDF', () => {
  it('link their text to the definition’s address, labels matched without case or extra spaces', () => {
    const links = blockWith('Read the annual report').lines.flatMap((l) => l.segments).filter((s) => s.link);
    const targets = new Map(links.map((s) => [s.text.trim(), s.link!.target]));
    expect(targets.get('the annual report')).toEqual({ kind: 'external', url: 'https://example.org/annual-report' });
    expect(targets.get('Summary')).toEqual({ kind: 'external', url: 'https://example.org/summary' });
    expect([...targets.values()]).toContainEqual({ kind: 'external', url: 'https://example.org/' });
  });

  it('keep the definition’s title as the link’s description', () => {
    const link = blockWith('Read the annual report').lines.flatMap((l) => l.segments).find((s) => s.text.includes('annual'))!.link!;
    expect(link.label).toBe('The annual report');
  });
});

describe('lists in the PDF', () => {
  it('set a loose list’s items a paragraph apart, a tight list’s line by line', () => {
    expect(blockWith('First loose item').spaceAfter).toBe(HALF);
    expect(blockWith('First tight item').spaceAfter).toBe(0);
    expect(blockWith('First tight item').role).toBe('list-item');
  });

  it('label a task item with its state', () => {
    expect(textOf(blockWith('Drafted'))).toMatch(/^\[x\]\s*Drafted$/);
    expect(textOf(blockWith('Reviewed'))).toMatch(/^\[ \]\s*Reviewed$/);
  });
});

describe('deep headings in the PDF', () => {
  const levels = ['Level one', 'Level two', 'Level three', 'Level four', 'Level five', 'Level six'];

  it('tag # … ###### as H2 … H7 under the section title (H1), never merged', () => {
    const headingTypes = structure.list().map((n) => n.type).filter((t) => /^H\d+$/.test(t));
    expect(headingTypes).toEqual(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'H7']);
  });

  it('nest each level under the one before it in the outline', () => {
    const section = flow.outline.find((e) => e.title === 'Standard Markdown')!;
    const chain: string[] = [];
    for (let entry: OutlineEntry | undefined = section.children[0]; entry; entry = entry.children[0]) chain.push(entry.title);
    expect(chain).toEqual(levels);
  });

  it('give every level a style of its own', () => {
    const styles = levels.map((text) => JSON.stringify(blockWith(text).lines[0]!.segments[0]!.style));
    expect(new Set(styles).size).toBe(levels.length);
  });
});

const tools = pdfToolsAvailable();

describe.skipIf(!tools)('the rendered PDF of standard Markdown', () => {
  it('carries the reference link as a URI annotation and role-maps H7 to H6', async () => {
    const { file } = await renderPdfFile(report);
    const plain = path.join(mkdtempSync(path.join(tmpdir(), 'lwr-pdf-qdf-')), 'plain.pdf');
    run('qpdf', ['--qdf', '--object-streams=disable', file, plain]);
    const objects = readFileSync(plain, 'latin1');
    expect(objects).toContain('/URI (https://example.org/annual-report)');
    expect(objects).toMatch(/\/RoleMap\s*<<\s*\/H7\s*\/H6\s*>>/);
    const text = run('pdftotext', ['-layout', file, '-']);
    for (const words of ['Level six', 'Second loose item', '[x]', 'Reviewed']) expect(text).toContain(words);
  });
});
