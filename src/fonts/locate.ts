import { spawnSync } from 'node:child_process';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import type { FontSetting } from '../model/types.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { findInside } from '../read/content-files.js';
import { bundledFaces } from './bundled.js';
import { covers, everyFaceHas, isIgnorable, isLayoutControl, parseCharset, rangesOf } from './coverage.js';
import type { FaceInfo } from './faces.js';
import type { TextPiece } from './report-text.js';

/**
 * Where fonts come from: the one module that looks for font files on disk. lwr's own faces
 * are in the package's `fonts/`; the report's own files are named in report.yaml (`fonts:`);
 * for characters neither has, the system's fonts are listed through fontconfig (`fc-list`),
 * as typst, WeasyPrint and LaTeX find theirs. Everything it returns is data (paths and
 * coverage); the PDF renderer opens only the files its text needs.
 */
export interface FontLibrary {
  faces: FaceInfo[];
  /** A `fonts:` entry that is not there or is not a font. */
  problems: Diagnostic[];
  /**
   * Characters no font has although a font for their script is installed (an emoji newer than
   * the emoji font, a rare Han character): installing the usual package would not help.
   */
  lacking?: ReadonlySet<number>;
}

/** lwr's own faces, from the installed package. */
export const ownFaces = (): FaceInfo[] => bundledFaces(path.join(PACKAGE_ROOT, 'fonts'));

/**
 * The fonts for a report's text: lwr's own, the report's `fonts:` (relative to
 * `contentRoot`), and the system's fonts that have a character neither has — fontconfig is
 * not asked at all when lwr's fonts have every character.
 */
export function locateFonts(texts: readonly Pick<TextPiece, 'text' | 'kind'>[], settings: readonly FontSetting[], contentRoot: string): FontLibrary {
  const own = ownFaces();
  const problems: Diagnostic[] = [];
  const publisher = settings.flatMap((setting) => publisherFaces(setting, contentRoot, problems));
  // A character is missing when a face of the kind that sets it (serif, sans, code) lacks it.
  const ownHas = new Map((['serif', 'sans', 'mono'] as const).map((kind) => [kind, everyFaceHas(own.filter((face) => face.kind === kind))]));
  const missing = new Set<number>();
  for (const { text, kind } of texts) {
    const has = ownHas.get(kind)!;
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++;
      if (has(cp) || missing.has(cp) || isIgnorable(cp) || isLayoutControl(cp)) continue;
      missing.add(cp);
    }
  }
  for (const cp of [...missing]) if (publisher.some((face) => covers(face.coverage, cp))) missing.delete(cp);
  if (missing.size === 0) return { faces: [...own, ...publisher], problems };
  const installed = systemFaces();
  const system = installed.filter((face) => [...missing].some((cp) => covers(face.coverage, cp)));
  const nowhere = [...missing].filter((cp) => !system.some((face) => covers(face.coverage, cp)));
  const lacking = new Set(nowhere.filter((cp) => scriptFontInstalled(cp, [...publisher, ...installed])));
  return { faces: [...own, ...publisher, ...system], problems, ...(lacking.size > 0 ? { lacking } : {}) };
}

const EMOJI = /\p{Extended_Pictographic}/u;
const HANGUL = /\p{Script=Hangul}/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HAN = /[\p{Script=Han}\p{Script=Bopomofo}]/u;

/**
 * Whether a font for the script of `codePoint` is installed although none has the character:
 * an emoji font (it has 😀), a CJK font (中, あ, 가), or for other scripts a font with
 * characters of the same Unicode block.
 */
function scriptFontInstalled(codePoint: number, faces: readonly FaceInfo[]): boolean {
  const ch = String.fromCodePoint(codePoint);
  const probe = EMOJI.test(ch) ? 0x1f600 : HANGUL.test(ch) ? 0xac00 : KANA.test(ch) ? 0x3042 : HAN.test(ch) ? 0x4e2d : undefined;
  if (probe !== undefined) return faces.some((face) => covers(face.coverage, probe));
  const block = codePoint & ~0x7f;
  return faces.some((face) => {
    for (let cp = block; cp <= block + 0x7f; cp++) if (cp !== codePoint && covers(face.coverage, cp)) return true;
    return false;
  });
}

const FIELDS = '%{file}\\t%{index}\\t%{family[0]}\\t%{postscriptname}\\t%{weight}\\t%{slant}\\t%{spacing}\\t%{outline}\\t%{charset}\\n';
let systemCache: FaceInfo[] | undefined;

