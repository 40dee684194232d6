import { parseDocument } from 'yaml';
import { z } from 'zod';
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import type { ReportMeta } from '../model/types.js';
import type { SourceFile } from './load.js';
import { schemaIssuesToDiagnostics } from './schema-issues.js';
import { slugify } from './slug.js';
import { yamlKeyLines } from './yaml-positions.js';

const kebabId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case');
const format = z.enum(['html', 'pdf', 'text']);

/** A PDF page size: `A4` or `Letter`, written in any case (`a4`, `LETTER`), named as lwr names them. */
export const PageSizeSchema = z.preprocess((v) => (typeof v === 'string' ? ({ a4: 'A4', letter: 'Letter' } as Record<string, string>)[v.toLowerCase()] ?? v : v), z.enum(['A4', 'Letter']));

const editionShape = {
  id: kebabId,
  title: z.string().min(1),
  formats: z.array(format).min(1).default(['html', 'pdf', 'text']),
  sections: z.array(kebabId).min(1).optional(),
  exclude: z.array(kebabId).optional(),
  // Page sizes in any case, as --page-size takes them ("letter", "a4").
  pdf: z.strictObject({ pageSize: PageSizeSchema.optional() }).optional(),
  text: z.strictObject({ width: z.number().int().min(20).max(400).optional() }).optional(),
};

const configShape = {
  title: z.string().min(1),
  subtitle: z.string().optional(),
  year: z.number().int().optional(),
  publisher: z.string().optional(),
  authors: z.array(z.string()).default([]),
  designer: z.string().optional(),
  funder: z.string().optional(),
  programmeManager: z.string().optional(),
  language: z.string().default('en-GB'),
  slug: kebabId.optional(),
  rules: z.record(z.string(), z.enum(['error', 'warning', 'info', 'off'])).default({}),
  fonts: z.array(z.string().regex(/\.(ttf|otf|ttc|otc)$/i, 'must name a TrueType or OpenType font file (.ttf, .otf, .ttc), relative to the content folder')).optional(),
  editions: z.array(z.strictObject(editionShape)).min(1).optional(),
};

/** report.yaml, validated (its JSON Schema, for editors, is derived from it). */
export const ConfigSchema = z.strictObject(configShape);

const DEFAULT_EDITIONS: ReportMeta['editions'] = [{ id: 'full', title: 'Full report', formats: ['html', 'pdf', 'text'] }];

/** Metadata for content without report.yaml (a small fixture, a new report). */
export function defaultMeta(): ReportMeta {
  return { title: 'Untitled report', authors: [], language: 'en-GB', slug: 'report', rules: {}, editions: DEFAULT_EDITIONS };
}

