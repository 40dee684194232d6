import { SaxesParser } from 'saxes';
import type { ImageFile, ImageProblem } from '../model/types.js';

type ImageFacts = Pick<ImageFile, 'format' | 'width' | 'height'>;

/** Elements an SVG lwr publishes may not hold: they run code or pull in other documents. */
const FORBIDDEN_ELEMENTS = new Set(['script', 'foreignobject', 'iframe', 'embed', 'object', 'handler', 'listener', 'audio', 'video', 'canvas']);

/** Bounds on what the SVG parser and the PDF's SVG drawing walk through. */
export const SVG_LIMITS = { maxElements: 50_000, maxDepth: 256, maxSide: 100_000 } as const;

/** CSS px per unit of an absolute SVG length. */
const UNIT_PX: Record<string, number> = { '': 1, px: 1, pt: 96 / 72, pc: 16, mm: 96 / 25.4, cm: 96 / 2.54, in: 96, em: 16, ex: 8 };

class Refused extends Error {
  constructor(readonly problem: ImageProblem) {
    super(problem.message);
  }
}

/**
 * Read an SVG as strict XML (saxes): it must be well formed, have an `<svg>` root with a size
 * (width and height, or a viewBox), and be safe to publish as a file and to draw into the PDF:
 * no DOCTYPE (entities), no processing instructions, no script, event handlers or
 * `javascript:`, and no references to anything outside the file (`href`, `url(…)`,
 * `@import` must point inside it with `#id`). Element count and depth are bounded.
 */
export function svgFacts(bytes: Uint8Array, file: string): ImageFacts | ImageProblem {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { kind: 'unreadable', message: `${file} is not valid UTF-8 text, so not an SVG lwr can read`, hint: 'save the SVG as UTF-8' };
  }
  const unsafe = (what: string): never => {
    throw new Refused({ kind: 'unsafe-svg', message: `${file} ${what}; lwr does not publish SVGs that run code or load other files`, hint: 'remove it from the SVG (or export the drawing as PNG)' });
  };
  const parser = new SaxesParser({ xmlns: false, position: true });
  let root: Record<string, string> | undefined;
  let elements = 0;
  let depth = 0;
  let inStyle = 0;
  parser.on('doctype', () => unsafe('has a DOCTYPE (it can define entities that expand without bound)'));
  parser.on('processinginstruction', (pi) => unsafe(`has a processing instruction <?${pi.target}?>`));
  parser.on('opentag', (tag) => {
    elements++;
    depth++;
    if (elements > SVG_LIMITS.maxElements || depth > SVG_LIMITS.maxDepth) {
      throw new Refused({
        kind: 'over-limit',
        message: `${file} has more than ${elements > SVG_LIMITS.maxElements ? `${SVG_LIMITS.maxElements} elements` : `${SVG_LIMITS.maxDepth} levels of nested elements`}; lwr draws SVGs up to that size`,
        hint: 'simplify the drawing, or export it as PNG',
      });
    }
    const name = localName(tag.name);
    if (!root) {
      if (name !== 'svg') throw new Refused({ kind: 'unreadable', message: `${file} is XML but not an SVG (its root element is <${tag.name}>)`, hint: 'export the drawing as SVG, PNG or JPEG' });
      root = tag.attributes as Record<string, string>;
    }
    if (FORBIDDEN_ELEMENTS.has(name)) unsafe(`has a <${tag.name}> element`);
    if (name === 'style') inStyle++;
    for (const [attribute, value] of Object.entries(tag.attributes as Record<string, string>)) checkAttribute(attribute, value, unsafe);
  });
  parser.on('closetag', (tag) => {
    depth--;
    if (localName(tag.name) === 'style') inStyle--;
  });
  const checkStyleText = (css: string) => {
    if (inStyle > 0) checkCss(css, unsafe);
  };
  parser.on('text', checkStyleText);
  parser.on('cdata', checkStyleText);
  try {
    parser.write(text).close();
  } catch (error) {
    if (error instanceof Refused) return error.problem;
    const reason = (error as Error).message.replace(/^undefined:/, 'line ');
    return { kind: 'unreadable', message: `${file} is not well-formed XML (${reason})`, hint: 'export the SVG again from the drawing program' };
  }
  if (!root) return { kind: 'unreadable', message: `${file} has no <svg> element`, hint: 'export the drawing as SVG, PNG or JPEG' };
  const size = svgSize(root);
  if (!size) return { kind: 'unreadable', message: `${file} does not say how large it is (no width and height, no viewBox)`, hint: 'give the <svg> element a viewBox="0 0 width height"' };
  if (size.width > SVG_LIMITS.maxSide || size.height > SVG_LIMITS.maxSide) {
    return { kind: 'over-limit', message: `${file} claims a size of ${size.width} × ${size.height} pixels`, hint: 'give the <svg> element a realistic width and height, or only a viewBox' };
  }
  return { format: 'svg', ...size };
}

