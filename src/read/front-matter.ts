import matter from 'gray-matter';
import { z } from 'zod';
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import type { SourceFile } from './load.js';
import { schemaIssuesToDiagnostics } from './schema-issues.js';
import { slugify } from './slug.js';
import { didYouMean } from '../model/suggest.js';
import { yamlErrorHint } from './yaml-hints.js';
import { yamlKeyLines } from './yaml-positions.js';

const kebabId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case: lower-case letters, digits and single hyphens');
const text = z.string().trim().min(1, 'must not be empty');
/** `tags: a` and `tags: [a, b]` both mean a list. */
const textList = z.union([text.transform((s) => [s]), z.array(text)]);
/** YAML reads an unquoted 2024-03-12 as a date; a quoted one stays text. Both are kept as written. */
const date = z.union([z.date().transform((d) => isoDate(d)), text]);
/** A BCP 47 language tag, as HTML's `lang` takes it (`en-GB`, `cy`, `zh-Hant`). */
const languageTag = z.string().regex(/^[a-zA-Z]{2,8}(?:-[a-zA-Z0-9]{1,8})*$/, 'must be a language tag such as en-GB or cy');

/**
 * The front-matter keys lwr reads. Every one is optional: a file without front matter is a
 * section whose id comes from its file name and whose title is its first `#` heading.
 */
const frontMatterShape = {
  id: kebabId.optional(),
  title: text.optional(),
  kind: z.enum(['section', 'learning', 'glossary', 'poem', 'colophon']).default('section'),
  number: z.number().int().positive().optional(),
  attribution: text.optional(),
  author: text.optional(),
  authorNote: text.optional(),
  editions: z.array(kebabId).min(1).optional(),
  date: date.optional(),
  description: text.optional(),
  tags: textList.optional(),
  authors: textList.optional(),
  lang: languageTag.optional(),
  draft: z.boolean().optional(),
  /** Jekyll's way of saying draft: `published: false`. */
  published: z.boolean().optional(),
};
const FRONT_MATTER_KEYS = Object.keys(frontMatterShape);

/**
 * Keys other publishing tools write (Jekyll, Hugo, Docusaurus, MkDocs…) that mean nothing to
 * lwr: accepted without a word, so a ported file reads as it is.
 */
export const FOREIGN_KEYS = ['layout', 'permalink', 'slug', 'weight', 'order', 'nav_order', 'sidebar_position', 'sidebar_label', 'categories', 'keywords', 'summary', 'excerpt', 'toc', 'aliases', 'image', 'template', 'subtitle', 'lastmod', 'updated', 'status'];

/** Front matter, validated (its JSON Schema, for editors and tools, is derived from it). */
export const FrontMatterSchema = z.looseObject(frontMatterShape).superRefine((fm, ctx) => {
  if (fm.kind === 'learning' && fm.number === undefined) {
    ctx.addIssue({ code: 'custom', path: ['number'], message: 'a learning needs a number (1, 2, 3…)' });
  }
});

type RawFrontMatter = z.infer<typeof FrontMatterSchema>;

/** A content file's front matter, validated, with its id always known. */
export interface FrontMatter {
  /** From `id:`, else from the file name without its `NN-` prefix. */
  id: string;
  /** From `title:`; absent when the title is to come from the body's first `#` heading. */
  title?: string;
  kind: 'section' | 'learning' | 'glossary' | 'poem' | 'colophon';
  number?: number;
  attribution?: string;
  author?: string;
  authorNote?: string;
  editions?: string[];
  date?: string;
  description?: string;
  tags?: string[];
  /** `authors:`, and `author:` on anything but a poem (where it names the poet). */
  authors?: string[];
  lang?: string;
  /** `draft: true` or `published: false`: the file is left out of every edition. */
  draft: boolean;
}

export interface ParsedFile {
  frontMatter: FrontMatter;
  /** The Markdown after the front matter (the whole file when it has none). */
  body: string;
  /** Lines before the body: add to a body line to get the file's line. */
  lineOffset: number;
}

const refuseExecutable = (language: string) => () => {
  throw new ExecutableFrontMatter(language);
};
class ExecutableFrontMatter extends Error {
  constructor(readonly language: string) {
    super(`front matter in ${language} is refused`);
  }
}

/** A section id from a file name: `40-methods.md` → `methods`, `Über uns.md` → `uber-uns`. */
export function idFromFileName(file: string): string {
  const name = file.split('/').pop()!.replace(/\.md$/i, '');
  const withoutOrder = name.replace(/^\d+[-_. ]+(?=.)/, '');
  return slugify(withoutOrder);
}

/**
 * Split a content file into validated front matter and Markdown body. Only YAML is accepted:
 * gray-matter would evaluate `---js` front matter, so that is refused before it is parsed.
 * A file without front matter is a plain section. Unknown keys are warnings (the file is
 * still read); a key of the wrong type, or YAML that cannot be read, is fatal.
 */
