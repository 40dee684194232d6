import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import type { FootnoteReferenceInline, Inline, LinkInline } from '../../model/types.js';
import { namesMarkdownFile } from '../../read/in-report-links.js';
import { renderImage } from './image.js';
import { integrateRawHtml, rawHtml } from './raw-html.js';
import { safeHref } from './safe-href.js';
import { claimId, type HtmlState } from './state.js';

/**
 * Inline content as HTML nodes; text is escaped when the tree is serialised. Inline HTML tags
 * (`<abbr title="…">`, text, `</abbr>`) are parsed with the inlines between them, then sanitised.
 */
export function renderInlines(inlines: readonly Inline[], state: HtmlState): ElementContent[] {
  return integrateRawHtml(inlines.flatMap((inline) => renderInline(inline, state)));
}

function renderInline(inline: Inline, state: HtmlState): ElementContent[] {
  switch (inline.type) {
    case 'text':
      return [{ type: 'text', value: inline.value }];
    case 'strong':
      return [h('strong', renderInlines(inline.children, state))];
    case 'emphasis':
      return [h('em', renderInlines(inline.children, state))];
    case 'delete':
      return [h('del', renderInlines(inline.children, state))];
    case 'inlineCode':
      return [h('code', inline.value)];
    case 'break':
      return [h('br')];
    case 'link':
      return [renderLink(inline, state)];
    case 'footnoteReference':
      return [renderFootnoteReference(inline, state)];
    case 'term':
      return [h('span.term', renderInlines(inline.children, state))];
    case 'language':
      return [h('span', { lang: inline.lang, dir: inline.dir }, renderInlines(inline.children, state))];
    case 'html':
      return [rawHtml(inline.value)];
    case 'image':
      return [renderImage(inline, state)];
  }
}

/**
 * A link. A placeholder (`[here](#)`, a target lost from the published report) stays a real
 * link with its text and `href="#"` (`href=""` when the target was empty, as CommonMark
 * renders `[here]()`), marked with a class: it is a defect `lwr check` reports, and hiding it
 * would hide the defect. A target that is not safe to publish keeps its text
 * but loses the link.
 */
function renderLink(link: LinkInline, state: HtmlState): ElementContent {
  const children = renderInlines(link.children, state);
  // In-report links (to `#id` or to another content file) go to the anchor the reader resolved.
  if (link.target) return h('a', { href: `#${link.target.anchor}`, title: link.title }, children);
  // A link to a Markdown file that is not a section leads nowhere once published: text only (lwr check says why).
  if (namesMarkdownFile(link.url)) return h('span.link-unresolved', children);
  const href = safeHref(link.url);
  if (href === undefined) return h('span.link-removed', children);
  const placeholder = href === '#' || state.linksById.get(link.linkId)?.kind === 'placeholder';
  const placeholderHref = link.url.trim() === '' ? '' : '#';
  return h('a', { href: placeholder ? placeholderHref : href, title: link.title, className: placeholder ? ['link-placeholder'] : undefined }, children);
}

/** A footnote reference: its number from the model, linked both ways with its definition. */
function renderFootnoteReference(reference: FootnoteReferenceInline, state: HtmlState): ElementContent {
  const footnoteId = reference.footnoteId;
  if (footnoteId === undefined) {
    // An undefined footnote (the checker reports it): show the label as written, linking nowhere.
    return h('sup.footnote-ref.footnote-ref-missing', `[${reference.label}]`);
  }
  const id = claimId(state, `${footnoteId}-ref`);
  const references = state.footnoteReferences.get(footnoteId) ?? [];
  references.push(id);
  state.footnoteReferences.set(footnoteId, references);
  return h('sup.footnote-ref', [
    h('a', { href: `#${footnoteId}`, id, ariaLabel: `Footnote ${reference.number}` }, String(reference.number)),
  ]);
}
