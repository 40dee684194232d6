import { diagnostic, type Diagnostic } from '../../model/diagnostic.js';
import type { Report, SourcePosition } from '../../model/types.js';
import { covers, drawnCodePoints, everyFaceHas, graphemes } from '../../fonts/coverage.js';
import type { FaceInfo, FaceKind } from '../../fonts/faces.js';
import { firstCovering } from '../../fonts/fallback.js';
import { reportTexts } from '../../fonts/report-text.js';

/** Characters no font can draw, by what they are written in: what to install for them. */
const PACKAGES: { test: RegExp; advice: string }[] = [
  { test: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]/u, advice: 'a CJK font (Debian and Ubuntu: apt-get install fonts-noto-cjk)' },
  { test: /\p{Extended_Pictographic}/u, advice: 'a monochrome emoji font (Debian and Ubuntu: apt-get install fonts-symbola; colour emoji fonts cannot be embedded in a PDF)' },
  { test: /./u, advice: 'a font for the script (Debian and Ubuntu: apt-get install fonts-noto-core, or fonts-noto-extra)' },
];

/** Whether the fonts draw a grapheme cluster: the kind's own face, or any fallback, has every character of it. */
export interface GlyphCoverage {
  (cluster: string, kind: FaceKind): boolean;
  /** A fast test for one code point in the kind's own face (most characters). */
  own: (codePoint: number, kind: FaceKind) => boolean;
}

/** Coverage by the faces the PDF would draw with (lwr's own, the report's `fonts:`, the system's). */
export function glyphCoverage(faces: readonly FaceInfo[]): GlyphCoverage {
  // A build asks once for its checks and once per edition it verifies, with the same faces.
  let coverage = coverageOf.get(faces);
  if (!coverage) coverageOf.set(faces, (coverage = newGlyphCoverage(faces)));
  return coverage;
}

const coverageOf = new WeakMap<readonly FaceInfo[], GlyphCoverage>();

function newGlyphCoverage(faces: readonly FaceInfo[]): GlyphCoverage {
  const own = new Map<FaceKind, FaceInfo | undefined>((['serif', 'sans', 'mono'] as const).map((kind) => [kind, faces.find((f) => f.origin === 'bundled' && f.kind === kind && f.weight === 400 && !f.italic)]));
  const fallbacks = faces.filter((f) => f.origin !== 'bundled');
  const known = new Map<string, boolean>();
  const ownHas = new Map([...own].map(([kind, face]) => [kind, everyFaceHas(face ? [face] : [])]));
  const covered = (cluster: string, kind: FaceKind): boolean => {
    const key = `${kind}\u0000${cluster}`;
    let covered = known.get(key);
    if (covered === undefined) {
      const codePoints = drawnCodePoints(cluster);
      const face = own.get(kind);
      covered = (face !== undefined && codePoints.every((cp) => covers(face.coverage, cp))) || firstCovering(fallbacks, codePoints) !== undefined;
      known.set(key, covered);
    }
    return covered;
  };
  return Object.assign(covered, { own: (codePoint: number, kind: FaceKind) => ownHas.get(kind)!(codePoint) });
}

/**
 * `font-missing-glyph`: characters the PDF would print as empty boxes, because neither lwr's
 * fonts nor any font it can find (the report's `fonts:`, the system's) has them. One
 * diagnostic per block, at the first such character when the source shows where it is.
 */
