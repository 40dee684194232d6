/** Deeper nesting than this is refused: the Markdown tool chain recurses once per level. */
export const MAX_NESTING = 256;

/**
 * The first line whose container prefix (blockquote markers, list markers and indentation)
 * nests deeper than MAX_NESTING, found by a cheap scan before parsing.
 */
export function findExcessiveNesting(markdown: string): { line: number; depth: number } | undefined {
  let line = 0;
  for (const text of markdown.split('\n')) {
    line++;
    const prefix = /^(?:[ \t]|>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))*/.exec(text)?.[0] ?? '';
    if (prefix.length <= MAX_NESTING) continue; // fewer characters than levels allowed: cannot be too deep
    const markers = (prefix.match(/>|[-*+]|\d{1,9}[.)]/g) ?? []).length;
    const indentLevels = Math.floor((prefix.match(/[ \t]/g) ?? []).length / 2);
    const depth = Math.max(markers, indentLevels);
    if (depth > MAX_NESTING) return { line, depth };
  }
  return undefined;
}
