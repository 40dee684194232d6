import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import type { Footnote } from '../../model/types.js';
import { renderBlocks } from './blocks.js';
import { SECTION_TITLE_LEVEL } from './heading-levels.js';
import type { HtmlState } from './state.js';

/**
 * A section's footnote definitions, at the end of the section: numbered as the model
 * numbers them, each with a link back to every place that cites it.
 */
export function renderFootnotes(footnotes: readonly Footnote[], state: HtmlState): ElementContent | undefined {
  if (footnotes.length === 0) return undefined;
  const items = footnotes.map((footnote) => {
    const content = renderBlocks(footnote.children, state);
    const backLinks = (state.footnoteReferences.get(footnote.id) ?? []).map((referenceId, index, all) =>
      h(
        'a.footnote-back',
        { href: `#${referenceId}`, ariaLabel: all.length > 1 ? `Back to citation ${index + 1} of note ${footnote.number}` : `Back to the citation of note ${footnote.number}` },
        // U+FE0E asks for the text form of the arrow, not an emoji.
        '\u21A9\uFE0E',
      ),
    );
    return h('li', { id: footnote.id, value: footnote.number }, appendInline(content, backLinks));
  });
  // The notes belong to the whole section, so their heading sits right under the section title.
  return h('footer.footnotes', [h(`h${SECTION_TITLE_LEVEL + 1}.footnotes-title`, 'Notes'), h('ol', items)]);
}

/** Put the back-links at the end of the last paragraph, so they sit on its last line. */
function appendInline(content: ElementContent[], inline: ElementContent[]): ElementContent[] {
  if (inline.length === 0) return content;
  const spaced = inline.flatMap((node) => [{ type: 'text' as const, value: ' ' }, node]);
  const last = content[content.length - 1];
  if (last?.type === 'element' && last.tagName === 'p') return [...content.slice(0, -1), { ...last, children: [...last.children, ...spaced] }];
  return [...content, ...spaced];
}
