import type { Report } from '../../model/types.js';
import type { RenderContext } from '../types.js';

/** The document information a PDF carries (Info dictionary and XMP). */
export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string;
  language: string;
  creator: string;
  /** Creation and modification date: the build date, so two builds are byte-identical. */
  date: Date;
}

/** The PDF's metadata from the model and the render context. */
export function pdfMetadata(report: Report, context: RenderContext): PdfMetadata {
  const { meta } = report;
  const primary = meta.editions[0]?.id;
  const edition = context.edition.id !== primary ? ` (${context.edition.title})` : '';
  const keywords = [meta.title, meta.subtitle, meta.publisher, meta.funder, ...report.glossary.map((g) => g.term)].filter((k): k is string => Boolean(k));
  return {
    title: `${[meta.title, meta.subtitle].filter(Boolean).join(' — ')}${edition}`,
    author: meta.authors.join(', '),
    subject: [meta.subtitle ?? meta.title, meta.publisher ? `by ${meta.publisher}` : undefined, meta.year ? String(meta.year) : undefined].filter(Boolean).join(', '),
    keywords: [...new Set(keywords)].join('; '),
    language: meta.language,
    creator: `lwr ${context.lwrVersion}`,
    date: context.buildDate,
  };
}

/** Escape text for XML: pdfkit writes the XMP packet from the Info values as they are. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}
