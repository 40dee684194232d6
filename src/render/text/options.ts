import { printable } from '../../model/printable.js';
import type { RenderContext } from '../types.js';
import { toAscii } from './ascii.js';

/** The width used when neither the command nor the edition sets one. */
export const DEFAULT_TEXT_WIDTH = 72;
/** Narrower than this, hanging indents leave no room for words; report.yaml enforces it too. */
export const MIN_TEXT_WIDTH = 20;

/** How the text edition is set: its width and the characters its own layout adds. */
export interface TextStyle {
  width: number;
  ascii: boolean;
  /** Introduces an attribution or a poem's author. */
  dash: string;
  /** Joins the two sides of a comparison pair. */
  arrow: string;
  /**
   * Every piece of content passes through here: control characters dropped and bidi
   * overrides shown (printable), then transliterated to 7-bit ASCII with --ascii.
   */
  text: (value: string) => string;
  /** URLs are percent-encoded rather than transliterated, so they still lead somewhere. */
  url: (value: string) => string;
}

/** The style for a render: width from the command, else the edition, else 72. */
export function textStyle(context: Pick<RenderContext, 'options' | 'edition'>): TextStyle {
  const width = context.options.width ?? context.edition.text?.width ?? DEFAULT_TEXT_WIDTH;
  if (!Number.isInteger(width) || width < MIN_TEXT_WIDTH) {
    throw new RangeError(`text width must be a whole number of at least ${MIN_TEXT_WIDTH} columns (got ${width})`);
  }
  const ascii = context.options.ascii === true;
  return {
    width,
    ascii,
    dash: ascii ? '--' : '—',
    arrow: ascii ? '->' : '→',
    text: ascii ? (value) => toAscii(printable(value)) : printable,
    url: ascii ? (value) => printable(value).replace(/[^\x00-\x7f]/gu, (ch) => encodeURIComponent(ch)) : printable,
  };
}
