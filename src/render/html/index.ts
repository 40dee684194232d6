import { toHtml } from 'hast-util-to-html';
import { codePointsOf, reportTexts } from '../../fonts/report-text.js';
import type { Renderer, RenderedFile } from '../types.js';
import { renderBody } from './body.js';
import { createTemplateEngine } from './liquid.js';
import { pageData } from './page-data.js';
import { imageAssetPaths } from '../../model/image-names.js';
import type { Report } from '../../model/types.js';
import type { RenderContext } from '../types.js';
import { htmlTemplatesFolder, readTheme, themeAssetFiles, themeFontFiles } from './theme.js';

/**
 * The HTML edition: `index.html`, its stylesheet and fonts under `assets/`. The body is built
 * as a tree from the model and serialised (escaping every text); the page shell is the Liquid
 * template `templates/html/page.liquid`, into which the body is inserted as the one raw value.
 */
export const render: Renderer = async (report, context) => {
  const theme = readTheme(context);
  // Named references (&amp;) read better than hex ones in the published source.
  const body = toHtml(renderBody(report), { characterReferences: { useNamedReferences: true } });
  const engine = createTemplateEngine(htmlTemplatesFolder(context), context.readAsset);
  // Rendered synchronously: LiquidJS's asynchronous mode awaits every tag and output (a
  // 170-entry table of contents took 15 ms, 1.7 ms this way); lwr's templates read no file
  // asynchronously and use no asynchronous filter.
  const page: string = engine.renderFileSync(theme.page, pageData(report, context, body, theme.fonts.length > 0 ? 'assets/fonts/fonts.css' : ''));
  const files: RenderedFile[] = [
    { path: 'index.html', contents: page },
    ...themeAssetFiles(theme, context),
    ...themeFontFiles(theme, context, codePointsOf(reportTexts(report))),
    ...imageFiles(report, context),
  ];
  return files;
};

/**
 * The edition's image files under their content-hashed names, once each (identical bytes
 * under two names too), from the bytes the publisher handed over (the renderer never reads a
 * path written in the Markdown).
 */
function imageFiles(report: Report, context: RenderContext): RenderedFile[] {
  return [...imageAssetPaths(report)].flatMap(([sha256, path]) => {
    const bytes = context.images?.get(sha256);
    return bytes ? [{ path, contents: bytes }] : [];
  });
}
