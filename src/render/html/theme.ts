import path from 'node:path';
import { createRequire } from 'node:module';
import { parse } from 'yaml';
import { z } from 'zod';
import type { RenderContext, RenderedFile } from '../types.js';

/** A file name in one folder: the names are copied into dist/html/assets, and a path could escape it. */
const fileName = z.string().regex(/^[^/\\.][^/\\]*$/, 'must be a plain file name, without folders');

/** The HTML edition's theme manifest, `templates/html/theme.yaml`. */
const ThemeSchema = z.object({
  page: fileName,
  assets: z.array(fileName).default([]),
  fonts: z.array(z.object({ package: z.string().min(1), files: z.array(fileName).min(1), license: fileName.default('LICENSE') })).default([]),
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
 * beside them (the SIL Open Font License asks for it to travel with the fonts).
 */
export function themeFontFiles(theme: Theme, context: RenderContext): RenderedFile[] {
  return theme.fonts.flatMap((font) => {
    const folder = fontPackageFolder(font.package, font.license);
    const licenseName = `${font.package.replace(/^@/, '').replace(/\//g, '-')}-${font.license}.txt`;
    return [
      ...font.files.map((name) => ({ path: `assets/fonts/${name}`, contents: context.readAsset(path.join(folder, 'files', name)) })),
      { path: `assets/fonts/${licenseName}`, contents: context.readAsset(path.join(folder, font.license)) },
    ];
  });
}

/** Where an installed font package lives. Fontsource packages export their licence file, so it is resolved through it. */
function fontPackageFolder(packageName: string, license: string): string {
  try {
    return path.dirname(requireFromHere.resolve(`${packageName}/${license}`));
  } catch {
    throw new Error(`the font package ${packageName} named in templates/html/theme.yaml is not installed (npm install ${packageName})`);
  }
}
