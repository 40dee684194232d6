import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../support/report.js';

/** The world-ready fixture report: Welsh, Polish, Arabic, Chinese, Hindi, emoji and code. */
export const WORLD = path.join(ROOT, 'tests/fixtures/world/content');

/** Whether a command is on the PATH. */
export const hasTool = (tool: string): boolean => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;

/**
 * The PDF tests need poppler (pdftotext, pdffonts) and the Debian fonts .ci/run installs:
 * fonts-noto-core (Arabic, Devanagari), fonts-noto-cjk, fonts-symbola (monochrome emoji).
 */
export function worldFontsProblem(): string | undefined {
  if (!hasTool('pdftotext') || !hasTool('fc-list')) return 'poppler-utils or fontconfig is missing (apt-get install poppler-utils fontconfig)';
  const families = spawnSync('fc-list', [':', 'family'], { encoding: 'utf8' }).stdout;
  const missing = ['Noto Naskh Arabic', 'Noto Serif Devanagari', 'Noto Serif CJK SC', 'Symbola'].filter((f) => !families.includes(f));
  return missing.length ? `fonts missing: ${missing.join(', ')} (apt-get install fonts-noto-core fonts-noto-cjk fonts-symbola)` : undefined;
}

/** Skip loudly without the tools; fail under CI, where .ci/run installs them. */
export function requireWorldFonts(): boolean {
  const problem = worldFontsProblem();
  if (!problem) return true;
  if (process.env.CI) throw new Error(`the world-ready text tests cannot run: ${problem}`);
  console.warn(`\n${'!'.repeat(78)}\n!! WARNING: ${problem}; SKIPPING the world-ready text tests.\n${'!'.repeat(78)}\n`);
  return false;
}

/**
 * Text as compared: white space collapsed; none between Chinese characters (a line break there
 * is no space); without the invisible bidi controls pdftotext adds around right-to-left text
 * (U+202A–U+202E) and the marks lwr's text layer adds where poppler needs them (U+200E, U+200F).
 */
export const comparableText = (text: string): string =>
  text
    .replace(/[\u200e\u200f\u202a-\u202e]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/(?<=[\p{Script=Han}，。]) (?=[\p{Script=Han}，。])/gu, '')
    .trim();
