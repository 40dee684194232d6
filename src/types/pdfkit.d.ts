/**
 * The parts of pdfkit (0.20) that lwr's PDF renderer uses. pdfkit ships no TypeScript types
 * and @types/pdfkit lags behind (no tagged-PDF structure API), so we declare what we call.
 */
declare module 'pdfkit' {
  import type { Readable } from 'node:stream';
  import type { Font } from 'fontkit';

  /** Marked content on a page, handed to a structure element. */
  export interface PDFStructureContent {
    readonly refs: unknown[];
  }

  export interface PDFDictionaryRef {
    data: Record<string, unknown>;
  }

  export interface PDFStructureElement {
    readonly dictionary: PDFDictionaryRef;
    add(child: PDFStructureElement | PDFStructureContent): this;
    end(): void;
  }

  export interface StructureOptions {
    title?: string;
    lang?: string;
    alt?: string;
    expanded?: string;
    actual?: string;
    scope?: 'Row' | 'Column' | 'Both';
  }

  export interface PDFOutline {
    readonly outlineData: Record<string, unknown>;
    addItem(title: string, options?: { pageNumber?: number; expanded?: boolean }): PDFOutline;
  }

  /** An indirect object: its dictionary, and `end()` writes it (with stream data, if any). */
  export interface PDFReference {
    data: Record<string, unknown>;
    end(data?: Uint8Array | string): void;
  }

  export interface AnnotationOptions {
    structParent?: PDFStructureElement;
    /** A PDF text string: pass a `String` object (a plain string would become a PDF name). */
    Contents?: String;
  }

  export interface TextOptions {
    lineBreak?: boolean;
    baseline?: 'top' | 'alphabetic' | 'middle' | 'bottom' | number;
    features?: string[];
  }

  export interface PDFDocumentOptions {
    size?: [number, number];
    margin?: number;
    autoFirstPage?: boolean;
    bufferPages?: boolean;
    compress?: boolean;
    pdfVersion?: '1.4' | '1.5' | '1.6' | '1.7';
    tagged?: boolean;
    subset?: 'PDF/UA';
    lang?: string;
    displayTitle?: boolean;
    /** Default font; null opens none (we always set our own). */
    font?: string | null;
    info?: Record<string, string | Date>;
  }

  /** An image opened once (`openImage`) and drawn as often as needed, embedded once. */
  export interface PDFImage {
    readonly width: number;
    readonly height: number;
  }

  export default class PDFDocument extends Readable {
    constructor(options?: PDFDocumentOptions);
    info: Record<string, string | Date>;
    readonly outline: PDFOutline;
    readonly page: { width: number; height: number; annotations: unknown[] };

    openImage(src: Uint8Array): PDFImage;
    image(image: PDFImage, x: number, y: number, options?: { width?: number; height?: number }): this;

    addPage(options?: { size?: [number, number]; margin?: number }): this;
    registerFont(name: string, src: Font | Uint8Array): this;
    font(name: string): this;
    fontSize(size: number): this;
    fillColor(color: string): this;
    strokeColor(color: string): this;
    lineWidth(width: number): this;
    text(text: string, x: number, y: number, options?: TextOptions): this;
    rect(x: number, y: number, width: number, height: number): this;
    moveTo(x: number, y: number): this;
    lineTo(x: number, y: number): this;
    fill(color?: string): this;
    stroke(color?: string): this;
    save(): this;
    restore(): this;

    link(x: number, y: number, width: number, height: number, url: string, options?: AnnotationOptions): this;
    goTo(x: number, y: number, width: number, height: number, destination: string, options?: AnnotationOptions): this;
    /** A new indirect object holding `data` (a dictionary); call `end()` on it once. */
    ref(data?: Record<string, unknown>): PDFReference;
    /** An annotation of any subtype; `A` may be a shared action reference. */
    annotate(x: number, y: number, width: number, height: number, options: AnnotationOptions & { Subtype: 'Link'; A: PDFReference }): this;
    addNamedDestination(name: string, fit: 'XYZ', x: number, y: number, zoom: number | null): void;

    struct(type: string, options?: StructureOptions): PDFStructureElement;
    addStructure(element: PDFStructureElement): this;
    /** The document's structure tree root dictionary (created on first use). */
    getStructTreeRoot(): { data: Record<string, unknown> };
    markContent(tag: 'Artifact', options?: { type?: 'Pagination' | 'Layout' | 'Page' }): this;
    /** Append raw operators to the page's content stream. */
    addContent(content: string): this;
    markStructureContent(tag: string): PDFStructureContent;
    endMarkedContent(): this;

    /** Writes the XMP packet from `info` at `end()`; internal, wrapped to escape the XML. */
    endMetadata(): void;
    appendXML(xml: string, newline?: boolean): void;
    end(): void;
  }
}
