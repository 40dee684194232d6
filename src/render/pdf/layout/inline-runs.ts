import type { Inline } from '../../../model/types.js';
import { isDecorative } from '../../../model/images.js';
import { flatText } from '../../../model/text.js';
import { bolder, emphasised, type Run } from './runs.js';
import type { StructureTree } from './structure.js';
import { COLOURS } from './theme.js';
import type { InReportTarget } from '../../../model/types.js';
import type { LinkTarget, TextStyle } from './types.js';

/** What turning inlines into runs needs besides the inlines. */
export interface InlineContext {
  structure: StructureTree;
  /** Where a link's URL goes in the PDF; undefined leaves the text unlinked (placeholders, unsafe schemes). */
  resolveLink: (url: string, target?: InReportTarget) => LinkTarget | undefined;
  /**
   * A footnote is called from text of structure element `citing`: lay out its note (once)
   * and return its display number; undefined when the footnote does not exist.
   */
  noteCalled: (footnoteId: string, citing: string) => number | undefined;
}

/** Code set inline is a little smaller than the text around it: a monospaced face looks larger at the same size. */
const CODE_SCALE = 0.9;

/**
 * Turn model inlines into styled runs whose text belongs to structure element `struct`.
 * Links get their own Link element; footnote calls become raised numbers that carry the
 * footnote's id so the paginator keeps the note on the same page. Text in a language span (or
 * in a block of another `language`) carries the language, for its glyphs and its direction.
 */
export function inlineRuns(inlines: readonly Inline[], style: TextStyle, struct: string, ctx: InlineContext, language?: Run['language']): Run[] {
  const runs: Run[] = [];
  const visit = (list: readonly Inline[], current: TextStyle, owner: string, link: Run['link'], span: Run['language']) => {
    const extra = { ...(link ? { link } : {}), ...(span ? { language: span } : {}) };
    for (const inline of list) {
      switch (inline.type) {
        case 'text':
          runs.push({ text: inline.value, style: current, struct: owner, ...extra });
          break;
        case 'inlineCode':
          runs.push({ text: inline.value, style: { ...current, font: 'mono', size: current.size * CODE_SCALE }, struct: owner, ...extra });
          break;
        case 'break':
          runs.push({ text: '', style: current, struct: owner, hardBreak: true });
          break;
        case 'strong':
          visit(inline.children, bolder(current), owner, link, span);
          break;
        case 'emphasis':
          visit(inline.children, emphasised(current), owner, link, span);
          break;
        case 'term':
          visit(inline.children, bolder(current), owner, link, span);
          break;
        case 'delete':
          visit(inline.children, current, owner, link, span);
          break;
        case 'language': {
          // A Span with its own Lang, so a screen reader switches voice; its text is isolated in its direction.
          const element = ctx.structure.add('Span', owner, { lang: inline.lang });
          visit(inline.children, current, element, link, { lang: inline.lang, dir: inline.dir });
          break;
        }
        case 'link': {
          const target = link ? undefined : ctx.resolveLink(inline.url, inline.target);
          if (!target) {
            visit(inline.children, current, owner, link, span);
            break;
          }
          const linkStruct = ctx.structure.add('Link', owner);
          const label = inline.title ?? flatText(inline.children);
          visit(inline.children, { ...current, color: COLOURS.accent }, linkStruct, { target, struct: linkStruct, label }, span);
          break;
        }
        case 'footnoteReference': {
          const number = inline.footnoteId ? ctx.noteCalled(inline.footnoteId, owner) : undefined;
          const reference = ctx.structure.add('Reference', owner);
          runs.push({
            text: String(number ?? inline.label),
            style: { font: 'sansSemiBold', size: current.size * 0.62, color: COLOURS.accent },
            struct: reference,
            rise: current.size * 0.36,
            ...(inline.footnoteId && number ? { footnoteId: inline.footnoteId } : {}),
          });
          break;
        }
        case 'html':
          // Raw HTML has no meaning on paper; plainText() drops it too.
          break;
        case 'image':
          // An image inside a line of text is named by its alt text (a figure is drawn); a
          // decorative one is left out.
          if (!isDecorative(inline)) runs.push({ text: `[Image: ${inline.alt.replace(/\s+/g, ' ').trim()}]`, style: current, struct: owner, ...(link ? { link } : {}) });
          break;
      }
    }
  };
  visit(inlines, style, struct, undefined, language);
  return runs;
}

/** Runs of plain text in one style (labels, attributions). */
export function plainRuns(text: string, style: TextStyle, struct: string | null): Run[] {
  return [{ text, style, struct }];
}
