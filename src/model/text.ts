import type { Block, Inline, Section } from './types.js';

/**
 * The plain text of inlines: no markup; a hard break becomes a newline. Footnote calls are
 * left out, or shown as their number with `footnoteNumbers` (the text a reader sees). Images
 * are not text and are left out, or give their alt text with `imageAlt` (a link's accessible
 * name).
 */
export function plainText(inlines: readonly Inline[], options: PlainTextOptions = {}): string {
  let text = '';
  for (const inline of inlines) {
    switch (inline.type) {
      case 'text':
      case 'inlineCode':
        text += options.joinLines ? inline.value.replace(/[ \t]*\n[ \t]*/g, ' ') : inline.value;
        break;
      case 'break':
        text += '\n';
        break;
      case 'html':
        break;
      case 'footnoteReference':
        if (options.footnoteNumbers) text += inline.number > 0 ? String(inline.number) : inline.label;
        break;
      case 'image':
        if (options.imageAlt) text += inline.alt;
        break;
      default:
        text += plainText(inline.children, options);
    }
  }
  return text;
}

export interface PlainTextOptions {
  /** Show footnote calls as their numbers (the text a reader sees). */
  footnoteNumbers?: boolean;
  /** Give images their alt text (a link's accessible name); otherwise images are left out. */
  imageAlt?: boolean;
  /**
   * Soft line endings (a line wrapped in the source) become spaces, as every edition shows
   * them; hard breaks (a trailing backslash) stay newlines.
   */
  joinLines?: boolean;
}

/** Plain text of blocks, paragraphs separated by a blank line (for quotes, footnotes, search). */
export function blocksText(blocks: readonly Block[], options: Pick<PlainTextOptions, 'joinLines'> = {}): string {
  const parts: string[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case 'paragraph':
      case 'heading':
        parts.push(plainText(block.children, options));
        break;
      case 'list':
        for (const item of block.items) parts.push(blocksText(item.children, options));
        break;
      case 'quote':
      case 'language':
        parts.push(blocksText(block.children, options));
        break;
      case 'code':
        parts.push(block.value);
        break;
      default:
        break;
    }
  }
  return parts.filter(Boolean).join('\n\n');
}

/** Inline-level plain text with whitespace collapsed to single spaces. */
export const flatText = (inlines: readonly Inline[]): string => plainText(inlines).replace(/\s+/g, ' ').trim();

/**
 * Every run of text of a section in reading order — title, headings, paragraphs, list items,
 * quotes and attributions, structured blocks, poem lines, footnotes — as plain text. Used to
 * prove that nothing of the content is lost on the way to an edition.
 */
export function sectionTexts(section: Section): string[] {
  const out: string[] = [section.title];
  const fromBlocks = (blocks: readonly Block[]): void => {
    for (const block of blocks) {
      switch (block.type) {
        case 'paragraph':
        case 'heading':
          out.push(plainText(block.children));
          break;
        case 'figure':
          // The caption and credit are text in every edition; the alt text is not (it
          // describes the image to those who cannot see it).
          out.push(plainText(block.caption));
          if (block.credit) out.push(plainText(block.credit));
          break;
        case 'list':
          for (const item of block.items) fromBlocks(item.children);
          break;
        case 'quote':
          fromBlocks(block.children);
          if (block.attribution) out.push(block.attribution.text);
          break;
        case 'language':
          fromBlocks(block.children);
          break;
        case 'code':
          out.push(block.value);
          break;
        case 'table':
          for (const row of block.rows) for (const cell of row) out.push(plainText(cell));
          break;
        case 'comparison':
          for (const side of ['left', 'right'] as const) {
            out.push(block[side].headingText);
            for (const pair of block.pairs) {
              out.push(pair[side].title);
              for (const point of pair[side].points) fromBlocks(point.children);
            }
          }
          break;
        case 'forces':
          for (const force of block.forces) {
            out.push(force.name);
            fromBlocks(force.children);
          }
          break;
        case 'keyLearnings':
          for (const item of block.items) out.push(plainText(item.children));
          break;
        case 'loveLetters':
          for (const letter of block.letters) out.push(letter.text);
          break;
        case 'publications':
          for (const item of block.items) {
            out.push(plainText(item.heading));
            fromBlocks(item.children);
          }
          break;
        case 'glossary':
          for (const entry of block.entries) out.push(plainText(entry.definition));
          break;
        case 'poem':
          for (const stanza of block.stanzas) for (const line of stanza.lines) out.push(plainText(line));
          break;
        case 'html':
        case 'thematicBreak':
          break;
      }
    }
  };
  fromBlocks(section.blocks);
  for (const footnote of section.footnotes) fromBlocks(footnote.children);
  return out.filter((t) => t.trim() !== '');
}
