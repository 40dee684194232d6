import type { QuoteBlock } from '../../model/types.js';
import type { TextEnv } from './env.js';
import { hanging, indent } from './layout.js';
import { inlineText } from './inlines.js';

/** How far quotes are set in from the text around them. */
export const QUOTE_INDENT = 4;

/** A quote, indented; its attribution on its own line after a dash, directly under the words. */
export function renderQuote(quote: QuoteBlock, width: number, env: TextEnv): string[] {
  const inner = Math.max(1, width - QUOTE_INDENT);
  const words = env.blocks(quote.children, inner);
  const attribution = quote.attribution ? hanging(`${env.style.dash} `, inlineText(quote.attribution.children, env), inner) : [];
  return indent([...words, ...attribution], QUOTE_INDENT);
}
