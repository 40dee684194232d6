import type { Block, Inline } from './types.js';

/** The plain text of inlines: no markup; a hard break becomes a newline. */
export function plainText(inlines: readonly Inline[]): string {
  let text = '';
  for (const inline of inlines) {
    switch (inline.type) {
      case 'text':
      case 'inlineCode':
        text += inline.value;
        break;
      case 'break':
        text += '\n';
        break;
      case 'html':
        break;
      case 'footnoteReference':
        break;
      default:
        text += plainText(inline.children);
    }
  }
  return text;
}

/** Plain text of blocks, paragraphs separated by a blank line (for quotes, footnotes, search). */
export function blocksText(blocks: readonly Block[]): string {
  const parts: string[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case 'paragraph':
      case 'heading':
        parts.push(plainText(block.children));
        break;
      case 'list':
        for (const item of block.items) parts.push(blocksText(item.children));
        break;
      case 'quote':
        parts.push(blocksText(block.children));
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
