import { figureLabel, isDecorative } from '../../model/images.js';
import type { FigureBlock } from '../../model/types.js';
import type { TextEnv } from './env.js';
import { hanging } from './layout.js';
import { inlineText } from './inlines.js';
import { wrapText } from '../../model/wrap.js';

/**
 * A figure in plain text: `[Figure 3: <alt text>]`, so a reader knows what the picture shows,
 * then its caption, then its credit after a dash.
 */
export function renderFigure(figure: FigureBlock, width: number, env: TextEnv): string[] {
  const alt = figure.image.alt.replace(/\s+/g, ' ').trim();
  const label = isDecorative(figure.image) ? `[${figureLabel(figure)}]` : `[${figureLabel(figure)}: ${env.style.text(alt)}]`;
  const caption = inlineText(figure.caption, env).replace(/\s+/g, ' ').trim();
  const credit = figure.credit ? hanging(`${env.style.dash} `, inlineText(figure.credit, env), width) : [];
  return [...wrapText(label, width), ...(caption ? wrapText(caption, width) : []), ...credit];
}
