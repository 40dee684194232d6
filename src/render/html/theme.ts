import path from 'node:path';
import { createRequire } from 'node:module';
import { parse } from 'yaml';
import { z } from 'zod';
import type { RenderContext, RenderedFile } from '../types.js';

/** A file name in one folder: the names are copied into dist/html/assets, and a path could escape it. */
const fileName = z.string().regex(/^[^/\\.][^/\\]*$/, 'must be a plain file name, without folders');

/** A font file name with `{subset}` where the package's subsets differ. */
const subsetFile = fileName.refine((name) => name.includes('{subset}'), 'must contain {subset} (e.g. source-serif-4-{subset}-opsz-normal.woff2)');

/** The HTML edition's theme manifest, `templates/html/theme.yaml`. */
const ThemeSchema = z.object({
  page: fileName,
  assets: z.array(fileName).default([]),
  fonts: z
    .array(
      z.object({
        package: z.string().min(1),
        /** The CSS family name lwr.css uses. */
        family: z.string().min(1),
        /** The weights the (variable) files cover, as CSS writes them: `400` or `200 900`. */
        weight: z.string().regex(/^\d{3}( \d{3})?$/, 'must be a weight such as 400, or a range such as 200 900'),
        /** The file of each style, `{subset}` standing for latin, latin-ext, greek, cyrillic, vietnamese… */
        files: z.strictObject({ normal: subsetFile, italic: subsetFile.optional() }),
        license: fileName.default('LICENSE'),
      }),
    )
    .default([]),
});
export type Theme = z.infer<typeof ThemeSchema>;

/** Folder of the HTML edition's templates inside the templates folder. */
export const htmlTemplatesFolder = (context: RenderContext): string => path.join(context.templatesDir, 'html');

/** Read and validate the theme manifest; a broken manifest is a broken build, so it throws with every problem listed. */
export function readTheme(context: RenderContext): Theme {
  const file = path.join(htmlTemplatesFolder(context), 'theme.yaml');
  const parsed = ThemeSchema.safeParse(parse(new TextDecoder().decode(context.readAsset(file))));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(top)'}: ${issue.message}`).join('\n');
    throw new Error(`${file} is not a valid theme:\n${problems}`);
  }
  return parsed.data;
}

/** The theme's static files (stylesheet, icon), copied from the templates folder to `assets/`. */
export function themeAssetFiles(theme: Theme, context: RenderContext): RenderedFile[] {
  return theme.assets.map((name) => ({
    path: `assets/${name}`,
    contents: context.readAsset(path.join(htmlTemplatesFolder(context), name)),
  }));
}

const requireFromHere = createRequire(import.meta.url);

/**
 * The theme's fonts, copied from their npm packages to `assets/fonts/`, each package's licence
 * beside them (the SIL Open Font License asks for it to travel with the fonts), and
 * `assets/fonts/fonts.css`, their `@font-face` rules. Fontsource packages split a font into
 * subsets by script (`unicode.json`); only the subsets whose characters the report uses are
 * copied, and each rule carries its `unicode-range`, so the browser fetches only what a page
 * shows and draws every letter (Welsh ŵ, Polish ł) with the page's own font.
 */
export function themeFontFiles(theme: Theme, context: RenderContext, codePoints: ReadonlySet<number>): RenderedFile[] {
  if (theme.fonts.length === 0) return [];
  const files: RenderedFile[] = [];
  const rules: string[] = [];
  for (const font of theme.fonts) {
    const folder = fontPackageFolder(font.package, font.license);
    const subsets = JSON.parse(new TextDecoder().decode(context.readAsset(path.join(folder, 'unicode.json')))) as Record<string, string>;
    for (const [subset, range] of Object.entries(subsets)) {
      if (subset !== 'latin' && !usesRange(codePoints, range)) continue;
      for (const [style, pattern] of Object.entries(font.files)) {
        if (!pattern) continue;
        const name = pattern.replace('{subset}', subset);
        files.push({ path: `assets/fonts/${name}`, contents: context.readAsset(path.join(folder, 'files', name)) });
        rules.push(`@font-face {\n  font-family: "${font.family}";\n  font-style: ${style};\n  font-weight: ${font.weight};\n  font-display: swap;\n  src: url("${name}") format("woff2");\n  unicode-range: ${range};\n}\n`);
      }
    }
    const licenseName = `${font.package.replace(/^@/, '').replace(/\//g, '-')}-${font.license}.txt`;
    files.push({ path: `assets/fonts/${licenseName}`, contents: context.readAsset(path.join(folder, font.license)) });
  }
  files.push({ path: 'assets/fonts/fonts.css', contents: `/* The page's fonts (templates/html/theme.yaml): only the subsets this report's text uses. */\n\n${rules.join('\n')}` });
  return files;
}

/** Whether any code point falls in a CSS unicode-range (`U+0000-00FF,U+0131`). */
function usesRange(codePoints: ReadonlySet<number>, range: string): boolean {
  const spans = range.split(',').map((part) => {
    const [a, b] = part.trim().replace(/^U\+/i, '').split('-');
    const start = parseInt(a!, 16);
    return [start, b === undefined ? start : parseInt(b, 16)] as const;
  });
  for (const cp of codePoints) if (spans.some(([start, end]) => cp >= start && cp <= end)) return true;
  return false;
}

/** Where an installed font package lives. Fontsource packages export their licence file, so it is resolved through it. */
function fontPackageFolder(packageName: string, license: string): string {
  try {
    return path.dirname(requireFromHere.resolve(`${packageName}/${license}`));
  } catch {
    throw new Error(`the font package ${packageName} named in templates/html/theme.yaml is not installed (npm install ${packageName})`);
  }
}
