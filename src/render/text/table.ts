import type { TableBlock } from '../../model/types.js';
import type { TextEnv } from './env.js';
import { hang, stack } from './layout.js';
import { inlineText } from './inlines.js';
import { displayWidth, wrapText } from '../../model/wrap.js';

const GAP = '  ';

/**
 * A table as aligned columns when it fits the width (each column as wide as its widest value;
 * a long header wraps onto more lines, over its column, rather than widen it); otherwise each
 * row as "Header: value" lines, so that nothing is cut and no line grows past the width.
 */
export function renderTable(table: TableBlock, width: number, env: TextEnv): string[] {
  const cells = table.rows.map((row) => row.map((cell) => inlineText(cell, env).replace(/\s+/g, ' ').trim()));
  const columns = Math.max(0, ...cells.map((row) => row.length));
  const [header = [], ...body] = cells;
  const longestWord = (text: string) => Math.max(0, ...text.split(' ').map(displayWidth));
  const widths = Array.from({ length: columns }, (_, c) => Math.max(3, longestWord(header[c] ?? ''), ...body.map((row) => displayWidth(row[c] ?? ''))));
  const total = widths.reduce((sum, w) => sum + w, 0) + GAP.length * (columns - 1);
  if (total <= width) return columnsLayout(header, body, widths, table.align);
  // Headers may be long: a field's later lines are set in by two, not under its value.
  const field = (label: string, value: string) => hang(wrapText(`${label}: ${value}`, Math.max(1, width - 2)), '', '  ');
  return stack(body.map((row) => row.flatMap((value, c) => field(header[c] || `Column ${c + 1}`, value))));
}

function pad(text: string, width: number, align: TableBlock['align'][number]): string {
  const room = width - displayWidth(text);
  if (align === 'right') return ' '.repeat(room) + text;
  if (align === 'center') return ' '.repeat(Math.floor(room / 2)) + text + ' '.repeat(Math.ceil(room / 2));
  return text + ' '.repeat(room);
}

/**
 * Header lines (each header wrapped to its column, set at the foot of the header rows, as
 * printed tables do), a rule per column, then one line per row, each value aligned as its
 * column asks (`:---`, `---:`, `:---:`).
 */
function columnsLayout(header: string[], body: string[][], widths: number[], align: TableBlock['align']): string[] {
  const line = (row: readonly string[]) => widths.map((w, c) => pad(row[c] ?? '', w, align[c] ?? null)).join(GAP).trimEnd();
  const wrapped = widths.map((w, c) => wrapText(header[c] ?? '', w));
  const height = Math.max(1, ...wrapped.map((lines) => lines.length));
  const headerLines = Array.from({ length: height }, (_, i) => line(wrapped.map((lines) => lines[i - (height - lines.length)] ?? '')));
  return [...headerLines, widths.map((w) => '-'.repeat(w)).join(GAP), ...body.map(line)];
}