export function checkMissingGlyphs(report: Report, coverage: GlyphCoverage, sourceText?: (file: string) => string | undefined, lacking?: ReadonlySet<number>): Diagnostic[] {
  const byBlock = new Map<string, { at?: SourcePosition; anchor?: string; clusters: string[] }>();
  for (const piece of reportTexts(report)) {
    // Most text is in lwr's own faces: test characters one by one before segmenting clusters.
    let suspect = false;
    for (let i = 0; i < piece.text.length && !suspect; i++) {
      const cp = piece.text.codePointAt(i)!;
      if (cp > 0xffff) i++;
      suspect = !coverage.own(cp, piece.kind) && drawnCodePoints(String.fromCodePoint(cp)).length > 0;
    }
    if (!suspect) continue;
    for (const cluster of graphemes(piece.text)) {
      if (drawnCodePoints(cluster).length === 0 || coverage(cluster, piece.kind)) continue;
      // report.yaml's fields share one position: each is reported on its own, found by its text.
      const key = `${piece.at ? `${piece.at.file}:${piece.at.line}:${piece.at.column}` : ''}${piece.field ? `:${piece.field}:${piece.text}` : ''}`;
      let entry = byBlock.get(key);
      if (!entry) byBlock.set(key, (entry = { ...(piece.at ? { at: piece.at } : {}), ...(piece.field ? { anchor: piece.text } : {}), clusters: [] }));
      if (!entry.clusters.includes(cluster)) entry.clusters.push(cluster);
    }
  }
  return [...byBlock.values()].map(({ at, anchor, clusters }) => {
    const shown = clusters.slice(0, 8).map(describe).join(', ');
    const more = clusters.length > 8 ? ` and ${clusters.length - 8} more` : '';
    const message = `no font has a glyph for ${shown}${more}: the PDF would print ${clusters.length === 1 ? 'it' : 'them'} as empty boxes`;
    return diagnostic('font-missing-glyph', 'error', message, refine(at, clusters[0]!, sourceText, anchor), { hint: hintFor(clusters, lacking) });
  });
}

/**
 * What to do: the package that has the script, unless a font for it is installed already and
 * lacks the character (newer or rarer than the font): then only a font file of the report's own.
 */
function hintFor(clusters: readonly string[], lacking: ReadonlySet<number> | undefined): string {
  const own = `put a font file that has ${clusters.length === 1 ? 'it' : 'them'} in the content folder and name it in report.yaml under fonts:`;
  const installable = clusters.filter((c) => !Array.from(c).some((ch) => lacking?.has(ch.codePointAt(0)!)));
  const fonts = [...new Set(installable.map((c) => PACKAGES.find((p) => p.test.test(c))!.advice))];
  if (installable.length === clusters.length) return `install ${fonts.join(', or ')}; or ${own}`;
  const newer = `no installed font has ${clusters.length === 1 ? 'it' : clusters.filter((c) => !installable.includes(c)).map(describe).join(', ')} (a font for the script is installed, but the character is newer or rarer than it)`;
  return fonts.length > 0 ? `${newer}: ${own}; for the others, install ${fonts.join(', or ')}` : `${newer}: ${own}`;
}

/** "中" (U+4E2D); a cluster of several characters lists each code. */
function describe(cluster: string): string {
  const codes = Array.from(cluster, (ch) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
  return `"${cluster}" (${codes.join(' ')})`;
}

/**
 * The position of the first occurrence of `cluster` at or after the block's start (after
 * `anchor`, the field's own text, for report.yaml), when the source has it literally.
 */
function refine(at: SourcePosition | undefined, cluster: string, sourceText: ((file: string) => string | undefined) | undefined, anchor?: string): SourcePosition | { file?: string } {
  if (!at) return {};
  const text = sourceText?.(at.file);
  if (text === undefined) return at;
  const lines = text.split('\n');
  let offset = 0;
  for (let i = 0; i < at.line - 1 && i < lines.length; i++) offset += lines[i]!.length + 1;
  offset += at.column - 1;
  const anchored = anchor === undefined ? -1 : text.indexOf(anchor, offset);
  const found = text.indexOf(cluster, anchored === -1 ? offset : anchored);
  if (found === -1) return at;
  const before = text.slice(0, found);
  const line = before.split('\n').length;
  const column = Array.from(before.slice(before.lastIndexOf('\n') + 1)).length + 1;
  return { file: at.file, line, column };
}
