import { covers } from './coverage.js';
import type { FaceInfo, FaceStyle } from './faces.js';

/**
 * Fallback faces in the order a style tries them: the report's own fonts first, then the
 * system's, each ranked by how well it matches the style (serif, sans or monospaced; weight;
 * italic) and, for Chinese, Japanese and Korean, the language's regional forms; for an emoji,
 * faces made for emoji come first. Pure and
 * deterministic: the same fonts give the same order on every machine.
 */
export function rankFallbacks(faces: readonly FaceInfo[], style: FaceStyle, lang?: string, emoji = false): FaceInfo[] {
  const region = cjkRegion(lang);
  const scored = faces
    .filter((face) => face.origin !== 'bundled')
    .map((face) => ({ face, score: score(face, style, region) - (emoji && EMOJI.test(face.family) ? 50_000 : 0) }));
  scored.sort((a, b) => a.score - b.score || a.face.family.localeCompare(b.face.family) || a.face.path.localeCompare(b.face.path) || a.face.index - b.face.index);
  return scored.map((s) => s.face);
}

/** The first face of `faces` with a glyph for every code point, or undefined. */
export function firstCovering(faces: readonly FaceInfo[], codePoints: readonly number[]): FaceInfo | undefined {
  return faces.find((face) => codePoints.every((cp) => covers(face.coverage, cp)));
}

// Faces made for emoji: an emoji is drawn by one of these when one has it, so emoji look alike.
const EMOJI = /Emoji|Symbola/i;

// Designs that suit a few words at most, or another purpose: used only when nothing else has the character.
const SPECIALTY = /\b(Kufi|Nastaliq|Looped|Rashi|Display|UI|Unjoined|Condensed|Math|Music)\b/i;

/** Lower is better. */
function score(face: FaceInfo, style: FaceStyle, region: string): number {
  let s = face.origin === 'publisher' ? 0 : 100_000;
  if (SPECIALTY.test(face.family)) s += 20_000;
  if (kindOf(face) !== style.kind) s += style.kind === 'mono' || kindOf(face) === 'mono' ? 8_000 : 4_000;
  if (/\b(CJK|SC|TC|HK|JP|KR)\b/.test(face.family) && !new RegExp(`\\b${region}\\b`).test(face.family)) s += 2_000;
  if (!face.family.startsWith('Noto')) s += 1_000;
  if (face.italic !== style.italic) s += 500;
  s += Math.abs(face.weight - style.weight);
  return s;
}

/** Whether a face's design reads as serif, sans or monospaced, from what fontconfig and its name say. */
function kindOf(face: FaceInfo): FaceStyle['kind'] {
  if (face.kind === 'mono' || /\bMono\b/i.test(face.family)) return 'mono';
  if (/Serif|Naskh|Mincho|Song|Ming|Batang|Myungjo/i.test(face.family)) return 'serif';
  return face.kind === 'serif' ? 'serif' : 'sans';
}

/** The regional form of Han characters a language expects (Noto CJK's naming); Simplified Chinese by default. */
export function cjkRegion(lang: string | undefined): string {
  if (!lang) return 'SC';
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(lang).maximize();
  } catch {
    return 'SC';
  }
  if (locale.language === 'ja') return 'JP';
  if (locale.language === 'ko') return 'KR';
  if (locale.language === 'zh' || locale.language === 'yue') {
    if (locale.region === 'HK' || locale.region === 'MO') return 'HK';
    return locale.script === 'Hant' ? 'TC' : 'SC';
  }
  return 'SC';
}
