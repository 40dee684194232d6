import type { Image, Paragraph, PhrasingContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { diagnostic } from '../model/diagnostic.js';
import type { FigureBlock, Inline } from '../model/types.js';
import { ATTRIBUTION_DASH } from './attribution.js';
import { positionOf, type ReadContext } from './context.js';
import { readImage } from './image.js';
import { convertInlines } from './inline.js';

/** A figure id written as `{#fig-logic-model}`: a letter, then letters, digits, `-` or `_`. */
const FIGURE_ID = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** The image of a paragraph that holds nothing else (white space aside), or undefined. */
export function loneImage(paragraph: Paragraph): Image | undefined {
  const content = paragraph.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  return content.length === 1 && content[0]!.type === 'image' ? content[0] : undefined;
}

/**
 * An image alone in its paragraph is a figure: numbered (the number is given report-wide
 * later), with an id readers can link to, no caption.
 */
export function figureFromParagraph(paragraph: Paragraph, image: Image, ctx: ReadContext): FigureBlock {
  return { type: 'figure', id: nextFigureId(ctx), number: 0, image: readImage(image, ctx), caption: [], source: positionOf(ctx, paragraph) };
}

/**
 * `:::figure{#fig-id}`: one paragraph holding only the image, at most one caption paragraph
 * (before or after it, or the directive's `[label]`), and optionally a last paragraph starting
 * with a dash, the credit (`— Source: …`). Undefined when it has another shape.
 */
export function readFigureDirective(node: ContainerDirective, ctx: ReadContext): FigureBlock | undefined {
  let image: Image | undefined;
  const captions: Paragraph[] = [];
  let credit: Paragraph | undefined;
  for (const [index, child] of node.children.entries()) {
    if (child.type !== 'paragraph') return undefined;
    const lone = loneImage(child);
    if (lone) {
      if (image) return undefined;
      image = lone;
    } else if (index === node.children.length - 1 && index > 0 && startsWithDash(child.children)) credit = child;
    else captions.push(child);
  }
  if (!image || captions.length > 1) return undefined;
  const figure: FigureBlock = { type: 'figure', id: figureId(node, ctx), number: 0, image: readImage(image, ctx), caption: captions[0] ? convertInlines(captions[0].children, ctx) : [], source: positionOf(ctx, node) };
  if (credit) figure.credit = withoutDash(convertInlines(credit.children, ctx));
  return figure;
}

function startsWithDash(children: readonly PhrasingContent[]): boolean {
  const first = children[0];
  return first?.type === 'text' && ATTRIBUTION_DASH.test(first.value);
}

function withoutDash(inlines: Inline[]): Inline[] {
  const [first, ...rest] = inlines;
  if (first?.type !== 'text') return inlines;
  const value = first.value.replace(ATTRIBUTION_DASH, '');
  return value ? [{ type: 'text', value }, ...rest] : rest;
}

/** The id written on the directive, claimed in the report; a bad or taken id is reported and replaced. */
function figureId(node: ContainerDirective, ctx: ReadContext): string {
  const written = node.attributes?.id?.trim();
  if (!written) return nextFigureId(ctx);
  const at = positionOf(ctx, node);
  if (!FIGURE_ID.test(written)) {
    ctx.diagnostics.push(diagnostic('directive-shape', 'error', `:::figure: the id "${written}" is not a usable anchor`, at, { hint: 'start with a letter; use letters, digits and hyphens: {#fig-logic-model}' }));
    return nextFigureId(ctx);
  }
  if (!ctx.anchors.claim(written)) {
    ctx.diagnostics.push(diagnostic('duplicate-id', 'error', `the figure id "${written}" is already used by a section, heading or another figure`, at, { hint: 'give each figure its own id' }));
    return nextFigureId(ctx);
  }
  return written;
}

/** `<section>-figure-<n>`, unique in the report. */
function nextFigureId(ctx: ReadContext): string {
  ctx.figureCount++;
  return ctx.anchors.unique(`${ctx.sectionId}-figure-${ctx.figureCount}`);
}