const localName = (qualified: string): string => qualified.slice(qualified.indexOf(':') + 1).toLowerCase();

function checkAttribute(attribute: string, value: string, unsafe: (what: string) => never): void {
  const name = attribute.toLowerCase();
  if (name.startsWith('on')) unsafe(`has an event handler (${attribute})`);
  const compact = value.replace(/[\u0000-\u0020\u007f]+/g, '').toLowerCase();
  if (compact.includes('javascript:') || compact.includes('vbscript:')) unsafe(`has a script address in ${attribute}`);
  if (localName(name) === 'href' || name === 'src') {
    if (!value.trim().startsWith('#')) unsafe(`refers to ${value.trim().startsWith('data:') ? 'an embedded file (a data: address)' : `another file (${attribute}="${value.slice(0, 80)}")`}`);
  }
  checkCss(value, unsafe);
}

/** `url(…)` must name an element of the same file (`url(#gradient)`); `@import` is never allowed. */
function checkCss(css: string, unsafe: (what: string) => never): void {
  const compact = css.replace(/\/\*[\s\S]*?\*\//g, '');
  if (/@import/i.test(compact)) unsafe('imports a stylesheet (@import)');
  for (const match of compact.matchAll(/url\(\s*(['"]?)([^'")]*)\1\s*\)/gi)) {
    if (!match[2]!.trim().startsWith('#')) unsafe(`refers to another file (url(${match[2]!.slice(0, 80)}))`);
  }
}

function parseLength(value: string | undefined): number | undefined {
  const match = /^\s*([0-9]*\.?[0-9]+(?:e[+-]?[0-9]+)?)\s*(px|pt|pc|mm|cm|in|em|ex)?\s*$/i.exec(value ?? '');
  if (!match) return undefined;
  const px = Number(match[1]) * UNIT_PX[(match[2] ?? '').toLowerCase()]!;
  return px > 0 && Number.isFinite(px) ? px : undefined;
}

/** Size in CSS px: width and height, or one of them and the viewBox's proportions, or the viewBox. */
function svgSize(attributes: Record<string, string>): { width: number; height: number } | undefined {
  const width = parseLength(attributes.width);
  const height = parseLength(attributes.height);
  const box = (attributes.viewBox ?? attributes.viewbox ?? '').trim().split(/[\s,]+/).map(Number);
  const viewBox = box.length === 4 && box.every(Number.isFinite) && box[2]! > 0 && box[3]! > 0 ? { width: box[2]!, height: box[3]! } : undefined;
  const round = (n: number) => Math.max(1, Math.round(n));
  if (width && height) return { width: round(width), height: round(height) };
  if (viewBox && width) return { width: round(width), height: round((width * viewBox.height) / viewBox.width) };
  if (viewBox && height) return { width: round((height * viewBox.width) / viewBox.height), height: round(height) };
  if (viewBox) return { width: round(viewBox.width), height: round(viewBox.height) };
  return undefined;
}
