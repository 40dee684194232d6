import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { QuoteFilter } from '../../src/extract/quotes.js';
import type { Report } from '../../src/model/types.js';
import { CONTENT, FIXTURES, readContent, realReport } from '../support/report.js';

/** Folder of the quotes fixtures. */
export const QUOTE_FIXTURES = path.join(FIXTURES, 'quotes');

/** A quotes fixture: its report (its own content/, or the real report) and its filter. */
export function quotesFixture(name: string): { dir: string; report: Report; filter: QuoteFilter } {
  const dir = path.join(QUOTE_FIXTURES, name);
  const content = path.join(dir, 'content');
  const filterFile = path.join(dir, 'options.json');
  const filter = existsSync(filterFile) ? (JSON.parse(readFileSync(filterFile, 'utf8')) as QuoteFilter) : {};
  if (!existsSync(content)) return { dir, report: realReport(), filter };
  const { report, diagnostics } = readContent(content);
  if (!report) throw new Error(`${content} could not be read: ${JSON.stringify(diagnostics)}`);
  return { dir, report, filter };
}

/** A small RFC 4180 reader, to show the CSV reads back to the same fields. */
export function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i]!;
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\r' && csv[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else if (ch === '\n' || ch === '\r') throw new Error(`bare line end outside quotes at ${i}`);
    else field += ch;
  }
  if (field !== '' || row.length > 0) throw new Error('the last row does not end with CRLF');
  return rows;
}

export { CONTENT };
