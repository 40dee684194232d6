import type { InReportTarget, Inline } from '../../model/types.js';
import { isDecorative } from '../../model/images.js';
import { plainText } from '../../model/text.js';
import { namesMarkdownFile } from '../../read/in-report-links.js';
import { classifyUrl } from '../../model/link-kind.js';
import type { TextEnv } from './env.js';
import { linkMark } from './links.js';

// Links that lead nowhere a reader of a text file can follow show their text only.
const TEXT_ONLY_KINDS = new Set(['placeholder', 'internal', 'unsafe', 'unknown']);

const isLineBreak = (html: string) => /^<br\s*\/?>$/i.test(html.trim());

/**
 * The text of inlines for the text edition: no markup; a hard break is `\n` and a soft line
 * ending a space; footnotes are `[n]`; a followable link is its text then `<n>`, and so is an
 * in-report link whose text does not say where it leads ("<2> see ‘Methods’" in the list).
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
  if (link.target) return `${text}${inReportMark(text, link.target, env)}`;
  // A link to a Markdown file that is not a section leads nowhere: its text only (lwr check says why).
  if (TEXT_ONLY_KINDS.has(classifyUrl(link.url)) || namesMarkdownFile(link.url)) return text;
  const url = link.url.trim();
  // A linked image's alt text is the link's text ("[Image: Linked chart] <1>").
  const written = plainText(link.children, { imageAlt: true }).trim();
  // An autolink, a link whose text is its URL, or one with no text (a decorative image): the URL itself is shown.
  if (written === '' || written === url) return env.style.url(url);
  if (written === url.replace(/^mailto:/i, '')) return env.style.url(written);
  return `${text} ${linkMark(env.links.cite(url))}`;
}

/** Words only, lower case, padded with spaces so that `includes` matches whole words. */
const fold = (s: string): string => ` ${s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;

/**
 * Whether a link's text already names a place: it holds one of the place's names, or is a
 * run of a name's words ("the findings" names "Findings: what changed…"; "Learning #3"
 * names "Learning 3"). Letters and digits are compared, whole words only.
 */
function names(text: string, placeNames: readonly string[]): boolean {
  const said = fold(text);
  const core = said.replace(/^ (?:the|a|an|our|this|these|its) /, ' ');
  return placeNames.some((name) => said.includes(fold(name)) || (core.trim().length >= 4 && fold(name).includes(core)));
}

/** Quotation marks around a title, curly or (with --ascii, after transliteration) straight. */
const quoted = (title: string, env: Pick<TextEnv, 'style'>): string => env.style.text(`‘${title}’`);

/**
 * An in-report link whose text does not name where it leads is numbered like a web link,
 * and the "Links" list says where: "<2> see ‘Methods’", "<3> see ‘Interviews’ in ‘Methods’".
 * Nothing is added when the text already names the place, or when the edition leaves the
 * place out. (The words go in the list, not in the sentence, so a quote or note keeps its
 * own words in every edition.)
 */
function inReportMark(text: string, target: InReportTarget, env: Pick<TextEnv, 'style' | 'links'>): string {
  const place = env.links.placeOf(target);
  if (!place) return '';
  if (names(text, place.names.map((n) => env.style.text(n)))) return '';
  const where = place.isSection || place.title === place.sectionTitle ? quoted(place.title, env) : `${quoted(place.title, env)} in ${quoted(place.sectionTitle, env)}`;
  return ` ${linkMark(env.links.cite(`#${target.anchor}`, `see ${where}`))}`;
}
