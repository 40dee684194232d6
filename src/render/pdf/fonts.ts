import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';
import { covers, drawnCodePoints } from '../../fonts/coverage.js';
import { BUNDLED_FACES, type FaceInfo, type FontKey } from '../../fonts/faces.js';
import { cjkRegion, firstCovering, rankFallbacks } from '../../fonts/fallback.js';
import type { RenderContext } from '../types.js';
import type { FaceId } from './layout/types.js';
import { withShapingCache } from './shaping-cache.js';

const EMOJI = /\p{Extended_Pictographic}/u;
/** Code points below this are looked up in a bitmap of each face's own coverage. */
const LOW = 0x3000;

/**
 * The PDF's fonts: lwr's own faces (Source Serif 4, Source Sans 3, Source Code Pro) and the
 * fallbacks the publisher found for what they lack (the report's `fonts:`, the system's fonts).
 * A face is opened only when the text first needs it, so a CJK collection of tens of
 * megabytes is read only by a report that has Chinese in it.
 */
export interface FontBook {
  /**
   * The face of `key`'s stack with a glyph for every character of the cluster; `near`, the
   * face of the text just before, when lwr's own face lacks the cluster and `near` has it (a
   * danda after Hindi, a comma after Arabic stay in the face of their words).
   */
  faceFor(cluster: string, key: FontKey, lang?: string, near?: FaceId): FaceId | undefined;
  /** Whether `key`'s own face has every character of `text` (a fast test for whole runs of ordinary text). */
  ownFaceHas(text: string, key: FontKey): boolean;
  /** A face's font, opened on first use. */
  font(face: FaceId): Font;
  /** Every face opened so far, for the drawing layer to register. */
  opened(): [FaceId, Font][];
}

// Fonts opened in this process, by file and face: a font decodes its tables (cmap, GSUB, GPOS)
// as it is used, so the editions of one build share that work. Reused only for the same bytes.
const openedFonts = new Map<string, { data: Uint8Array; font: Font }>();

function openedFont(face: FaceInfo, data: Uint8Array): Font {
  const key = `${face.path}\u0000${face.postscriptName ?? ''}\u0000${face.index}`;
  const known = openedFonts.get(key);
  if (known && Buffer.from(known.data.buffer, known.data.byteOffset, known.data.byteLength).equals(data)) return known.font;
  const created = fontkit.create(data);
  const single = 'fonts' in created ? ((face.postscriptName ? created.getFont(face.postscriptName) : null) ?? created.fonts[face.index]) : created;
  if (!single) throw new Error(`${face.path} has no face ${face.postscriptName ?? face.index}`);
  const font = withShapingCache(single);
  openedFonts.set(key, { data, font });
  return font;
}

/** A font book over `faces`, reading font files through the render context. */
export function openFontBook(faces: readonly FaceInfo[], readAsset: RenderContext['readAsset']): FontBook {
  const byId = new Map(faces.map((face) => [face.id, face]));
  const fonts = new Map<FaceId, Font>();
  const files = new Map<string, Uint8Array>();
  const own = new Map<FontKey, Map<string, FaceId | null>>();
  const ranked = new Map<string, FaceInfo[]>();
  const fallback = new Map<string, Map<string, FaceId | null>>();

  const font = (id: FaceId): Font => {
    let opened = fonts.get(id);
    if (opened) return opened;
    const face = byId.get(id);
    if (!face) throw new Error(`the PDF asked for a font lwr does not have: ${id}`);
    let data = files.get(face.path);
    if (!data) files.set(face.path, (data = readAsset(face.path)));
    opened = openedFont(face, data);
    fonts.set(id, opened);
    return opened;
  };

  // Most text is one UTF-16 unit per cluster in a face's own range: answered from a bitmap.
  const ownLow = new Map<FontKey, Uint8Array>();
  const lowBitmap = (key: FontKey): Uint8Array => {
    let bits = ownLow.get(key);
    if (!bits) {
      bits = new Uint8Array(LOW);
      const face = byId.get(key);
      for (const [start, end] of face?.coverage ?? []) for (let cp = start; cp <= end && cp < LOW; cp++) bits[cp] = 1;
      ownLow.set(key, bits);
    }
    return bits;
  };

  const faceFor = (cluster: string, key: FontKey, lang?: string, near?: FaceId): FaceId | undefined => {
    if (cluster.length === 1) {
      const code = cluster.charCodeAt(0);
      if (code < LOW && lowBitmap(key)[code] === 1) return key;
    }
    let byCluster = own.get(key);
    if (!byCluster) own.set(key, (byCluster = new Map()));
    let known = byCluster.get(cluster);
    if (known === undefined) {
      const primary = byId.get(key);
      known = !primary || drawnCodePoints(cluster).every((cp) => covers(primary.coverage, cp)) ? key : null;
      byCluster.set(cluster, known);
    }
    if (known !== null) return known;
    const nearFace = near !== undefined && near !== key ? byId.get(near) : undefined;
    if (nearFace && nearFace.origin !== 'bundled' && drawnCodePoints(cluster).every((cp) => covers(nearFace.coverage, cp))) return near;
    return fallbackFor(cluster, key, lang);
  };

  const fallbackFor = (cluster: string, key: FontKey, lang: string | undefined): FaceId | undefined => {
    const emoji = EMOJI.test(cluster);
    const stackKey = `${key}|${cjkRegion(lang)}|${emoji}`;
    let byCluster = fallback.get(stackKey);
    if (!byCluster) fallback.set(stackKey, (byCluster = new Map()));
    const known = byCluster.get(cluster);
    if (known !== undefined) return known ?? undefined;
    let stack = ranked.get(stackKey);
    if (!stack) ranked.set(stackKey, (stack = rankFallbacks(faces, BUNDLED_FACES[key], lang, emoji)));
    const found = firstCovering(stack, drawnCodePoints(cluster))?.id ?? null;
    byCluster.set(cluster, found);
    return found ?? undefined;
  };

  const ownFaceHas = (text: string, key: FontKey): boolean => {
    const bits = lowBitmap(key);
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code >= LOW || bits[code] !== 1) return false;
    }
    return true;
  };

  return { faceFor, ownFaceHas, font, opened: () => [...fonts.entries()] };
}
