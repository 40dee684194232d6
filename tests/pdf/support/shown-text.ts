import { plainText } from '../../../src/model/text.js';
import type { Block, Inline, Report } from '../../../src/model/types.js';

/** Whitespace collapsed to single spaces: how the specs compare text. */
export const normalise = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The text a reader sees for inlines: footnote calls show their number, raw HTML nothing. */
export const shownText = (inlines: readonly Inline[]): string => plainText(inlines, { footnoteNumbers: true });

export interface ExpectedText {
  /** Where it comes from, for failure messages. */
  what: string;
  text: string;
}

/**
 * Every passage of the report a reader must find in the PDF, in reading order: section
 * titles, headings, paragraphs, list items, quotes and their attributions, table cells,
 * the poem's stanzas, the glossary. Footnotes are listed separately (they sit at the foot
 * of the page).
 */
export function expectedPassages(report: Report): ExpectedText[] {
  const out: ExpectedText[] = [];
  const push = (what: string, text: string) => {
    const normalised = normalise(text);
    if (normalised) out.push({ what, text: normalised });
  };
  const visit = (blocks: readonly Block[], where: string) => {
    for (const block of blocks) {
      const at = `${where}:${block.source.line}`;
      switch (block.type) {
        case 'paragraph':
        case 'heading':
          push(`${block.type} ${at}`, shownText(block.children));
          break;
        case 'list':
          for (const item of block.items) visit(item.children, where);
          break;
        case 'quote':
          visit(block.children, where);
          if (block.attribution) push(`attribution ${at}`, shownText(block.attribution.children));
          break;
        case 'comparison':
          push(`comparison head ${at}`, shownText(block.left.heading));
          push(`comparison head ${at}`, shownText(block.right.heading));
          for (const pair of block.pairs) {
            for (const theme of [pair.left, pair.right]) {
              push(`comparison theme ${at}`, theme.title);
              for (const point of theme.points) visit(point.children, where);
            }
          }
          break;
        case 'forces':
          for (const force of block.forces) {
            push(`force ${at}`, force.name);
            visit(force.children, where);
          }
          break;
        case 'keyLearnings':
          for (const item of block.items) push(`key learning ${at}`, shownText(item.children));
          break;
        case 'loveLetters':
          for (const letter of block.letters) {
            push(`love letter ${at}`, letter.name);
            push(`love letter ${at}`, [letter.role, letter.place].filter(Boolean).join(', '));
          }
          break;
        case 'publications':
          for (const item of block.items) {
            push(`publication ${at}`, shownText(item.heading));
            visit(item.children, where);
          }
          break;
        case 'glossary':
          for (const entry of block.entries) push(`glossary ${at}`, shownText(entry.definition));
          break;
        case 'poem':
          for (const stanza of block.stanzas) push(`stanza ${at}`, stanza.lines.map(shownText).join(' '));
          if (block.author) push(`poet ${at}`, block.author);
          break;
        case 'table':
          for (const row of block.rows) for (const cell of row) push(`table cell ${at}`, shownText(cell));
          break;
        case 'code':
          push(`code ${at}`, block.value);
          break;
        default:
          break;
      }
    }
  };
  for (const section of report.sections) {
    if (section.kind !== 'colophon') push(`title of ${section.id}`, section.title);
    visit(section.blocks, section.source.file);
  }
  return out;
}
