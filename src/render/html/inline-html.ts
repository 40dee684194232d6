import type { Inline } from '../../model/types.js';

/**
 * Markdown keeps inline HTML tags as separate pieces: `<abbr title="…">NHS</abbr>` is an
 * opening tag, text, then a closing tag. These helpers find such pairs in a run of inlines,
 * so the renderer can rebuild the element around the inlines between them as a tree.
 */

const OPENING_TAG = /^<([a-z][a-z0-9-]*)(?:\s[^<>]*)?>$/i;
const CLOSING_TAG = /^<\/([a-z][a-z0-9-]*)\s*>$/i;

/** Elements that never have content, so never wait for a closing tag. */
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** The tag name of an inline HTML piece that is exactly one opening tag of an element that has content. */
function openingTagName(html: string): string | undefined {
  const trimmed = html.trim();
  if (trimmed.endsWith('/>')) return undefined;
  const name = OPENING_TAG.exec(trimmed)?.[1]?.toLowerCase();
  return name === undefined || VOID_ELEMENTS.has(name) ? undefined : name;
}

/** The tag name of an inline HTML piece that is exactly one closing tag. */
function closingTagName(html: string): string | undefined {
  return CLOSING_TAG.exec(html.trim())?.[1]?.toLowerCase();
}

/**
 * When `inlines[start]` opens an element that is closed later in the same run, the index of
 * its closing tag (nested elements of the same name are skipped); otherwise undefined.
 */
export function matchingClosingTag(inlines: readonly Inline[], start: number): number | undefined {
  const opener = inlines[start];
  if (opener?.type !== 'html') return undefined;
  const name = openingTagName(opener.value);
  if (name === undefined) return undefined;
  let depth = 0;
  for (let index = start + 1; index < inlines.length; index++) {
    const inline = inlines[index]!;
    if (inline.type !== 'html') continue;
    if (openingTagName(inline.value) === name) depth++;
    else if (closingTagName(inline.value) === name) {
      if (depth === 0) return index;
      depth--;
    }
  }
  return undefined;
}