/** Every font fontconfig knows that lwr can draw with (outline fonts; colour bitmap emoji fonts cannot be embedded). */
export function systemFaces(): FaceInfo[] {
  if (systemCache) return systemCache;
  const listed = spawnSync('fc-list', ['--format', FIELDS], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  systemCache = listed.status === 0 ? parseFontconfig(listed.stdout, 'system') : [];
  return systemCache;
}

/** fontconfig's listing (the FIELDS format) as faces. */
export function parseFontconfig(listing: string, origin: FaceInfo['origin']): FaceInfo[] {
  const faces: FaceInfo[] = [];
  for (const line of listing.split('\n')) {
    const [file, index, family, postscriptName, weight, slant, spacing, outline, charset] = line.split('\t');
    if (!file || charset === undefined || outline !== 'True' || !/\.(ttf|otf|ttc|otc)$/i.test(file)) continue;
    const faceIndex = Number(index);
    // Named instances of a variable font (index ≥ 2^16) cannot be opened by index: the font's own entry stands for them.
    if (!Number.isInteger(faceIndex) || faceIndex >= 0x10000) continue;
    faces.push({
      id: `${path.basename(file)}#${faceIndex}`,
      path: file,
      index: faceIndex,
      ...(postscriptName ? { postscriptName } : {}),
      family: family ?? path.basename(file),
      kind: spacing === '100' ? 'mono' : /serif/i.test(family ?? '') && !/sans/i.test(family ?? '') ? 'serif' : 'sans',
      weight: cssWeight(Number(weight)),
      italic: Number(slant) > 0,
      coverage: parseCharset(charset),
      origin,
    });
  }
  return faces;
}

/** fontconfig's weight scale as CSS weights. */
function cssWeight(fc: number): number {
  const steps: [number, number][] = [[0, 100], [40, 200], [50, 300], [80, 400], [100, 500], [180, 600], [200, 700], [205, 800], [210, 900]];
  let best = 400;
  let distance = Infinity;
  for (const [fcWeight, css] of steps) {
    if (Math.abs(fcWeight - fc) < distance) [best, distance] = [css, Math.abs(fcWeight - fc)];
  }
  return best;
}

/** The faces of one `fonts:` file: fontconfig describes it (fc-query), else fontkit reads its cmap. */
function publisherFaces(setting: FontSetting, contentRoot: string, problems: Diagnostic[]): FaceInfo[] {
  const problem = (message: string, hint: string) => {
    problems.push(diagnostic('config-invalid', 'error', `fonts: ${setting.file} ${message}`, setting.source, { hint }));
    return [];
  };
  // Judged by its path, and link by link inside the content folder, before anything is opened:
  // whether a file outside the folder exists is never looked at, nor said.
  const found = findInside(realpathSync(contentRoot), setting.file);
  if ('problem' in found && found.problem === 'outside') return problem('is outside the content folder', 'copy the font into the content folder, beside its licence, and name it from there');
  if ('problem' in found || !statSync(found.path).isFile()) return problem('does not exist', `font files are named relative to the content folder (${contentRoot})`);
  const real = found.path;
  const queried = spawnSync('fc-query', ['--format', FIELDS, real], { encoding: 'utf8' });
  if (queried.status === 0 && queried.stdout.trim()) {
    const faces = parseFontconfig(queried.stdout, 'publisher').map((face) => ({ ...face, id: `report:${setting.file}#${face.index}` }));
    if (faces.length > 0) return faces;
    return problem('is not an outline font lwr can embed', 'name a TrueType or OpenType font (.ttf, .otf, .ttc); colour bitmap fonts cannot be embedded in a PDF');
  }
  return fontkitFaces(real, setting, problem);
}

/** Without fontconfig: read the font's cmap with fontkit (loaded only then). */
function fontkitFaces(file: string, setting: FontSetting, problem: (message: string, hint: string) => FaceInfo[]): FaceInfo[] {
  type Opened = { familyName: string; postscriptName: string; characterSet: number[]; 'OS/2'?: { usWeightClass?: number }; italicAngle?: number };
  let fontkit: { create(data: Uint8Array): Opened | { fonts: Opened[] } };
  try {
    // Loaded only here: fontkit takes a tenth of a second to load, and is needed only without fontconfig.
    fontkit = createRequire(import.meta.url)('fontkit') as typeof fontkit;
    const opened = fontkit.create(readFileSync(file));
    const fonts = 'fonts' in opened ? opened.fonts : [opened];
    return fonts.map((font, index) => ({
      id: `report:${setting.file}#${index}`,
      path: file,
      index,
      postscriptName: font.postscriptName,
      family: font.familyName,
      kind: /mono/i.test(font.familyName) ? 'mono' : /serif/i.test(font.familyName) && !/sans/i.test(font.familyName) ? 'serif' : 'sans',
      weight: font['OS/2']?.usWeightClass ?? 400,
      italic: (font.italicAngle ?? 0) !== 0,
      coverage: rangesOf(font.characterSet),
      origin: 'publisher' as const,
    }));
  } catch {
    return problem('is not a font lwr can read', 'name a TrueType or OpenType font (.ttf, .otf, .ttc)');
  }
}
