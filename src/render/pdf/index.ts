import { ownFaces } from '../../fonts/locate.js';
import type { Renderer } from '../types.js';
import { drawDocument } from './draw/document.js';
import { openFontBook } from './fonts.js';
import { layoutDocument } from './layout/document.js';
import { fontMeasurer } from './measure.js';
import { pdfMetadata } from './metadata.js';

/**
 * The PDF edition: a tagged (PDF/UA) A4 or Letter document with cover, contents, outline,
 * running heads and footnotes, laid out from the model and drawn with pdfkit.
 */
export const render: Renderer = async (report, context) => {
  // The publisher found the fonts (lwr's own, the report's, the system's); without it, lwr's own.
  const book = openFontBook(context.fonts ?? ownFaces(), context.readAsset);
  const primary = report.meta.editions[0]?.id;
  const layout = layoutDocument(report, fontMeasurer(book), {
    pageSize: context.options.pageSize ?? context.edition.pdf?.pageSize ?? 'A4',
    ...(context.edition.id !== primary ? { editionLabel: context.edition.title } : {}),
  });
  const pdf = await drawDocument(layout, book, pdfMetadata(report, context), context.images);
  return [{ path: `${report.meta.slug}.pdf`, contents: pdf }];
};
