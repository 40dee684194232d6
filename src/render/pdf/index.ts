import type { Renderer } from '../types.js';
import { drawDocument } from './draw/document.js';
import { loadFonts } from './fonts.js';
import { layoutDocument } from './layout/document.js';
import { fontMeasurer } from './measure.js';
import { pdfMetadata } from './metadata.js';

/**
 * The PDF edition: a tagged (PDF/UA) A4 or Letter document with cover, contents, outline,
 * running heads and footnotes, laid out from the model and drawn with pdfkit.
 */
export const render: Renderer = async (report, context) => {
  const fonts = loadFonts(context.readAsset);
  const primary = report.meta.editions[0]?.id;
  const layout = layoutDocument(report, fontMeasurer(fonts), {
    pageSize: context.options.pageSize ?? context.edition.pdf?.pageSize ?? 'A4',
    ...(context.edition.id !== primary ? { editionLabel: context.edition.title } : {}),
  });
  const pdf = await drawDocument(layout, fonts, pdfMetadata(report, context), context.images);
  return [{ path: `${report.meta.slug}.pdf`, contents: pdf }];
};
