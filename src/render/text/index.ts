import { printable } from '../../model/printable.js';
import type { Renderer } from '../types.js';
import { renderTextDocument } from './document.js';
import { textStyle } from './options.js';

export { DEFAULT_TEXT_WIDTH, MIN_TEXT_WIDTH } from './options.js';

/**
 * The plain-text edition: one UTF-8 file, `<slug>.txt`, wrapped at `options.width` columns
 * (default 72), transliterated to 7-bit ASCII with `options.ascii`.
 */
export const render: Renderer = async (report, context) => {
  const style = textStyle(context);
  // The primary (first) edition is the report itself; any other names itself under the title.
  const primary = report.meta.editions[0]?.id;
  const editionTitle = context.edition.id === primary ? undefined : context.edition.title;
  // Content went through style.text already; this catches anything the layout let through.
  return [{ path: `${report.meta.slug}.txt`, contents: printable(renderTextDocument(report, style, editionTitle)) }];
};