/** Read and validate report.yaml into the report's metadata; every invalid field is reported. */
export function readConfig(file: SourceFile | undefined): { meta?: ReportMeta; diagnostics: Diagnostic[] } {
  if (!file) return { meta: defaultMeta(), diagnostics: [] };
  const doc = parseDocument(file.text, { prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      diagnostics: doc.errors.map((e) =>
        diagnostic('config-invalid', 'error', `report.yaml is not valid YAML: ${e.message.split('\n')[0]}`, { file: file.path, line: e.linePos?.[0]?.line ?? 1, column: e.linePos?.[0]?.col ?? 1 }, { fatal: true }),
      ),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (error) {
    // The yaml package refuses alias bombs ("billion laughs") instead of expanding them.
    return {
      diagnostics: [
        diagnostic('config-invalid', 'error', `report.yaml cannot be read: ${(error as Error).message}`, { file: file.path, line: 1, column: 1 }, { fatal: true, hint: 'write values out instead of repeating them through aliases (*name)' }),
      ],
    };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { diagnostics: [diagnostic('config-invalid', 'error', 'report.yaml must be a mapping of keys to values', { file: file.path, line: 1, column: 1 }, { fatal: true })] };
  }
  const parsed = ConfigSchema.safeParse(data);
  if (!parsed.success) {
    return {
      diagnostics: schemaIssuesToDiagnostics(parsed.error.issues, {
        ruleId: 'config-invalid',
        file: file.path,
        keyLines: yamlKeyLines(file.text),
        lineOffset: 0,
        knownKeys: (path) => (path.length === 0 ? Object.keys(configShape) : path[0] === 'editions' ? Object.keys(editionShape) : []),
      }),
    };
  }
  const c = parsed.data;
  const nameProblems = fileNameProblems(c, file);
  if (nameProblems.length) return { diagnostics: nameProblems };
  const keyLines = yamlKeyLines(file.text);
  const meta: ReportMeta = {
    title: c.title,
    authors: c.authors,
    language: c.language,
    slug: c.slug ?? shortenSlug(slugify(c.subtitle ? `${c.title} ${c.subtitle}` : c.title)),
    rules: c.rules,
    editions: (c.editions ?? DEFAULT_EDITIONS).map((e) => {
      const edition: ReportMeta['editions'][number] = { id: e.id, title: e.title, formats: e.formats };
      if (e.sections) edition.sections = e.sections;
      if (e.exclude) edition.exclude = e.exclude;
      if (e.pdf) edition.pdf = e.pdf;
      if (e.text) edition.text = e.text;
      return edition;
    }),
    source: { file: file.path, line: 1, column: 1 },
  };
  if (c.fonts) meta.fonts = c.fonts.map((font, i) => ({ file: font, source: { file: file.path, line: keyLines.get(`fonts.${i}`) ?? 1, column: 1 } }));
  for (const key of ['subtitle', 'year', 'publisher', 'designer', 'funder', 'programmeManager'] as const) {
    if (c[key] !== undefined) (meta as unknown as Record<string, unknown>)[key] = c[key];
  }
  return { meta, diagnostics: [] };
}

/** Longest slug: file names are `<slug>.pdf`, `<slug>.txt`, far below the 255 bytes a file system allows. */
export const MAX_SLUG_LENGTH = 80;
/** Longest edition id: it names a folder of the output. */
export const MAX_EDITION_ID_LENGTH = 64;
/** The output's top-level folders of the main edition: another edition with one of these names would nest inside them. */
const FORMAT_FOLDERS: readonly string[] = format.options;

/** A slug made from a long title, cut at a word to at most MAX_SLUG_LENGTH characters. */
export function shortenSlug(slug: string): string {
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.slice(0, MAX_SLUG_LENGTH + 1);
  const hyphen = cut.lastIndexOf('-');
  return (hyphen > MAX_SLUG_LENGTH / 2 ? cut.slice(0, hyphen) : cut.slice(0, MAX_SLUG_LENGTH)).replace(/-+$/, '');
}

/**
 * Names report.yaml gives to files and folders of the output: a slug or edition id too long
 * for a file name, an edition id used twice (the second would overwrite the first's files),
 * or one named like a format folder (its files would nest inside the main edition's).
 */
function fileNameProblems(c: { slug?: string | undefined; editions?: { id: string }[] | undefined }, file: SourceFile): Diagnostic[] {
  const lines = yamlKeyLines(file.text);
  const at = (key: string) => ({ file: file.path, line: lines.get(key) ?? 1, column: 1 });
  const out: Diagnostic[] = [];
  if (c.slug !== undefined && c.slug.length > MAX_SLUG_LENGTH) {
    out.push(diagnostic('config-invalid', 'error', `"slug" is ${c.slug.length} characters long; at most ${MAX_SLUG_LENGTH}`, at('slug'), { fatal: true, hint: 'file names are <slug>.pdf and <slug>.txt: choose a short slug' }));
  }
  const firstSeen = new Map<string, number>();
  (c.editions ?? []).forEach(({ id }, index) => {
    const where = at(`editions.${index}.id`);
    if (id.length > MAX_EDITION_ID_LENGTH) {
      out.push(diagnostic('config-invalid', 'error', `edition id "${id}" is ${id.length} characters long; at most ${MAX_EDITION_ID_LENGTH}`, where, { fatal: true, hint: 'the id names a folder of the output: choose a short one' }));
    }
    if (FORMAT_FOLDERS.includes(id)) {
      out.push(
        diagnostic('config-invalid', 'error', `edition id "${id}" is the name of a format folder; its files would go inside the main edition's ${id}/ folder`, where, {
          fatal: true,
          hint: `choose another id (editions other than the first are published under <out>/<id>/)`,
        }),
      );
    }
    const first = firstSeen.get(id);
    if (first !== undefined) {
      out.push(diagnostic('config-invalid', 'error', `edition id "${id}" is used twice (editions ${first + 1} and ${index + 1}); the second would overwrite the first's files`, where, { fatal: true, hint: 'give each edition its own id' }));
    } else firstSeen.set(id, index);
  });
  return out;
}
