import type { FaceInfo } from '../fonts/faces.js';
import type { EditionConfig, Report } from '../model/types.js';

export type Format = 'html' | 'pdf' | 'text';
export const FORMATS: readonly Format[] = ['html', 'pdf', 'text'];

/** A file a renderer produced, relative to its format's folder (e.g. `index.html`). */
export interface RenderedFile {
  path: string;
  contents: Uint8Array | string;
}

/** Everything a renderer may use besides the model. Renderers never touch the disk themselves. */
export interface RenderContext {
  edition: EditionConfig;
  /** The date shown or embedded: SOURCE_DATE_EPOCH when set, so builds are reproducible. */
  buildDate: Date;
  /** True when the date came from SOURCE_DATE_EPOCH. */
  reproducible: boolean;
  lwrVersion: string;
  /** Folder of the templates (page shell, partials, CSS) an editor may restyle. */
  templatesDir: string;
  /** Read a file (template, font) by absolute path. Injected so renderers stay pure in tests. */
  readAsset: (absolutePath: string) => Uint8Array;
  /**
   * The bytes of the edition's image files by sha256, read once by the loader and handed over
   * by the publisher: a renderer never opens a path written in the Markdown.
   */
  images?: ReadonlyMap<string, Uint8Array>;
  /**
   * The fonts the PDF may draw with (lwr's own, the report's `fonts:`, the system's that the
   * text needs), found by the publisher; lwr's own faces when absent.
   */
  fonts?: FaceInfo[];
  options: {
    /** Text edition: wrap width in columns. */
    width?: number;
    /** Text edition: transliterate typographic punctuation to ASCII. */
    ascii?: boolean;
    /** PDF edition: page size. */
    pageSize?: 'A4' | 'Letter';
    /** HTML edition served by `lwr watch`: the path of its live-reload script. */
    liveReloadScript?: string;
  };
}

/**
 * A renderer turns the model (already narrowed to one edition) into files. Each format lives
 * in `src/render/<format>/index.ts` and exports `render` with this type.
 */
export type Renderer = (report: Report, context: RenderContext) => Promise<RenderedFile[]>;
