/**
 * Transliteration for 7-bit systems. Typographic punctuation gets its typewriter form,
 * accented Latin letters lose their accents, and anything still outside ASCII becomes "?"
 * (as iconv's //TRANSLIT does), so the output is always 7-bit.
 */

const PUNCTUATION: Record<string, string> = {
  '‘': "'", '’': "'", '‚': "'", '‛': "'", '′': "'", '`': '`',
  '“': '"', '”': '"', '„': '"', '‟': '"', '″': '"', '«': '"', '»': '"', '‹': "'", '›': "'",
  '—': '--', '―': '--', '–': '-', '‒': '-', '−': '-', '‐': '-', '‑': '-',
  '…': '...', '•': '*', '·': '.', '×': 'x', '÷': '/',
  '→': '->', '←': '<-', '↔': '<->', '⇒': '=>',
  '€': 'EUR', '©': '(c)', '®': '(R)', '™': '(TM)', '°': ' degrees', '§': 'S.', '¶': 'P.',
  '½': '1/2', '¼': '1/4', '¾': '3/4', '⁄': '/',
  // Letters that do not decompose into a base letter and a mark.
  'ß': 'ss', 'æ': 'ae', 'Æ': 'AE', 'œ': 'oe', 'Œ': 'OE', 'ø': 'o', 'Ø': 'O', 'ł': 'l', 'Ł': 'L',
  'đ': 'd', 'Đ': 'D', 'ð': 'd', 'Ð': 'D', 'þ': 'th', 'Þ': 'Th', 'ı': 'i',
  // Spaces: no-break and narrow spaces become plain spaces; invisible ones vanish.
  '\u00a0': ' ', '\u2002': ' ', '\u2003': ' ', '\u2009': ' ', '\u202f': ' ', '\u200a': ' ',
  '\u200b': '', '\u200c': '', '\u200d': '', '\u2060': '', '\ufeff': '', '\u00ad': '',
};

/** Text in 7-bit ASCII: “Living” — £3 … → "Living" -- GBP 3 ... */
export function toAscii(text: string): string {
  return text
    // "£3.4 million" reads as "GBP 3.4 million"; a lone £ as GBP.
    .replace(/£(?=\d)/g, 'GBP ')
    .replace(/£/g, 'GBP')
    .replace(/[^\x00-\x7f]/gu, (ch) => PUNCTUATION[ch] ?? ch)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x00-\x7f]/gu, (ch) => PUNCTUATION[ch] ?? '?');
}
