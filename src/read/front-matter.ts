import matter from 'gray-matter';
import { z } from 'zod';
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import type { SourceFile } from './load.js';
import { schemaIssuesToDiagnostics } from './schema-issues.js';
import { yamlKeyLines } from './yaml-positions.js';

const kebabId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case: lower-case letters, digits and single hyphens');

/** The front matter every content file may carry. Unknown keys are errors. */
const frontMatterShape = {
  id: kebabId,
  title: z.string().trim().min(1, 'must not be empty'),
  kind: z.enum(['section', 'learning', 'glossary', 'poem', 'colophon']).default('section'),
  number: z.number().int().positive().optional(),
  attribution: z.string().trim().min(1).optional(),
  author: z.string().trim().min(1).optional(),
  authorNote: z.string().trim().min(1).optional(),
  editions: z.array(kebabId).min(1).optional(),
};
const FRONT_MATTER_KEYS = Object.keys(frontMatterShape);

export const FrontMatterSchema = z
  .strictObject(frontMatterShape)
  .superRefine((fm, ctx) => {
    if (fm.kind === 'learning' && fm.number === undefined) {
      ctx.addIssue({ code: 'custom', path: ['number'], message: 'a learning needs a number (1, 2, 3…)' });
    }
  });

export type FrontMatter = z.infer<typeof FrontMatterSchema>;

export interface ParsedFile {
  frontMatter: FrontMatter;
  /** The Markdown after the front matter. */
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

/**
 * Split a content file into validated front matter and Markdown body. Only YAML is accepted:
 * gray-matter would evaluate `---js` front matter, so that is refused before it is parsed.
 */
export function parseContentFile(file: SourceFile): { parsed?: ParsedFile; diagnostics: Diagnostic[] } {
  const at = { file: file.path, line: 1, column: 1 };
  if (file.text.trim() === '') {
    return { diagnostics: [diagnostic('file-empty', 'error', 'file is empty', at, { fatal: true, hint: 'add front matter with id and title, or delete the file' })] };
  }
  const opening = /^---([^\n]*)\n/.exec(file.text);
  if (!opening) {
    return {
      diagnostics: [diagnostic('front-matter-missing', 'error', 'file has no front matter', at, { fatal: true, hint: 'start the file with ---, then id: and title:, then ---' })],
    };
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
    return {
      diagnostics: [
        diagnostic('front-matter-yaml', 'error', `front matter is not valid YAML: ${reason}`, { file: file.path, line: (mark?.line ?? 0) + 1, column: (mark?.column ?? 0) + 1 }, { fatal: true }),
      ],
    };
  }

  const body = result.content;
  const lineOffset = countLines(file.text.slice(0, file.text.length - body.length));
  const data: unknown = result.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    const shape = Array.isArray(data) ? 'a list' : data === null ? 'empty' : `a ${typeof data}`;
    return {
      diagnostics: [diagnostic('front-matter-shape', 'error', `front matter is ${shape}; it must be a mapping of keys to values`, { file: file.path, line: 2, column: 1 }, { fatal: true, hint: 'write id: and title: as keys' })],
    };
  }

  const parsed = FrontMatterSchema.safeParse(data);
  if (!parsed.success) {
    return {
      diagnostics: schemaIssuesToDiagnostics(parsed.error.issues, {
        ruleId: 'front-matter-field',
        file: file.path,
        // gray-matter's matter text starts with the newline after the opening ---, so its
        // line numbers are already the file's.
        keyLines: yamlKeyLines(result.matter),
        lineOffset: 0,
        knownKeys: () => FRONT_MATTER_KEYS,
      }),
    };
  }
  return { parsed: { frontMatter: parsed.data, body, lineOffset }, diagnostics: [] };
}

function countLines(prefix: string): number {
  let n = 0;
  for (let i = 0; i < prefix.length; i++) if (prefix.charCodeAt(i) === 10) n++;
  return n;
}
