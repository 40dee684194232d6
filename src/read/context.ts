import type { Node } from 'unist';
import type { Diagnostic } from '../model/diagnostic.js';
import type { IgnoreComment, LinkRecord, SourcePosition } from '../model/types.js';
import type { AssetReader } from './load.js';
import type { AnchorRegistry } from './slug.js';

/** What reading one file's Markdown needs and collects. */
export interface ReadContext {
  file: string;
  /** Lines of front matter before the body. */
  lineOffset: number;
  /** The Markdown body, for slicing the source of nodes lwr does not interpret. */
  body: string;
  sectionId: string;
  anchors: AnchorRegistry;
  links: LinkRecord[];
  diagnostics: Diagnostic[];
  quoteCount: number;
  /** Figures read so far in this file (for ids of figures without one). */
  figureCount: number;
  /** The loader's image reader; without it images are read without their files. */
  assets?: AssetReader;
  ignores: IgnoreComment[];
}

/** The file position of an mdast node (start and, when known, end), with the front matter's lines added back. */
export function positionOf(ctx: ReadContext, node: Node): SourcePosition {
  const start = node.position?.start;
  const end = node.position?.end;
  const position: SourcePosition = { file: ctx.file, line: (start?.line ?? 1) + ctx.lineOffset, column: start?.column ?? 1 };
  if (end) {
    position.endLine = end.line + ctx.lineOffset;
    position.endColumn = end.column;
  }
  return position;
}

/** The Markdown source text of a node, exactly as written. */
export function sourceOf(ctx: ReadContext, node: Node): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? '' : ctx.body.slice(start, end);
}
