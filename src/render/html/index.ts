import { toHtml } from 'hast-util-to-html';
import type { Renderer, RenderedFile } from '../types.js';
import { renderBody } from './body.js';
import { createTemplateEngine } from './liquid.js';
import { pageData } from './page-data.js';
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
  const page: string = await engine.renderFile(theme.page, pageData(report, context, body));
  const files: RenderedFile[] = [
    { path: 'index.html', contents: page },
    ...themeAssetFiles(theme, context),
    ...themeFontFiles(theme, context),
  ];
  return files;
};
