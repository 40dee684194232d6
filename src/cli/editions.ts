import type { Command } from 'commander';
import { editionFolder, editionSectionIds } from '../publish/edition.js';
import { terminalSafe } from '../format/terminal-safe.js';
import { cliContext, readContentOrReport } from './context.js';
import { EXIT } from './exit-codes.js';

/** `lwr editions`: list the editions the report's config defines. */
export function registerEditions(program: Command): void {
  program
    .command('editions')
    .description('list the editions defined in report.yaml: formats, sections and output folders')
    .option('--json', 'print the editions as JSON')
    .option('--out <dir>', 'the output folder the editions are shown in (lwr.config.yaml\'s out, else dist)', 'dist')
    .action((opts: { json?: boolean; out: string }, command: Command) => {
      const ctx = cliContext(command);
      const read = readContentOrReport(ctx);
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
    });
}
