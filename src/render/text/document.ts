import type { Report } from '../../model/types.js';
import { hang, stack, underlined } from './layout.js';
import { LinkReferences } from './links.js';
import type { TextStyle } from './options.js';
import { renderSection } from './section.js';
import { sectionHeading } from './section-heading.js';
import { wrapText } from '../../model/wrap.js';

/** Sections are set further apart than paragraphs: two blank lines before each title. */
const SECTION_GAP = ['', ''];

function titleBlock(report: Report, style: TextStyle, editionTitle: string | undefined): string[] {
  const { title, subtitle, publisher, year } = report.meta;
  const imprint = [publisher, year].filter((part) => part !== undefined && part !== '').join(', ');
  return stack([
    underlined(style.text([title, subtitle].filter(Boolean).join('\n')), '=', style.width),
    wrapText(style.text(imprint), style.width),
    editionTitle ? wrapText(style.text(editionTitle), style.width) : [],
  ]);
}

function contents(report: Report, style: TextStyle): string[] {
  const entries = report.sections
    .filter((section) => section.kind !== 'colophon')
    .flatMap((section) => hang(wrapText(style.text(sectionHeading(section)), style.width - 4), '  ', '    '));
  return stack([underlined('Contents', '-', style.width), entries]);
}

/**
 * The whole plain-text edition: title block, contents, then every section. Lines end in LF
 * and carry no trailing spaces; the text ends with one newline.
 */
export function renderTextDocument(report: Report, style: TextStyle, editionTitle?: string): string {
  const links = new LinkReferences(report);
  const parts = [titleBlock(report, style, editionTitle), contents(report, style), ...report.sections.map((s) => renderSection(s, style.width, { style, links }, report.meta.language))];
  const lines = parts.filter((p) => p.length > 0).flatMap((part, i) => (i === 0 ? part : [...SECTION_GAP, ...part]));
  return `${lines.map((line) => line.trimEnd()).join('\n')}\n`;
}
