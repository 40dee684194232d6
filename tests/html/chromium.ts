import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's chromium, which the browser tests drive through playwright-core (never a downloaded browser). */
export const CHROMIUM = '/usr/bin/chromium';

/** Start headless Chromium as every browser test does: no sandbox (root in CI), no GPU, no background traffic. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/**
 * Whether the browser tests can run. On CI a missing chromium fails the run with the fix;
 * locally the tests say so loudly and are skipped.
 */
export function chromiumAvailable(what: string): boolean {
  if (existsSync(CHROMIUM)) return true;
  const message = `${CHROMIUM} is missing: ${what} cannot run (apt-get install chromium)`;
  if (process.env.CI) throw new Error(message);
  console.warn(`\n${'!'.repeat(78)}\n!! WARNING: ${message}; SKIPPING them.\n${'!'.repeat(78)}\n`);
  return false;
}

/** What axe-core finds wrong on the open page, one line a rule: `id: help (targets)`. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (context: unknown) => Promise<{ violations: { id: string; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const results = await axe.run((globalThis as unknown as { document: unknown }).document);
    return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
  });
}
