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
