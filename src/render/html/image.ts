import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import { figureLabel, isDecorative } from '../../model/images.js';
import { imageAssetPath } from '../../model/image-names.js';
import type { FigureBlock, ImageInline } from '../../model/types.js';
import { renderInlines } from './inlines.js';
import { safeHref } from './safe-href.js';
import type { HtmlState } from './state.js';

/**
 * An image. Its published copy when lwr read the file (with its intrinsic width and height, so
 * the page does not jump as it loads); otherwise the address as written, so the page never
 * silently drops an image (`lwr check` reports why it is not published; a remote image is
 * blocked by the page's security policy and shows its alt text). Empty alt stays `alt=""`: a
 * decorative image screen readers skip. An address that is not safe to publish keeps the alt
 * text and loses the image.
 */
export function renderImage(image: ImageInline, state: Pick<HtmlState, 'imageAssets'>): ElementContent {
  const src = image.file ? (state.imageAssets.get(image.file.sha256) ?? imageAssetPath(image.file)) : safeHref(image.url);
  if (src === undefined || src.startsWith('#')) return h('span.image-removed', image.alt);
  return h('img', {
    src,
    alt: isDecorative(image) ? '' : image.alt,
    title: image.title,
    width: image.file?.width,
    height: image.file?.height,
    loading: 'lazy',
    decoding: 'async',
  });
}

/** A figure: `figure.figure-image` › `img` + `figcaption` with its number, caption and credit. */
export function renderFigure(figure: FigureBlock, state: HtmlState): ElementContent {
  const caption = renderInlines(figure.caption, state);
  return h('figure.figure-image', { id: figure.id }, [
    renderImage(figure.image, state),
    h('figcaption', [
      h('span.figure-number', `${figureLabel(figure)}${caption.length ? '.' : ''}`),
      ...(caption.length ? [{ type: 'text' as const, value: ' ' }, h('span.figure-caption', caption)] : []),
      ...(figure.credit ? [{ type: 'text' as const, value: ' ' }, h('span.figure-credit', renderInlines(figure.credit, state))] : []),
    ]),
  ]);
}
