import type { Command } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { formatStylish, summaryLine } from '../format/stylish.js';
import { buildReport, sourceDateEpoch } from '../publish/build.js';
import type { ManifestEntry } from '../publish/manifest.js';
import { resolveOutputFolder } from '../publish/output-folder.js';
import { OutputWriteError, removePendingTemporary, writeOutputAtomically } from '../publish/write-output.js';
import type { BuildFlags } from './build.js';
import { runBuildChecks, verifyBuild } from './build-steps.js';
import { cliContext, readContentOrReport, type CliContext } from './context.js';
import { startRenderWorker } from '../publish/render-targets.js';
import type { Worker } from 'node:worker_threads';
import { EXIT } from './exit-codes.js';
import { reportFonts } from './fonts.js';
import { LWR_VERSION, PACKAGE_ROOT } from './package-info.js';

/** The render worker built beside the bundled CLI (scripts/bundle.mjs). */
const RENDER_WORKER = path.join(PACKAGE_ROOT, 'build/bundle/render-worker.js');

/** Run `lwr build` with parsed flags: print progress and problems, set the exit code. */
export async function runBuild(flags: BuildFlags, command: Command): Promise<void> {
  const ctx = cliContext(command);
  // Start the PDF worker first: it loads pdfkit and the fonts while this thread reads the content.
  const mayRenderPdf = !flags.format || flags.format.includes('pdf');
  const worker = mayRenderPdf && existsSync(RENDER_WORKER) ? startRenderWorker(RENDER_WORKER) : undefined;
  try {
    await buildWith(flags, ctx, worker);
  } finally {
    await worker?.terminate();
  }
}

async function buildWith(flags: BuildFlags, ctx: CliContext, worker: Worker | undefined): Promise<void> {
  const read = readContentOrReport(ctx);
  if ('exitCode' in read) return void (process.exitCode = read.exitCode);
  const out = resolveOutputFolder(flags.out, { content: ctx.options.content, others: [flags.templates ?? '', PACKAGE_ROOT].filter(Boolean) });
  if (out.problem !== undefined) {
    ctx.err(`lwr build: refusing to write to --out ${flags.out}: ${out.problem}; nothing was written`);
    return void (process.exitCode = EXIT.usageOrUnreadable);
  }
  const width = flags.width === undefined ? undefined : Number(flags.width);
  if (width !== undefined && (!Number.isInteger(width) || width < 20)) {
    ctx.err('lwr build: --width must be a whole number of columns, at least 20');
    return void (process.exitCode = EXIT.usageOrUnreadable);
  }
  const onInterrupt = () => {
    removePendingTemporary();
    ctx.err('\nlwr build: interrupted; the previous output is unchanged');
    process.exit(130);
  };
  process.once('SIGINT', onInterrupt);
  process.once('SIGTERM', onInterrupt);
  const started = performance.now();
  try {
    const fonts = reportFonts(read.report, ctx.options.content);
    const outcome = await buildReport(
      read.report,
      {
        outDir: flags.out,
        ...(flags.edition ? { editions: flags.edition } : {}),
        ...(flags.format ? { formats: flags.format } : {}),
        strict: Boolean(flags.strict),
        ...(width !== undefined ? { width } : {}),
        ...(flags.ascii ? { ascii: true } : {}),
        ...(flags.pageSize ? { pageSize: flags.pageSize } : {}),
        ...(sourceDateEpoch(process.env.SOURCE_DATE_EPOCH) !== undefined ? { sourceDateEpoch: sourceDateEpoch(process.env.SOURCE_DATE_EPOCH)! } : {}),
        lwrVersion: LWR_VERSION,
        templatesDir: path.resolve(flags.templates ?? path.join(PACKAGE_ROOT, 'templates')),
        fonts: fonts.faces,
      },
      {
        readAsset: (file) => readFileSync(file),
        ...(read.assets ? { imageBytes: read.assets.bytes } : {}),
        check: (report) => runBuildChecks(report, ctx.options.content, fonts, read.diagnostics),
        verify: (report, files, targets) => verifyBuild(report, files, targets, fonts),
        write: (files, keepExisting, describe) => writeOutputAtomically(out.path, files, { keepExisting, lwrVersion: LWR_VERSION, reportSlug: read.report.meta.slug, describe }),
        now: () => new Date(),
      },
    );
    switch (outcome.status) {
      case 'usage':
        ctx.err(outcome.diagnostics.map((d) => `lwr build: ${d.message}${d.hint ? ` (${d.hint})` : ''}`).join('\n'));
        process.exitCode = EXIT.usageOrUnreadable;
        return;
      case 'check-failed': {
        ctx.err(formatStylish(outcome.checks, ctx.chalk));
        const glyphs = outcome.checks.some((d) => d.ruleId === 'font-missing-glyph' && d.severity === 'error');
        ctx.err(
          ctx.chalk.red(
            glyphs && !flags.strict
              ? 'Build failed: the PDF would print empty boxes for characters no font has (font-missing-glyph). The previous output is unchanged.'
              : 'Build failed: the checks found errors (--strict). The previous output is unchanged.',
          ),
        );
        process.exitCode = EXIT.contentErrors;
        return;
      }
      case 'verify-failed':
        ctx.err(formatStylish(outcome.problems, ctx.chalk));
        ctx.err(ctx.chalk.red('Build failed: an edition is missing content the model has. The previous output is unchanged.'));
        process.exitCode = EXIT.contentErrors;
        return;
      case 'built': {
        ctx.info(`checks: ${summaryLine(outcome.checks, ctx.chalk)}${outcome.checks.length ? ' (run lwr check for details)' : ''}`);
        const drafts = read.report.drafts ?? [];
        if (drafts.length) ctx.info(`  ${ctx.chalk.dim(`left out ${drafts.length} draft${drafts.length === 1 ? '' : 's'} (draft: true): ${drafts.map((d) => d.file).join(', ')}`)}`);
        const built = outcome.entries.filter((e) => outcome.targets.some((t) => e.path.startsWith(`${t.folder}/`)));
        const isEdition = (e: ManifestEntry) => (e.format === 'html' && e.path.endsWith('/index.html')) || (e.format === 'pdf' && e.path.endsWith('.pdf')) || (e.format === 'text' && e.path.endsWith('.txt'));
        for (const entry of built.filter(isEdition)) {
          ctx.info(`  ${ctx.chalk.green('wrote')} ${path.join(flags.out, entry.path)} ${ctx.chalk.dim(`(${formatBytes(entry.size)})`)}`);
        }
        const assets = built.filter((e) => !isEdition(e)).length;
        if (assets) ctx.info(`  ${ctx.chalk.dim(`and ${assets} asset files (CSS, fonts, images); manifest: ${path.join(flags.out, 'manifest.json')}`)}`);
        ctx.info(`built ${outcome.targets.length} edition format(s) into ${flags.out}/ in ${Math.round(performance.now() - started)} ms`);
        process.exitCode = EXIT.ok;
      }
    }
  } catch (error) {
    // Only say the previous output is unchanged when it is.
    const unchanged = !(error instanceof OutputWriteError) || error.previousUnchanged;
    ctx.err(`lwr build: ${(error as Error).message}${unchanged ? '; the previous output is unchanged' : ''}`);
    if (ctx.options.debug) ctx.err(String((error as Error).stack));
    process.exitCode = EXIT.usageOrUnreadable;
  } finally {
    process.off('SIGINT', onInterrupt);
    process.off('SIGTERM', onInterrupt);
  }
}

function formatBytes(n: number): string {
  return n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} kB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
}