export function parseContentFile(file: SourceFile): { parsed?: ParsedFile; diagnostics: Diagnostic[] } {
  const at = { file: file.path, line: 1, column: 1 };
  if (file.text.trim() === '') {
    return { diagnostics: [diagnostic('file-empty', 'error', 'file is empty', at, { fatal: true, hint: 'write a # title and some text, or delete the file' })] };
  }
  const opening = /^---([^\n]*)\n/.exec(file.text);
  if (!opening) {
    return { parsed: { frontMatter: { id: idFromFileName(file.path), kind: 'section', draft: false }, body: file.text, lineOffset: 0 }, diagnostics: [] };
  }
  const language = opening[1]!.trim().toLowerCase();
  if (language !== '' && language !== 'yaml' && language !== 'yml') {
    return {
      diagnostics: [
        diagnostic('front-matter-language', 'error', `front matter in "${language}" is refused: only YAML front matter is read, and it is never executed`, at, {
          fatal: true,
          hint: 'write the front matter as YAML between --- lines',
        }),
      ],
    };
  }

  let result: matter.GrayMatterFile<string>;
  try {
    result = matter(file.text, {
      language: 'yaml',
      engines: {
        js: refuseExecutable('js'),
        javascript: refuseExecutable('javascript'),
        coffee: refuseExecutable('coffee'),
        coffeescript: refuseExecutable('coffeescript'),
        cson: refuseExecutable('cson'),
      },
    } as matter.GrayMatterOption<string, object>);
  } catch (error) {
    if (error instanceof ExecutableFrontMatter) {
      return { diagnostics: [diagnostic('front-matter-language', 'error', error.message, at, { fatal: true })] };
    }
    const mark = (error as { mark?: { line?: number; column?: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? (error as Error).message.split('\n')[0];
    // The mark counts from the newline after the opening ---, so its line is the file's line - 1.
    const line = (mark?.line ?? 0) + 1;
    const lines = file.text.split('\n');
    const { hint, line: mistakeLine } = yamlErrorHint(lines, line);
    // Point at the line that holds the mistake (often the one before where the parser stopped).
    const place = mistakeLine !== undefined && mistakeLine !== line ? { line: mistakeLine, column: 1 } : { line, column: (mark?.column ?? 0) + 1 };
    return {
      diagnostics: [
        diagnostic('front-matter-yaml', 'error', `front matter is not valid YAML: ${reason}`, { file: file.path, ...place }, {
          fatal: true,
          hint,
        }),
      ],
    };
  }

  const body = result.content;
  const lineOffset = countLines(file.text.slice(0, file.text.length - body.length));
  const data: unknown = result.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    const shape = Array.isArray(data) ? 'a list' : data === null ? 'empty' : `a ${typeof data}`;
    return {
      diagnostics: [diagnostic('front-matter-shape', 'error', `front matter is ${shape}; it must be a mapping of keys to values`, { file: file.path, line: 2, column: 1 }, { fatal: true, hint: 'write keys and values, such as title: Methods' })],
    };
  }

  // gray-matter's matter text starts with the newline after the opening ---, so its line
  // numbers are already the file's.
  const keyLines = yamlKeyLines(result.matter);
  const diagnostics = unknownKeys(data as Record<string, unknown>, keyLines, file.path);
  const parsed = FrontMatterSchema.safeParse(data);
  if (!parsed.success) {
    const issues = schemaIssuesToDiagnostics(parsed.error.issues, { ruleId: 'front-matter-field', file: file.path, keyLines, lineOffset: 0, knownKeys: () => FRONT_MATTER_KEYS });
    return { diagnostics: [...diagnostics, ...issues] };
  }
  return { parsed: { frontMatter: normalise(parsed.data, file.path), body, lineOffset }, diagnostics };
}

/**
 * Keys lwr neither reads nor knows from another tool. One that looks like a misspelt key lwr
 * reads ("titel") is an error, since what it says is lost; any other is a warning. Neither
 * stops the file from being read.
 */
function unknownKeys(data: Record<string, unknown>, keyLines: Map<string, number>, file: string): Diagnostic[] {
  return Object.keys(data)
    .filter((key) => !FRONT_MATTER_KEYS.includes(key) && !FOREIGN_KEYS.includes(key))
    .map((key) => {
      const at = { file, line: keyLines.get(key) ?? 1, column: 1 };
      const suggestion = didYouMean(key, FRONT_MATTER_KEYS);
      if (suggestion) return diagnostic('front-matter-field', 'error', `unknown key "${key}"`, at, { hint: `did you mean "${suggestion}"?` });
      return diagnostic('front-matter-key-unknown', 'warning', `front matter key "${key}" means nothing to lwr and is ignored`, at, { hint: `lwr reads: ${FRONT_MATTER_KEYS.join(', ')}` });
    });
}

function normalise(raw: RawFrontMatter, file: string): FrontMatter {
  const fm: FrontMatter = { id: raw.id ?? idFromFileName(file), kind: raw.kind, draft: raw.draft === true || raw.published === false };
  for (const key of ['title', 'number', 'attribution', 'authorNote', 'editions', 'date', 'description', 'tags', 'lang'] as const) {
    if (raw[key] !== undefined) (fm as unknown as Record<string, unknown>)[key] = raw[key];
  }
  // `author:` names a poem's poet; on any other file it is the file's author, as blogs write it.
  if (raw.author !== undefined && raw.kind === 'poem') fm.author = raw.author;
  const authors = [...(raw.kind !== 'poem' && raw.author !== undefined ? [raw.author] : []), ...(raw.authors ?? [])];
  if (authors.length > 0) fm.authors = authors;
  return fm;
}

/** `2024-03-12`, or the full ISO time when the YAML gave one. */
function isoDate(d: Date): string {
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

function countLines(prefix: string): number {
  let n = 0;
  for (let i = 0; i < prefix.length; i++) if (prefix.charCodeAt(i) === 10) n++;
  return n;
}
