import PDFDocument, { type PDFOutline, type PDFReference, type PDFStructureContent, type PDFStructureElement } from 'pdfkit';
import type { FontBook } from '../fonts.js';
import { RIGHT_TO_LEFT } from '../shaping-cache.js';
import { ImageDrawer } from './images.js';
import type { Drawable, DocumentLayout, LinkTarget, OutlineEntry, StructNode } from '../layout/types.js';
import { escapeXml, type PdfMetadata } from '../metadata.js';

/**
 * Draw a laid-out document with pdfkit: the thin layer over the pure layout. Every text
 * drawable goes into the structure element the layout names (artifacts into /Artifact),
 * links become annotations inside their Link elements, destinations named destinations.
 */
export async function drawDocument(layout: DocumentLayout, fonts: FontBook, meta: PdfMetadata, images: ReadonlyMap<string, Uint8Array> = new Map()): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: [layout.width, layout.height],
    margin: 0,
    autoFirstPage: false,
    pdfVersion: '1.7',
    tagged: true,
    subset: 'PDF/UA',
    lang: meta.language,
    displayTitle: true,
    font: null,
    info: {
      Title: meta.title,
      Author: meta.author,
      Subject: meta.subject,
      Keywords: meta.keywords,
      Creator: meta.creator,
      Producer: 'PDFKit',
      CreationDate: meta.date,
      ModDate: meta.date,
    },
  });
  escapeXmpOnEnd(doc, meta.language);
  // The layout opened every face it set text in.
  for (const [id, font] of fonts.opened()) doc.registerFont(id, font);
  const chunks: Uint8Array[] = [];
  doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });

  const structure = new StructureBuilder(doc, layout.structure);
  mapDeepHeadings(doc, layout.structure);
  const imageDrawer = new ImageDrawer(doc, images);
  const draw = (doc: PDFDocument, drawable: Drawable) => drawShape(doc, drawable, imageDrawer);
  const actions = new LinkActions(doc);
  const lastLink = lastLinkDrawables(layout);
  for (const page of layout.pages) {
    doc.addPage({ size: [layout.width, layout.height], margin: 0 });
    if (page.artifacts.length > 0) {
      doc.markContent('Artifact');
      for (const drawable of page.artifacts) draw(doc, drawable);
      doc.endMarkedContent();
    }
    let open: { struct: string; content: PDFStructureContent } | undefined;
    const close = () => {
      if (!open) return;
      doc.endMarkedContent();
      structure.element(open.struct).add(open.content);
      open = undefined;
    };
    for (const drawable of page.content) {
      switch (drawable.kind) {
        case 'text':
          if (drawable.struct === null) {
            close();
            doc.markContent('Artifact');
            draw(doc, drawable);
            doc.endMarkedContent();
            break;
          }
          if (open?.struct !== drawable.struct) {
            close();
            // Create the element (and attach it to its parent) before its content, so siblings keep reading order.
            structure.element(drawable.struct);
            open = { struct: drawable.struct, content: doc.markStructureContent(structure.type(drawable.struct)) };
          }
          draw(doc, drawable);
          break;
        case 'link': {
          close();
          const element = structure.element(drawable.struct);
          // A link wrapped over many lines gets one annotation per line; they share one action,
          // and each carries a bounded description, so the file grows with the text, not with
          // lines × (address + text).
          const options = { structParent: element, Contents: new String(linkDescription(drawable.label)), Subtype: 'Link' as const, A: actions.for(drawable.struct, drawable.target) };
          doc.annotate(drawable.x, drawable.y, drawable.width, drawable.height, options);
          // End the Link as soon as its last annotation is in, while its page is current:
          // pdfkit records the annotation's page when the element is flushed.
          if (lastLink.get(drawable.struct) === drawable) element.end();
          break;
        }
        case 'destination':
          doc.addNamedDestination(drawable.name, 'XYZ', drawable.x, drawable.y, null);
          break;
        case 'image': {
          close();
          if (drawable.struct === null) {
            doc.markContent('Artifact');
            draw(doc, drawable);
            doc.endMarkedContent();
            break;
          }
          const element = structure.element(drawable.struct);
          const content = doc.markStructureContent(structure.type(drawable.struct));
          draw(doc, drawable);
          doc.endMarkedContent();
          element.add(content);
          break;
        }
        default:
          close();
          doc.markContent('Artifact');
          draw(doc, drawable);
          doc.endMarkedContent();
      }
    }
    close();
  }
  addOutline(doc.outline, layout.outline);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

/** Draw one drawable at its place (structure marking is the caller's business). */
function drawShape(doc: PDFDocument, drawable: Drawable, images: ImageDrawer): void {
  switch (drawable.kind) {
    case 'text': {
      const shaping = drawable.shaping;
      doc.font(shaping?.face ?? drawable.style.font).fontSize(drawable.style.size).fillColor(drawable.style.color);
      const options = { lineBreak: false, baseline: 'alphabetic', ...(shaping?.rtl ? { features: RIGHT_TO_LEFT } : {}) } as const;
      // Glyphs that do not spell their text in order (reordered vowel signs, emoji sequences, right-to-left
      // lines: src/render/pdf/layout/text-layer.ts) carry it as ActualText; an empty one gives its text to the line.
      if (shaping?.actualText !== undefined) withActualText(doc, shaping.actualText, () => doc.text(drawable.text, drawable.x, drawable.baseline, options));
      else doc.text(drawable.text, drawable.x, drawable.baseline, options);
      break;
    }
    case 'rect':
      doc.rect(drawable.x, drawable.y, drawable.width, drawable.height).fill(drawable.fill);
      break;
    case 'line':
      doc.save().lineWidth(drawable.width).strokeColor(drawable.color).moveTo(drawable.x1, drawable.y1).lineTo(drawable.x2, drawable.y2).stroke().restore();
      break;
    case 'image':
      images.draw(drawable.image, drawable.x, drawable.y, drawable.width, drawable.height);
      break;
    default:
      break;
  }
}

