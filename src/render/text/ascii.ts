import anyAscii from 'any-ascii';

/**
 * Transliteration for 7-bit systems. Typographic punctuation gets its typewriter form (an em
 * dash is `--`, `£3` is `GBP 3`); every other character is transliterated by any-ascii:
 * accents are dropped (Zieliński → Zielinski), letters without an ASCII form are spelled out
 * (ß → ss, ł → l, Æ → Ae), other scripts are romanised (Привет → Privet, 学而 → Xue Er,
 * السلام → lslm) and emoji become their short names (😀 → :grinning:). Nothing becomes "?".
 */

const PUNCTUATION: Record<string, string> = {
  '‘': "'", '’': "'", '‚': "'", '‛': "'", '′': "'",
  '“': '"', '”': '"', '„': '"', '‟': '"', '″': '"', '«': '"', '»': '"', '‹': "'", '›': "'",
  '—': '--', '―': '--', '–': '-', '‒': '-', '−': '-', '‐': '-', '‑': '-',
  '…': '...', '•': '*', '·': '.', '×': 'x', '÷': '/',
  '→': '->', '←': '<-', '↔': '<->', '⇒': '=>',
  '€': 'EUR', '©': '(c)', '®': '(R)', '™': '(TM)', '°': ' degrees', '§': 'S.', '¶': 'P.',
  '½': '1/2', '¼': '1/4', '¾': '3/4', '⁄': '/',
  // Full-width punctuation of Chinese and Japanese, and the Indic full stop (danda).
  '，': ',', '、': ',', '。': '.', '：': ':', '；': ';', '！': '!', '？': '?', '「': '"', '」': '"', '『': '"', '』': '"', '（': '(', '）': ')',
  '।': '.', '॥': '.',
  // Spaces: no-break and narrow spaces become plain spaces; invisible ones vanish.
  '\u00a0': ' ', '\u2002': ' ', '\u2003': ' ', '\u2009': ' ', '\u202f': ' ', '\u200a': ' ',
  '\u200b': '', '\u200c': '', '\u200d': '', '\u2060': '', '\ufeff': '', '\u00ad': '',
};

// Chinese characters (and Japanese kanji) are romanised one by one and set apart, so a sentence
// wraps as words do (学而时习之 → Xue Er Shi Xi Zhi, not one 15-letter word).
const SYLLABLES = /\p{Script=Han}+/gu;

/** Text in 7-bit ASCII: “Living” — £3 … Paweł 学而 → "Living" -- GBP 3 ... Pawel Xue Er */
export function toAscii(text: string): string {
  return anyAscii(
    text
      // "£3.4 million" reads as "GBP 3.4 million"; a lone £ as GBP.
      .replace(/£(?=\d)/g, 'GBP ')
      .replace(/£/g, 'GBP')
      .replace(SYLLABLES, (run) => Array.from(run, (ch) => anyAscii(ch)).join(' '))
      // Full-width punctuation carries its own space; its ASCII form needs one before the next word.
      .replace(/([，、。：；！？])(?=[^\s)）」』”’，、。：；！？])/gu, '$1 ')
      .replace(/[^\x00-\x7f]/gu, (ch) => PUNCTUATION[ch] ?? ch),
  );
}
