/**
 * Characters that drive a terminal or a text viewer rather than show: C0 controls except tab
 * and line feed, DEL, and C1 controls (0x9b is an 8-bit CSI). Content never needs them in a
 * text output, and they can clear a screen or write the clipboard (OSC 52) when it is shown.
 */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Bidirectional embeddings, overrides and isolates: they reorder what a reader sees (an
 * "exe.txt" that reads "txt.exe"). Marks (LRM, RLM, ALM) are left alone; right-to-left text
 * needs them and they reorder nothing beyond their neighbours.
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text as a text output (the text edition, quote exports) may carry it: controls dropped,
 * bidi controls shown as `<U+202E>` so a reader sees that they were there.
 */
export function printable(text: string): string {
  return text.replace(CONTROLS, '').replace(BIDI_CONTROLS, (ch) => `<U+${ch.codePointAt(0)!.toString(16).toUpperCase()}>`);
}

/** JSON as `JSON.stringify` writes it, with C1 controls (which it leaves raw) escaped too: the text is kept exactly. */
export const escapeC1 = (json: string): string => json.replace(/[\u007f-\u009f]/g, (ch) => `\\u${ch.codePointAt(0)!.toString(16).padStart(4, '0')}`);