/**
 * Draw text inside a marked-content span whose ActualText is `text`. The span is opened inside
 * pdfkit's text transform (right around BT … ET): a reader such as poppler places the actual
 * text by the transform current at the span's end, so outside it the words land mirrored on
 * the page.
 */
function withActualText(doc: PDFDocument, text: string, drawText: () => void): void {
  const addContent = doc.addContent.bind(doc);
  doc.addContent = (content: string) => {
    if (content === 'BT') addContent(`/Span <</ActualText ${pdfTextString(text)}>> BDC`);
    addContent(content);
    if (content === 'ET') addContent('EMC');
    return doc;
  };
  try {
    drawText();
  } finally {
    Reflect.deleteProperty(doc, 'addContent');
  }
}

/** A PDF text string in UTF-16BE with its byte-order mark, as a hex string. */
function pdfTextString(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

/**
 * PDF 1.7 defines headings H1–H6; a deeper heading is tagged with its own level (H7, H8…)
 * and role-mapped to H6, so readers that know only the standard types still see a heading.
 */
function mapDeepHeadings(doc: PDFDocument, nodes: readonly StructNode[]): void {
  const deep = [...new Set(nodes.map((n) => n.type).filter((type) => /^H([7-9]|\d{2,})$/.test(type)))];
  if (deep.length === 0) return;
  doc.getStructTreeRoot().data.RoleMap = Object.fromEntries(deep.map((type) => [type, 'H6']));
}

/** Creates pdfkit structure elements on first use, attached to their parents in that order. */
class StructureBuilder {
  private readonly nodes: Map<string, StructNode>;
  private readonly elements = new Map<string, PDFStructureElement>();

  constructor(
    private readonly doc: PDFDocument,
    nodes: readonly StructNode[],
  ) {
    this.nodes = new Map(nodes.map((n) => [n.id, n]));
  }

  type(id: string): string {
    return this.node(id).type;
  }

  element(id: string): PDFStructureElement {
    const existing = this.elements.get(id);
    if (existing) return existing;
    const node = this.node(id);
    const element = this.doc.struct(node.type, { ...(node.scope ? { scope: node.scope } : {}), ...(node.alt !== undefined ? { alt: node.alt } : {}), ...(node.lang ? { lang: node.lang } : {}) });
    if (node.elementId) element.dictionary.data.ID = new String(node.elementId);
    if (node.parent === null) this.doc.addStructure(element);
    else this.element(node.parent).add(element);
    this.elements.set(id, element);
    return element;
  }

  private node(id: string): StructNode {
    const node = this.nodes.get(id);
    if (!node) throw new Error(`layout refers to unknown structure node ${id}`);
    return node;
  }
}

/** Link actions (go to a destination, open a URI), written once per Link element and shared by its annotations. */
class LinkActions {
  private readonly byStruct = new Map<string, PDFReference>();

  constructor(private readonly doc: PDFDocument) {}

  for(struct: string, target: LinkTarget): PDFReference {
    let action = this.byStruct.get(struct);
    if (!action) {
      action = this.doc.ref(target.kind === 'internal' ? { S: 'GoTo', D: new String(target.destination) } : { S: 'URI', URI: new String(target.url) });
      action.end();
      this.byStruct.set(struct, action);
    }
    return action;
  }
}

/** Longest link description (an annotation's Contents) written out; longer link texts are shortened with an ellipsis. */
const MAX_LINK_DESCRIPTION = 200;

/** A link's text as its annotations' description: whole when short, else cut at a word with an ellipsis. */
export function linkDescription(label: string): string {
  if (label.length <= MAX_LINK_DESCRIPTION) return label;
  const cut = label.slice(0, MAX_LINK_DESCRIPTION);
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX_LINK_DESCRIPTION / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The last link drawable of each Link element, across all pages. */
function lastLinkDrawables(layout: DocumentLayout): Map<string, Drawable> {
  const last = new Map<string, Drawable>();
  for (const page of layout.pages) for (const d of page.content) if (d.kind === 'link') last.set(d.struct, d);
  return last;
}

/** Outline entries point at named destinations, so they land where the heading is. */
function addOutline(parent: PDFOutline, entries: readonly OutlineEntry[]): void {
  for (const entry of entries) {
    const item = parent.addItem(entry.title, { pageNumber: 0 });
    item.outlineData.Dest = new String(entry.destination);
    addOutline(item, entry.children);
  }
}

/**
 * pdfkit writes Info values into the XMP packet without escaping them (a title with `&`
 * breaks the XML): hand it escaped copies just for that, and add the language.
 */
function escapeXmpOnEnd(doc: PDFDocument, language: string): void {
  const endMetadata = doc.endMetadata.bind(doc);
  doc.endMetadata = () => {
    const info = doc.info;
    doc.info = Object.fromEntries(Object.entries(info).map(([key, value]) => [key, typeof value === 'string' ? escapeXml(value) : value]));
    doc.appendXML(`
        <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <dc:language><rdf:Bag><rdf:li>${escapeXml(language)}</rdf:li></rdf:Bag></dc:language>
        </rdf:Description>`);
    endMetadata();
    doc.info = info;
  };
}
