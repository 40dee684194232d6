import { execFileSync, spawnSync } from 'node:child_process';

/** Poppler and qpdf command-line tools the PDF specs read the output with. */
export const PDF_TOOLS = ['pdfinfo', 'pdffonts', 'pdftotext', 'qpdf'] as const;

function installed(tool: string): boolean {
  return spawnSync('which', [tool], { encoding: 'utf8' }).status === 0;
}

/**
 * Whether the PDF tools are installed. On CI a missing tool fails the run with the fix;
 * locally the specs that need them are skipped, and say so.
 */
export function pdfToolsAvailable(): boolean {
  const missing = PDF_TOOLS.filter((tool) => !installed(tool));
  if (missing.length === 0) return true;
  const message = `PDF specs need ${missing.join(', ')} (apt-get install poppler-utils qpdf)`;
  if (process.env.CI) throw new Error(message);
  console.warn(`SKIPPING: ${message}`);
  return false;
}

/** Run a tool and return its standard output (throws, with its stderr, when it fails). */
export function run(tool: string, args: readonly string[]): string {
  return execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** Run a tool and return its exit status and output, without throwing. */
export function runStatus(tool: string, args: readonly string[]): { status: number; stdout: string; stderr: string } {
  const result = spawnSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
