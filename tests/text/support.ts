import { plainText } from '../../src/model/text.js';
import type { EditionConfig, Report } from '../../src/model/types.js';
import { ownInlines, walkBlocks } from '../../src/model/walk.js';
import { selectEdition } from '../../src/model/edition.js';
import { render } from '../../src/render/text/index.js';
import type { RenderContext } from '../../src/render/types.js';

/** A render context for the text edition; it never reads assets, so reading one fails the test. */
export function textContext(edition: EditionConfig, options: RenderContext['options'] = {}): RenderContext {
  return {
    edition,
    buildDate: new Date('2024-01-01T00:00:00Z'),
    reproducible: true,
    lwrVersion: '0.0.0-test',
    templatesDir: '/nonexistent',
    readAsset: (file) => {
      throw new Error(`the text renderer read an asset: ${file}`);
    },
    options,
  };
}

/** The text edition of one edition of a report (the first edition unless named). */
export async function renderText(report: Report, options: RenderContext['options'] & { edition?: string } = {}): Promise<string> {
  const { edition: editionId, ...renderOptions } = options;
  const edition = report.meta.editions.find((e) => e.id === (editionId ?? report.meta.editions[0]!.id));
  if (!edition) throw new Error(`no edition ${editionId}`);
  const files = await render(selectEdition(report, edition), textContext(edition, renderOptions));
  if (files.length !== 1 || files[0]!.path !== `${report.meta.slug}.txt`) throw new Error(`expected one file <slug>.txt, got ${files.map((f) => f.path).join(', ')}`);
  return files[0]!.contents as string;
}

/** Whitespace collapsed: how sentences are compared regardless of where lines were broken. */
export const normalise = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * Every piece of text the model holds for a report's sections, whitespace-normalised: titles,
 * a learning's source, headings, paragraphs and list items (at any depth), quotes and their
 * attributions, the structures' names and points, footnotes, and each line of a poem. (The
 * colophon's title is not shown: it is closing matter.)
 */
export function modelTexts(report: Report): string[] {
  const texts: string[] = [];
  for (const section of report.sections) {
    if (section.kind !== 'colophon') texts.push(section.title);
    if (section.learning?.attribution) texts.push(section.learning.attribution);
    const visit = (blocks: Parameters<typeof walkBlocks>[0]) =>
      walkBlocks(blocks, (block) => {
        for (const run of ownInlines(block)) {
          if (block.type === 'poem') texts.push(plainText(run));
          else texts.push(...plainText(run).split('\n'));
        }
        if (block.type === 'comparison') for (const pair of block.pairs) texts.push(pair.left.title, pair.right.title);
        if (block.type === 'forces') texts.push(...block.forces.map((f) => f.name));
        if (block.type === 'loveLetters') for (const l of block.letters) texts.push(l.name, [l.role, l.place].filter(Boolean).join(', '));
        if (block.type === 'glossary') texts.push(...block.entries.map((e) => e.term));
        if (block.type === 'poem' && block.author) texts.push(block.author);
      });
    visit(section.blocks);
    for (const footnote of section.footnotes) visit(footnote.children);
  }
  return texts.map(normalise).filter(Boolean);
}
