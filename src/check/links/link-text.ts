import type { Diagnostic } from '../../model/diagnostic.js';
import type { Report } from '../../model/types.js';
import { ruleDiagnostic } from '../rule-diagnostic.js';

/**
 * Link texts that say nothing about where the link goes (WCAG 2.4.4, Link Purpose): a screen
 * reader listing the page's links would read "here, here, read more".
 */
const VAGUE_TEXTS = new Set([
  'here', 'click here', 'click', 'tap here', 'go here', 'see here', 'this', 'this link', 'this page', 'link',
  'more', 'read more', 'learn more', 'find out more', 'more info', 'more information', 'details', 'continue',
]);

/** Lower-case, without punctuation or repeated spaces: "Click here!" → "click here". */
const normalise = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, ' ').replace(/\s+/g, ' ').trim();

/** Links whose text is empty or vague ("here", "click here", "read more"…). Bare URLs are not judged. */
export function findVagueLinkTexts(report: Report): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const link of report.links) {
    if (link.autolink) continue;
    const text = normalise(link.text);
    if (text !== '' && !VAGUE_TEXTS.has(text)) continue;
    const message = text === '' ? 'link has no text' : `link text "${link.text.trim()}" does not say where the link goes`;
    out.push(ruleDiagnostic('link-text-not-descriptive', message, link.source, { url: link.url, hint: 'use the title of the target as the link text (WCAG 2.4.4)' }));
  }
  return out;
}
