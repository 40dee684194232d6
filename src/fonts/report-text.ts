import type { Block, Inline, Report, SourcePosition } from '../model/types.js';
import { ownInlines, walkBlocks } from '../model/walk.js';
import type { FaceKind } from './faces.js';

/** A stretch of a report's text as the fonts see it: its characters, where it is written, the face kind that draws it. */
export interface TextPiece {
  text: string;
  /** The block (or report.yaml entry) the text is in. */
  at?: SourcePosition;
  kind: FaceKind;
  /** The language it is marked as (`:lang`), when not the report's. */
  lang?: string;
  /** The report.yaml field it is (`title`, `subtitle`…), for metadata: their text finds their line. */
  field?: string;
}

/**
 * Every text of the report an edition draws — metadata, section titles, every block and
 * footnote — with the block it comes from. Fonts are chosen, and missing glyphs reported,
 * from these.
 */
export function reportTexts(report: Report): TextPiece[] {
  const pieces: TextPiece[] = [];
  const { meta } = report;
  const at = meta.source;
  const fields: [string, string | undefined][] = [
    ['title', meta.title],
    ['subtitle', meta.subtitle],
    ['publisher', meta.publisher],
    ['designer', meta.designer],
    ['funder', meta.funder],
    ['programmeManager', meta.programmeManager],
    ...meta.authors.map((a): [string, string] => ['authors', a]),
    ...meta.editions.map((e): [string, string] => ['editions', e.title]),
  ];
  for (const [field, text] of fields) {
    if (text) pieces.push({ text, kind: 'sans', field, ...(at ? { at } : {}) });
  }
  const fromBlocks = (blocks: readonly Block[]) =>
    walkBlocks(blocks, (block, ancestors) => {
      const language = [...ancestors, block].reverse().find((b) => b.type === 'language');
      const lang = language?.type === 'language' ? language.lang : undefined;
      const push = (text: string, kind: FaceKind = 'serif') => {
        if (text) pieces.push({ text, at: block.source, kind, ...(lang ? { lang } : {}) });
      };
      // A figure's alt text is its /Alt, never drawn — unless the image cannot be, when a note shows it.
      const inlines = block.type === 'figure' && block.image.file ? [block.caption, ...(block.credit ? [block.credit] : [])] : ownInlines(block);
      for (const list of inlines) inlinePieces(list, block.source, lang, pieces);
      switch (block.type) {
        case 'code':
          push(block.value, 'mono');
          break;
        case 'comparison':
          for (const pair of block.pairs) for (const theme of [pair.left, pair.right]) push(theme.title, 'sans');
          break;
        case 'forces':
          for (const force of block.forces) push(force.name, 'sans');
          break;
        case 'loveLetters':
          for (const letter of block.letters) for (const text of [letter.name, letter.role, letter.place, letter.text]) push(text ?? '');
          break;
        case 'glossary':
          for (const entry of block.entries) push(entry.term);
          break;
        case 'poem':
          for (const text of [block.title, block.author, block.authorNote]) push(text ?? '', 'sans');
          break;
        default:
          break;
      }
    });
  for (const section of report.sections) {
    pieces.push({ text: section.title, at: section.source, kind: 'sans' });
    if (section.learning?.attribution) pieces.push({ text: section.learning.attribution, at: section.source, kind: 'serif' });
    fromBlocks(section.blocks);
    for (const footnote of section.footnotes) fromBlocks(footnote.children);
  }
  return pieces;
}

/** Text pieces of inline content: code in the monospaced face, language spans with their language. */
function inlinePieces(inlines: readonly Inline[], at: SourcePosition, lang: string | undefined, out: TextPiece[]): void {
  for (const inline of inlines) {
    const base = { at, ...(lang ? { lang } : {}) };
    switch (inline.type) {
      case 'text':
        out.push({ text: inline.value, kind: 'serif', ...base });
        break;
      case 'inlineCode':
        out.push({ text: inline.value, kind: 'mono', ...base });
        break;
      case 'language':
        inlinePieces(inline.children, at, inline.lang, out);
        break;
      case 'image':
        // The PDF names an image inside a line of text by its alt text.
        out.push({ text: inline.alt, kind: 'serif', at: inline.source, ...(lang ? { lang } : {}) });
        break;
      case 'link':
        inlinePieces(inline.children, inline.source, lang, out);
        break;
      case 'strong':
      case 'emphasis':
      case 'delete':
      case 'term':
        inlinePieces(inline.children, at, lang, out);
        break;
      default:
        break;
    }
  }
}

/** Every code point of the pieces. */
export function codePointsOf(pieces: readonly TextPiece[]): Set<number> {
  // Marked in a table first: a Set.add per character (and a string iterator) costs far more
  // on a long report, which lwr watch renders on every save.
  const seen = new Uint8Array(0x10000);
  const out = new Set<number>();
  for (const { text } of pieces) {
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
        const low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          out.add(0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00));
          i++;
          continue;
        }
      }
      seen[unit] = 1;
    }
  }
  for (let unit = 0; unit < seen.length; unit++) if (seen[unit]) out.add(unit);
  return out;
}
