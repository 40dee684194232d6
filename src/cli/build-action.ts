import type { Command } from 'commander';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { buildWith, startBuildWorker } from '../api/build.js';
import { formatStylish, summaryLine } from '../format/stylish.js';
import { LWR_VERSION, PACKAGE_ROOT } from '../package-info.js';
import type { ManifestEntry } from '../publish/manifest.js';
import { resolveOutputFolder } from '../publish/output-folder.js';
import { OutputWriteError, removePendingTemporary } from '../publish/write-output.js';
import type { Format } from '../render/types.js';
import type { BuildFlags } from './build.js';
import { cliContext, readContentOrReport, type CliContext } from './context.js';
import { EXIT } from './exit-codes.js';
import { stopRenderWorker } from '../publish/render-targets.js';
import type { RenderWorkerData } from '../publish/render-worker.js';
import { cacheFolder } from '../cache/location.js';
import { lwrCacheIdentity } from '../cache/identity.js';

/** Run `lwr build` with parsed flags: print progress and problems, set the exit code. */
export async function runBuild(flags: BuildFlags, command: Command): Promise<void> {
  const ctx = cliContext(command);
  // Start the PDF worker first: it loads pdfkit and the fonts while this thread reads the content.
  const worker = startBuildWorker(flags.format ? { formats: flags.format as Format[] } : {}, renderWorkerData(ctx));
  try {
    await buildWithFlags(flags, ctx, worker);
  } finally {
    if (worker) await stopRenderWorker(worker);
  }
}

/** The worker's shaping cache, `.lwr-cache/shaping.json` in the project, unless caching is off. */
function renderWorkerData(ctx: CliContext): RenderWorkerData {
  const folder = cacheFolder(ctx.config?.dir, path.resolve(ctx.cwd, ctx.options.content));
  const lwrIdentity = lwrCacheIdentity(LWR_VERSION);
  return folder && lwrIdentity ? { shaping: { file: path.join(folder, 'shaping.json'), lwrIdentity } } : {};
}

async function buildWithFlags(flags: BuildFlags, ctx: CliContext, worker: Worker | undefined): Promise<void> {
  // An output folder lwr may not replace is refused before anything is read (or cached).
  // Said with the flag's name here; the library says the same without it.
  const out = resolveOutputFolder(flags.out, { content: ctx.options.content, others: [flags.templates ?? '', PACKAGE_ROOT].filter(Boolean) });
  if (out.problem !== undefined) {
    ctx.err(`lwr build: refusing to write to --out ${flags.out}: ${out.problem}; nothing was written`);
    return void (process.exitCode = EXIT.usageOrUnreadable);
  }
  const read = await readContentOrReport(ctx);
  if ('exitCode' in read) return void (process.exitCode = read.exitCode);
  const onInterrupt = () => {
    removePendingTemporary();
    ctx.err('\nlwr build: interrupted; the previous output is unchanged');
    process.exit(130);
  };
  process.once('SIGINT', onInterrupt);
  process.once('SIGTERM', onInterrupt);
  const started = performance.now();
  try {
    const outcome = await buildWith(
      read,
      {
        outDir: flags.out,
        ...(flags.edition ? { editions: flags.edition } : {}),
        ...(flags.format ? { formats: flags.format as Format[] } : {}),
        strict: Boolean(flags.strict),
        ...(flags.width !== undefined ? { width: Number(flags.width) } : {}),
        ...(flags.ascii ? { ascii: true } : {}),
        ...(flags.pageSize ? { pageSize: flags.pageSize } : {}),
        ...(flags.templates ? { templatesDir: flags.templates } : {}),
        contentDir: ctx.options.content,
      },
      worker,
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
        if (outcome.verified.length) ctx.err(formatStylish(outcome.verified, ctx.chalk));
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
