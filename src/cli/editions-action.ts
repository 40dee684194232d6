import type { Command } from 'commander';
import { editionFolder, editionSectionIds } from '../model/edition.js';
import { terminalSafe } from '../format/terminal-safe.js';
import { cliContext, readContentOrReport } from './context.js';
import { EXIT } from './exit-codes.js';

/** What `lwr editions` does once its arguments are parsed. */
export async function runEditions(opts: { json?: boolean; out: string }, command: Command): Promise<void> {
  const ctx = cliContext(command);
  const read = await readContentOrReport(ctx);
  if ('exitCode' in read) return void (process.exitCode = read.exitCode);
  const { report } = read;
  const primary = report.meta.editions[0]!.id;
  const rows = report.meta.editions.map((edition) => ({
    id: edition.id,
    title: edition.title,
    formats: edition.formats,
    sections: editionSectionIds(report, edition),
    folders: edition.formats.map((f) => `${opts.out.replace(/\/+$/, '')}/${editionFolder(edition.id, f, primary)}/`),
  }));
  if (opts.json) ctx.out(JSON.stringify(rows, null, 2));
  else {
    for (const row of rows) {
      ctx.out(`${ctx.outChalk.bold(terminalSafe(row.id))}  ${terminalSafe(row.title)}`);
      ctx.out(`  formats:  ${row.formats.join(', ')}  →  ${row.folders.join(' ')}`);
      ctx.out(`  sections: ${row.sections.length} (${row.sections.join(', ')})`);
    }
  }
  process.exitCode = EXIT.ok;
}
