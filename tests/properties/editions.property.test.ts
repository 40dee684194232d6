import fc from 'fast-check';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { plainText } from '../../src/model/text.js';
import type { Report } from '../../src/model/types.js';
import { selectEdition } from '../../src/model/edition.js';
import { comparable } from '../../src/publish/verify.js';
import { readReport } from '../../src/read/report.js';
import { render as renderHtml } from '../../src/render/html/index.js';
import { render as renderPdf } from '../../src/render/pdf/index.js';
import { render as renderText } from '../../src/render/text/index.js';
import type { RenderContext } from '../../src/render/types.js';
import { displayWidth } from '../../src/model/wrap.js';
import { ROOT } from '../support/report.js';

/**
 * Properties over generated reports: reading never throws, every edition renders, every quote
 * of the model appears in every edition, and the text edition keeps to its width. The seed is
 * fixed so a failure can be replayed; fast-check prints the shrunk counterexample.
 */
fc.configureGlobal({ seed: 20231126, endOnFailure: true });

const word = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('mental', 'health', 'system', 'relational', 'Living', 'Well', 'care', 'people', 'the', 'and', 'of', 'sites') },
  { weight: 1, arbitrary: fc.constantFrom('café', '漢字テキスト', 'e\u0301clair', '— dash', '“quoted”', 'a:b', 'Note:this', '10:30', '{{ 7*7 }}', '{% raw %}', '<b>bold</b>', '&amp;', 'http://example.org/x', 'supercalifragilisticexpialidociousandthensome') },
);
const words = (min: number, max: number) => fc.array(word, { minLength: min, maxLength: max }).map((ws) => ws.join(' '));
const inline = fc.oneof(
  { weight: 6, arbitrary: words(1, 12) },
  { weight: 1, arbitrary: words(1, 3).map((w) => `**${w}**`) },
  { weight: 1, arbitrary: words(1, 3).map((w) => `*${w}*`) },
  { weight: 1, arbitrary: words(1, 3).map((w) => `[${w}](#intro)`) },
  { weight: 1, arbitrary: words(1, 3).map((w) => `[${w}](https://example.org/${w.length})`) },
);
const paragraph = fc.array(inline, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(' '));
const quote = fc.tuple(fc.array(paragraph, { minLength: 1, maxLength: 2 }), fc.option(words(1, 6), { nil: undefined })).map(([paras, by]) => {
  const body = paras.map((p) => `> “${p}”`).join('\n>\n');
  return by ? `${body}\n>\n> — ${by}` : body;
});
const list = fc.tuple(fc.boolean(), fc.array(paragraph, { minLength: 1, maxLength: 4 })).map(([ordered, items]) => items.map((item, i) => `${ordered ? `${i + 1}.` : '-'} ${item}`).join('\n'));
const heading = words(1, 6).map((w) => `## ${w}`);
const block = fc.oneof({ weight: 5, arbitrary: paragraph }, { weight: 2, arbitrary: quote }, { weight: 1, arbitrary: list }, { weight: 1, arbitrary: heading });
const section = fc.tuple(fc.array(block, { minLength: 1, maxLength: 8 }), fc.boolean()).map(([blocks, footnote]) =>
  footnote ? `${blocks.join('\n\n')} with a note.[^n]\n\n[^n]: ${'A footnote.'}` : blocks.join('\n\n'),
);
const stanza = fc.array(words(1, 5), { minLength: 1, maxLength: 4 }).map((lines) => lines.join('\\\n'));
const documentArb = fc.tuple(fc.array(section, { minLength: 1, maxLength: 3 }), fc.array(stanza, { minLength: 1, maxLength: 3 }));

/** A generated report as loaded content: no disk involved. */
function contentOf([sections, stanzas]: [string[], string[]]) {
  const files = sections.map((body, i) => ({ path: `content/0${i + 1}-s${i}.md`, text: `---\nid: ${i === 0 ? 'intro' : `s${i}`}\ntitle: Section ${i + 1}\n---\n\n${body}\n` }));
  files.push({ path: 'content/09-poem.md', text: `---\nid: poem\ntitle: A poem\nkind: poem\nauthor: P\n---\n\n${stanzas.join('\n\n')}\n` });
  return { dir: 'content', root: '/generated', files, config: { path: 'content/report.yaml', text: 'title: Generated report\nsubtitle: Property test\n' } };
}

const context = (report: Report, options: RenderContext['options'] = {}): RenderContext => ({
  edition: report.meta.editions[0]!,
  buildDate: new Date(0),
  reproducible: true,
  lwrVersion: 'test',
  templatesDir: path.join(ROOT, 'templates'),
  readAsset: (file) => readFileSync(file),
  options,
});
const decode = (contents: Uint8Array | string) => (typeof contents === 'string' ? contents : new TextDecoder().decode(contents));

function readGenerated(doc: [string[], string[]]): Report {
  const { report, diagnostics } = readReport(contentOf(doc));
  if (!report) throw new Error(`generated content was refused: ${JSON.stringify(diagnostics)}`);
  return selectEdition(report, report.meta.editions[0]!);
}

describe('for generated reports', () => {
  it('reading never throws; problems come back as diagnostics', () => {
    fc.assert(
      fc.property(documentArb, fc.string({ maxLength: 200 }), (doc, noise) => {
        const content = contentOf(doc);
        content.files.push({ path: 'content/10-noise.md', text: `---\nid: noise\ntitle: Noise\n---\n\n${noise}\n` });
        expect(() => readReport(content)).not.toThrow();
      }),
      { numRuns: 1500 },
    );
  });

  it('every quote of the model appears in the HTML and text editions, and no text line exceeds its width', async () => {
    await fc.assert(
      fc.asyncProperty(documentArb, fc.integer({ min: 20, max: 100 }), async (doc, width) => {
        const report = readGenerated(doc);
        const page = decode((await renderHtml(report, context(report))).find((f) => f.path === 'index.html')!.contents);
        const html = comparable(toText(fromHtml(page)));
        const text = decode((await renderText(report, context(report, { width })))[0]!.contents);
        // The text edition marks footnotes with [n] and links with <n>; they are not the quote's words.
        const textComparable = comparable(text.replace(/\[\d+\]|<\d+>/g, ''));
        for (const q of report.quotes) {
          expect(html).toContain(comparable(q.text));
          expect(textComparable).toContain(comparable(q.text));
        }
        // Only a poem line (never re-wrapped), or a line forced by an unbreakable word or URL
        // (with its indent), may be wider.
        const poemLines = new Set(report.sections.flatMap((s) => s.blocks.flatMap((b) => (b.type === 'poem' ? b.stanzas.flatMap((st) => st.lines.map((l) => plainText(l).trim())) : []))));
        const tooWide = text.split('\n').filter((line) => displayWidth(line) > width && !poemLines.has(line.trim()) && !line.trim().split(/\s+/).some((w) => displayWidth(w) > width - 8));
        expect(tooWide).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('the PDF edition renders and holds every quote in its structure', async () => {
    await fc.assert(
      fc.asyncProperty(documentArb, async (doc) => {
        const report = readGenerated(doc);
        const [pdf] = await renderPdf(report, context(report));
        const bytes = pdf!.contents as Uint8Array;
        expect(new TextDecoder('latin1').decode(bytes.subarray(0, 5))).toBe('%PDF-');
        const quoteTags = new TextDecoder('latin1').decode(bytes).match(/\/S \/Quote/g) ?? [];
        expect(quoteTags.length).toBe(report.quotes.length);
      }),
      { numRuns: 15 },
    );
  });
});
