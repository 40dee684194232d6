import { displayWidth, wrapText } from '../../model/wrap.js';

/** Prefix the first line with `first` and the rest with `rest`; blank lines stay empty. */
export function hang(lines: readonly string[], first: string, rest: string): string[] {
  return lines.map((line, i) => (line === '' ? '' : `${i === 0 ? first : rest}${line}`));
}

/** Indent every line by `columns` spaces. */
export const indent = (lines: readonly string[], columns: number): string[] => hang(lines, ' '.repeat(columns), ' '.repeat(columns));

/** Wrap text under a marker (`- `, `12. `, `[3] `): later lines line up with the text, not the marker. */
export function hanging(marker: string, text: string, width: number): string[] {
  const markerWidth = displayWidth(marker);
  return hang(wrapText(text, Math.max(1, width - markerWidth)), marker, ' '.repeat(markerWidth));
}

/** Join groups of lines with exactly one blank line between them; empty groups vanish. */
export function stack(groups: readonly (readonly string[])[]): string[] {
  const out: string[] = [];
  for (const group of groups) {
    if (group.length === 0) continue;
    if (out.length > 0) out.push('');
    out.push(...group);
  }
  return out;
}

/** A heading: its wrapped lines, then a rule of `char` as wide as its widest line. */
export function underlined(text: string, char: string, width: number): string[] {
  const lines = wrapText(text, width);
  const widest = Math.max(...lines.map(displayWidth), 1);
  return [...lines, char.repeat(Math.min(widest, width))];
}

/** The marker of every item, padded so their texts line up ("9. " and "10. "). */
export function alignedMarkers(markers: readonly string[]): string[] {
  const widest = Math.max(0, ...markers.map(displayWidth));
  return markers.map((m) => `${' '.repeat(widest - displayWidth(m))}${m} `);
}
