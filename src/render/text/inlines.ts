import type { Inline } from '../../model/types.js';
import { isDecorative } from '../../model/images.js';
import { plainText } from '../../model/text.js';
import { classifyUrl } from '../../read/link-kind.js';
import type { TextEnv } from './env.js';

// Links that lead nowhere a reader of a text file can follow show their text only.
const TEXT_ONLY_KINDS = new Set(['placeholder', 'internal', 'unsafe', 'unknown']);

const isLineBreak = (html: string) => /^<br\s*\/?>$/i.test(html.trim());

/**
 * The text of inlines for the text edition: no markup; a hard break is `\n` and a soft line
 * ending a space; footnotes are `[n]`; a followable link is its text then `[n]`.
 */
export function inlineText(inlines: readonly Inline[], env: Pick<TextEnv, 'style' | 'links'>): string {
  let text = '';
  for (const inline of inlines) {
    switch (inline.type) {
      case 'text':
      case 'inlineCode':
        text += env.style.text(inline.value.replace(/[ \t]*\n[ \t]*/g, ' '));
        break;
      case 'break':
        text += '\n';
        break;
      case 'html':
        // An inline tag is markup, not text (the words it wraps are text nodes of their own),
        // as in every other edition; only a <br> means something in plain text.
        if (isLineBreak(inline.value)) text += '\n';
        break;
      case 'footnoteReference':
        // An undefined footnote is shown as written; lwr check reports it.
        text += inline.number > 0 ? `[${inline.number}]` : `[^${inline.label}]`;
        break;
      case 'link':
        text += linkText(inline, env);
        break;
      case 'image':
        // An image in a line of text is named by its alt text; a decorative one is left out.
        if (!isDecorative(inline)) text += `[Image: ${env.style.text(inline.alt.replace(/\s+/g, ' ').trim())}]`;
        break;
      default:
        text += inlineText(inline.children, env);
    }
  }
  return text;
}

function linkText(link: Extract<Inline, { type: 'link' }>, env: Pick<TextEnv, 'style' | 'links'>): string {
  const text = inlineText(link.children, env);
  if (TEXT_ONLY_KINDS.has(classifyUrl(link.url))) return text;
  const url = link.url.trim();
  const written = plainText(link.children).trim();
  // An autolink, a link whose text is its URL, or one with no text: the URL itself is shown.
  if (written === '' || written === url) return env.style.url(url);
  if (written === url.replace(/^mailto:/i, '')) return env.style.url(written);
  return `${text} [${env.links.cite(url)}]`;
}
