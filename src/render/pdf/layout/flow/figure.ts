import { figureLabel, isDecorative, PRINT_FIGURE_BOX, printedSize } from '../../../../model/images.js';
import type { FigureBlock } from '../../../../model/types.js';
import { inlineRuns, plainRuns } from '../inline-runs.js';
import { COLOURS, HALF, LEADING, STYLES } from '../theme.js';
import { addTextBlock, type FlowContext, type Frame } from './context.js';

/**
 * A figure: its image centred in the column at the size the model gives (96 pixels to the
 * inch, scaled down to the column and never past the page), then "Figure 3." and the caption,
 * then the credit. The image is never split and always stays with its caption. Structure: a
 * Div holding the Figure (with the alt text as /Alt) and its Caption; an image with empty alt
 * is decorative and drawn as an artifact. The bytes are not read here: the layout names the
 * file by its hash and the drawing layer is handed the bytes.
 */
export function flowFigure(figure: FigureBlock, frame: Frame, ctx: FlowContext): void {
  const div = ctx.structure.add('Div', frame.struct);
  const { image } = figure;
  const id = `${ctx.section.id}/figure-${ctx.nextId()}`;
  const anchors = [...ctx.pendingAnchors, figure.id];
  ctx.pendingAnchors = [];
  if (image.file) {
    const size = printedSize(image.file, { width: Math.min(frame.width, PRINT_FIGURE_BOX.width), height: PRINT_FIGURE_BOX.height });
    const struct = isDecorative(image) ? null : ctx.structure.add('Figure', div, { alt: image.alt });
    ctx.items.push({
      kind: 'image',
      id,
      section: ctx.section,
      x: frame.x + (frame.width - size.width) / 2,
      width: size.width,
      height: size.height,
      image: { sha256: image.file.sha256, format: image.file.format },
      struct,
      keepWithNext: true,
      anchors,
      spaceBefore: LEADING,
      spaceAfter: HALF,
    });
  } else {
    // No file to draw (missing, remote, refused: lwr check says why). The figure is not
    // dropped in silence: a framed note says what it shows.
    ctx.items.push({ kind: 'group-start', id, section: ctx.section, decoration: { kind: 'panel', x: frame.x, width: frame.width, fill: COLOURS.warmPanel }, paddingTop: HALF, spaceBefore: LEADING, spaceAfter: 0, keepTogether: true, breakBefore: false, keepWithNext: true });
    const struct = ctx.structure.add('Figure', div, { alt: image.alt || image.url });
    const note = `[Image not available: ${image.alt.trim() || image.url}]`;
    addTextBlock(ctx, { x: frame.x + HALF, width: frame.width - 2 * HALF }, plainRuns(note, STYLES.caption, struct), { role: 'paragraph', style: STYLES.caption, anchors });
    ctx.items.push({ kind: 'group-end', id: `${id}-end`, section: ctx.section, paddingBottom: HALF, spaceBefore: 0, spaceAfter: HALF });
  }
  const caption = ctx.structure.add('Caption', div);
  const label = `${figureLabel(figure)}${figure.caption.length ? '. ' : ''}`;
  const runs = [...plainRuns(label, STYLES.captionLabel, caption), ...inlineRuns(figure.caption, STYLES.caption, caption, ctx)];
  addTextBlock(ctx, frame, runs, { role: 'caption', style: STYLES.caption, keepTogether: true, keepWithNext: Boolean(figure.credit), spaceAfter: figure.credit ? 0 : LEADING });
  if (figure.credit) {
    const credit = [...plainRuns('— ', STYLES.caption, caption), ...inlineRuns(figure.credit, STYLES.caption, caption, ctx)];
    addTextBlock(ctx, frame, credit, { role: 'caption', style: STYLES.caption, keepTogether: true, spaceAfter: LEADING });
  }
}
