import type { Block, Inline } from './types.js';

/** Language tags and writing direction: pure helpers every stage shares. */

// Scripts written right to left (ISO 15924 codes, as Intl.Locale's maximize() gives them).
const RTL_SCRIPTS = new Set(['Arab', 'Hebr', 'Syrc', 'Thaa', 'Nkoo', 'Adlm', 'Rohg', 'Mand', 'Samr', 'Yezi', 'Mend', 'Avst', 'Phnx']);

/** The canonical form of a BCP 47 language tag (`EN-gb` → `en-GB`), or undefined when it is not one. */
export function canonicalLanguage(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

/** The direction a language is written in, from its script (`ar` → rtl, `ur-Latn` → ltr). */
export function directionOf(lang: string): 'ltr' | 'rtl' {
  try {
    const script = new Intl.Locale(lang).maximize().script;
    return script && RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}

// Letters of right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko… and their presentation forms).
const RTL_LETTER = /[\u0590-\u05ff\u0600-\u065f\u066e-\u06ef\u06fa-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;
const LETTER = /\p{L}/u;

/** Whether text has a letter of a right-to-left script. */
export const hasRightToLeftText = (text: string): boolean => RTL_LETTER.test(text);

/**
 * The direction text is written in, from its first letter (UAX #9 rules P2 and P3: the first
 * strong character decides; digits and punctuation do not), or undefined when it has none.
 */
export function firstStrongDirection(text: string): 'ltr' | 'rtl' | undefined {
  for (const ch of text) {
    if (RTL_LETTER.test(ch)) return 'rtl';
    if (LETTER.test(ch)) return 'ltr';
  }
  return undefined;
}

/**
 * The direction inline text takes from its first letter (as `dir="auto"` finds it): language
 * spans carry their own direction and are passed over, as the algorithm passes over isolates.
 */
export function inlinesDirection(inlines: readonly Inline[]): 'ltr' | 'rtl' | undefined {
  for (const inline of inlines) {
    let found: 'ltr' | 'rtl' | undefined;
    if (inline.type === 'text' || inline.type === 'inlineCode') found = firstStrongDirection(inline.value);
    else if (inline.type !== 'language' && 'children' in inline) found = inlinesDirection(inline.children);
    if (found) return found;
  }
  return undefined;
}

/** The direction of blocks from their first text (a list item's, a quote's). */
export function blocksDirection(blocks: readonly Block[]): 'ltr' | 'rtl' | undefined {
  for (const block of blocks) {
    if (block.type === 'language') continue;
    if (block.type === 'paragraph' || block.type === 'heading') {
      const found = inlinesDirection(block.children);
      if (found) return found;
    }
    if (block.type === 'quote' || block.type === 'list') {
      const found = blocksDirection(block.type === 'quote' ? block.children : block.items.flatMap((item) => item.children));
      if (found) return found;
    }
  }
  return undefined;
}
