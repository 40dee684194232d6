/** The part of svg-to-pdfkit (0.1.8, untyped for pdfkit 0.20) that lwr's PDF renderer uses. */
declare module 'svg-to-pdfkit' {
  import type PDFDocument from 'pdfkit';

  export interface SvgToPdfOptions {
    width?: number;
    height?: number;
    preserveAspectRatio?: string;
    /** The registered font to set SVG text in. */
    fontCallback?: (family: string, bold: boolean, italic: boolean, options: { fauxItalic: boolean; fauxBold: boolean }) => string;
    /** What an `<image href>` becomes before pdfkit opens it. */
    imageCallback?: (href: string) => unknown;
    /** Loads another SVG document for `<use href="other.svg#id">`. */
    documentCallback?: (file: string) => unknown;
    warningCallback?: (message: string) => void;
  }

  export default function SVGtoPDF(doc: PDFDocument, svg: string, x: number, y: number, options?: SvgToPdfOptions): void;
}
