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

const editionShape = {
  id: kebabId,
  title: z.string().min(1),
  formats: z.array(format).min(1).default(['html', 'pdf', 'text']),
  sections: z.array(kebabId).min(1).optional(),
  exclude: z.array(kebabId).optional(),
  pdf: z.strictObject({ pageSize: z.enum(['A4', 'Letter']).optional() }).optional(),
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
  editions: z.array(z.strictObject(editionShape)).min(1).optional(),
};

const ConfigSchema = z.strictObject(configShape);

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
  const meta: ReportMeta = {
    title: c.title,
    authors: c.authors,
    language: c.language,
    slug: c.slug ?? slugify(c.subtitle ? `${c.title} ${c.subtitle}` : c.title),
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
  for (const key of ['subtitle', 'year', 'publisher', 'designer', 'funder', 'programmeManager'] as const) {
    if (c[key] !== undefined) (meta as unknown as Record<string, unknown>)[key] = c[key];
  }
  return { meta, diagnostics: [] };
}
