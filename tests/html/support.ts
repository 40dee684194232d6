import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Nodes, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { MODEL_VERSION, type Block, type Inline, type Report } from '../../src/model/types.js';
import { selectEdition } from '../../src/model/edition.js';
import { render } from '../../src/render/html/index.js';
import type { RenderContext, RenderedFile } from '../../src/render/types.js';
import { readContent, ROOT } from '../support/report.js';

/** Fixture folders of the HTML renderer's specs. */
export const HTML_FIXTURES = path.join(ROOT, 'tests/fixtures/html');

/** A render context as the publisher would build it, reading assets from the real templates. */
export function testContext(report: Report, overrides: Partial<RenderContext> = {}): RenderContext {
  const edition = report.meta.editions[0];
  if (!edition) throw new Error('the report has no editions');
  return {
    edition,
    buildDate: new Date(0),
    reproducible: true,
    lwrVersion: '0.1.0',
    templatesDir: path.join(ROOT, 'templates'),
    readAsset: (file) => readFileSync(file),
    options: {},
    ...overrides,
  };
}

/** Read a fixture's content folder (tests/fixtures/html/<name>/content) into a model, failing loudly if it cannot be read. */
export function fixtureReport(name: string): Report {
  const { report, diagnostics } = readContent(path.join(HTML_FIXTURES, name, 'content'));
  if (!report) throw new Error(`fixture ${name} could not be read: ${JSON.stringify(diagnostics, null, 2)}`);
  return report;
}

/** Render a report's first edition, narrowed as the publisher narrows it. */
export async function renderFirstEdition(report: Report, overrides: Partial<RenderContext> = {}): Promise<RenderedFile[]> {
  const context = testContext(report, overrides);
  return render(selectEdition(report, context.edition), context);
}

/** The text of the rendered `index.html`. */
export function pageOf(files: readonly RenderedFile[]): string {
  const page = files.find((f) => f.path === 'index.html');
  if (!page) throw new Error('no index.html was rendered');
  return typeof page.contents === 'string' ? page.contents : new TextDecoder().decode(page.contents);
}

/** Write rendered files under `dir`, as the publisher writes them under dist/html/. */
export function writeFiles(files: readonly RenderedFile[], dir: string): void {
  for (const file of files) {
    const target = path.join(dir, file.path);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.contents);
  }
}

/** The rendered page parsed back into a tree, to ask it questions with CSS selectors. */
export function parsePage(html: string): Root {
  return fromHtml(html);
}

/** Whitespace collapsed, ends trimmed: text as a reader sees it, whatever the line breaks. */
export const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The text of a node as a reader sees it (the innerText algorithm), whitespace collapsed. */
export const textOf = (node: Nodes): string => squash(toText(node));

const AT = { file: 'content/test.md', line: 1, column: 1 };

/** A one-section report holding `blocks`: for specs that build the model directly. */
export function reportOf(blocks: Block[], meta: Partial<Report['meta']> = {}): Report {
  return {
    version: MODEL_VERSION,
    meta: { title: 'Test report', authors: [], language: 'en-GB', slug: 'test', rules: {}, editions: [{ id: 'full', title: 'Full report', formats: ['html'] }], ...meta },
    sections: [{ id: 'only', title: 'The only section', kind: 'section', blocks, footnotes: [], ignores: [], source: AT }],
    learnings: [],
    quotes: [],
    footnotes: [],
    links: [],
    glossary: [],
    people: [],
    poems: [],
    figures: [],
    anchors: ['only'],
  };
}

/** A paragraph block of `children`. */
export const paragraph = (...children: Inline[]): Block => ({ type: 'paragraph', children, source: AT });
