import { MODEL_VERSION } from './types.js';

/**
 * JSON Schema (2020-12) of the model as `lwr model` prints it. Kept beside types.ts; a test
 * validates the real report's model against it, so the two cannot drift apart silently.
 */
const str = { type: 'string' } as const;
const int = { type: 'integer' } as const;
const ref = (name: string) => ({ $ref: `#/$defs/${name}` });
const arrayOf = (items: object) => ({ type: 'array', items });
const obj = (properties: Record<string, object>, required: string[]) => ({ type: 'object', properties, required, additionalProperties: false });
const node = (type: string, properties: Record<string, object>, required: string[] = []) =>
  obj({ type: { const: type }, ...properties }, ['type', ...required]);
const positioned = (properties: Record<string, object>, required: string[] = []) => obj({ ...properties, source: ref('SourcePosition') }, [...required, 'source']);
const block = (type: string, properties: Record<string, object>, required: string[] = []) =>
  obj({ type: { const: type }, ...properties, source: ref('SourcePosition') }, ['type', 'source', ...required]);

export const MODEL_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: `https://living-well-report.invalid/schema/model-${MODEL_VERSION}.json`,
  title: 'lwr report model',
  // The version lives in $id, in a $comment and as the const of the `version` property:
  // a bare `version` keyword is unknown to JSON Schema and fails Ajv's strict mode.
  $comment: `lwr model version ${MODEL_VERSION}`,
  type: 'object',
  required: ['version', 'meta', 'sections', 'learnings', 'quotes', 'footnotes', 'links', 'glossary', 'people', 'poems', 'figures', 'anchors'],
  additionalProperties: false,
  properties: {
    version: { const: MODEL_VERSION },
    meta: ref('ReportMeta'),
    sections: arrayOf(ref('Section')),
    learnings: arrayOf(positioned({ number: int, sectionId: str, title: str, attribution: str, quoteIds: arrayOf(str) }, ['number', 'sectionId', 'title', 'quoteIds'])),
    quotes: arrayOf(ref('QuoteRecord')),
    footnotes: arrayOf(ref('Footnote')),
    links: arrayOf(
      positioned(
        { id: str, url: str, target: ref('InReportTarget'), text: str, kind: { enum: ['placeholder', 'internal', 'external', 'relative', 'email', 'unsafe', 'other', 'unknown'] }, sectionId: str, autolink: { type: 'boolean' } },
        ['id', 'url', 'text', 'kind', 'sectionId', 'autolink'],
      ),
    ),
    glossary: arrayOf(ref('GlossaryEntry')),
    people: arrayOf(
      obj(
        {
          id: str,
          name: str,
          appearances: arrayOf(obj({ as: { enum: ['author', 'designer', 'quoted', 'poet', 'love-letter', 'programme-manager'] }, role: str, place: str, source: ref('SourcePosition') }, ['as'])),
        },
        ['id', 'name', 'appearances'],
      ),
    ),
    poems: arrayOf(positioned({ id: str, title: str, author: str, sectionId: str, stanzaCount: int, lineCount: int }, ['id', 'title', 'sectionId', 'stanzaCount', 'lineCount'])),
    figures: arrayOf(
      positioned({ id: str, number: { type: 'integer', minimum: 1 }, sectionId: str, alt: str, caption: str, credit: str, url: str, file: ref('ImageFile') }, ['id', 'number', 'sectionId', 'alt', 'caption', 'url']),
    ),
    anchors: arrayOf(str),
    drafts: arrayOf(obj({ id: str, title: str, file: str }, ['id', 'file'])),
  },
  $defs: {
    InReportTarget: obj({ anchor: str, sectionId: str }, ['anchor', 'sectionId']),
    SourcePosition: obj(
      { file: str, line: { type: 'integer', minimum: 1 }, column: { type: 'integer', minimum: 1 }, endLine: { type: 'integer', minimum: 1 }, endColumn: { type: 'integer', minimum: 1 } },
      ['file', 'line', 'column'],
    ),
    ReportMeta: obj(
      {
        title: str,
        subtitle: str,
        year: int,
        publisher: str,
        authors: arrayOf(str),
        designer: str,
        funder: str,
        programmeManager: str,
        language: str,
        slug: str,
        fonts: arrayOf(obj({ file: str, source: ref('SourcePosition') }, ['file', 'source'])),
        rules: { type: 'object', additionalProperties: { enum: ['error', 'warning', 'info', 'off'] } },
        editions: arrayOf(
          obj(
            {
              id: str,
              title: str,
              formats: arrayOf({ enum: ['html', 'pdf', 'text'] }),
              sections: arrayOf(str),
              exclude: arrayOf(str),
              pdf: obj({ pageSize: { enum: ['A4', 'Letter'] } }, []),
              text: obj({ width: int }, []),
            },
            ['id', 'title', 'formats'],
          ),
        ),
        source: ref('SourcePosition'),
      },
      ['title', 'authors', 'language', 'slug', 'rules', 'editions'],
    ),
    ImageFile: obj(
      {
        path: str,
        format: { enum: ['png', 'jpeg', 'svg'] },
        width: { type: 'integer', minimum: 1 },
        height: { type: 'integer', minimum: 1 },
        sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
        bytes: { type: 'integer', minimum: 1 },
      },
      ['path', 'format', 'width', 'height', 'sha256', 'bytes'],
    ),
    ImageProblem: obj({ kind: { enum: ['missing', 'remote', 'outside-content', 'unsupported-format', 'unreadable', 'unsafe-svg', 'over-limit'] }, message: str, hint: str }, ['kind', 'message']),
    Image: node('image', { url: str, alt: str, title: str, file: ref('ImageFile'), problem: ref('ImageProblem'), source: ref('SourcePosition') }, ['url', 'alt', 'source']),
    Inline: {
      oneOf: [
        ref('Image'),
        node('text', { value: str }, ['value']),
        node('strong', { children: arrayOf(ref('Inline')) }, ['children']),
        node('emphasis', { children: arrayOf(ref('Inline')) }, ['children']),
        node('delete', { children: arrayOf(ref('Inline')) }, ['children']),
        node('inlineCode', { value: str }, ['value']),
        node('break', {}),
        node('html', { value: str, source: ref('SourcePosition') }, ['value']),
        node('term', { termId: str, children: arrayOf(ref('Inline')) }, ['termId', 'children']),
        node('link', { url: str, title: str, linkId: str, target: ref('InReportTarget'), children: arrayOf(ref('Inline')), source: ref('SourcePosition') }, ['url', 'linkId', 'children', 'source']),
        node('footnoteReference', { label: str, footnoteId: str, number: int, source: ref('SourcePosition') }, ['label', 'number', 'source']),
        node('language', { lang: str, dir: { enum: ['ltr', 'rtl'] }, children: arrayOf(ref('Inline')) }, ['lang', 'dir', 'children']),
      ],
    },
    Inlines: arrayOf(ref('Inline')),
    ListItem: positioned({ children: arrayOf(ref('Block')), checked: { type: 'boolean' } }, ['children']),
    Attribution: positioned({ text: str, children: ref('Inlines'), person: str, role: str, place: str }, ['text', 'children']),
    ComparisonSide: obj({ heading: ref('Inlines'), headingText: str, key: str }, ['heading', 'headingText', 'key']),
    ComparisonTheme: positioned({ title: str, points: arrayOf(ref('ListItem')) }, ['title', 'points']),
    GlossaryEntry: positioned({ id: str, term: str, definition: ref('Inlines'), text: str }, ['id', 'term', 'definition', 'text']),
    Footnote: positioned({ id: str, label: str, number: int, sectionId: str, children: arrayOf(ref('Block')), text: str }, ['id', 'label', 'number', 'sectionId', 'children', 'text']),
    Block: {
      oneOf: [
        block('paragraph', { children: ref('Inlines') }, ['children']),
        block('figure', { id: str, number: { type: 'integer', minimum: 1 }, image: ref('Image'), caption: ref('Inlines'), credit: ref('Inlines') }, ['id', 'number', 'image', 'caption']),
        block('heading', { depth: { type: 'integer', minimum: 1, maximum: 6 }, id: str, aliases: arrayOf(str), text: str, children: ref('Inlines') }, ['depth', 'id', 'text', 'children']),
        block('list', { ordered: { type: 'boolean' }, start: int, loose: { type: 'boolean' }, items: arrayOf(ref('ListItem')) }, ['ordered', 'loose', 'items']),
        block('code', { lang: str, value: str }, ['value']),
        block('thematicBreak', {}),
        block('html', { value: str }, ['value']),
        block('table', { align: arrayOf({ enum: ['left', 'right', 'center', null] }), rows: arrayOf(arrayOf(ref('Inlines'))) }, ['align', 'rows']),
        block('quote', { id: str, children: arrayOf(ref('Block')), attribution: ref('Attribution') }, ['id', 'children']),
        block('comparison', { id: str, left: ref('ComparisonSide'), right: ref('ComparisonSide'), pairs: arrayOf(obj({ left: ref('ComparisonTheme'), right: ref('ComparisonTheme') }, ['left', 'right'])) }, ['id', 'left', 'right', 'pairs']),
        block('forces', { variant: { enum: ['forces', 'possibilities'] }, forces: arrayOf(positioned({ name: str, id: str, children: arrayOf(ref('Block')) }, ['name', 'id', 'children'])) }, ['variant', 'forces']),
        block('keyLearnings', { items: arrayOf(positioned({ number: int, children: ref('Inlines'), text: str }, ['number', 'children', 'text'])) }, ['items']),
        block('loveLetters', { letters: arrayOf(positioned({ name: str, role: str, place: str, text: str }, ['name', 'text'])) }, ['letters']),
        block('publications', { items: arrayOf(positioned({ title: str, subtitle: str, heading: ref('Inlines'), children: arrayOf(ref('Block')) }, ['title', 'heading', 'children'])) }, ['items']),
        block('glossary', { entries: arrayOf(ref('GlossaryEntry')) }, ['entries']),
        block('poem', { id: str, title: str, author: str, authorNote: str, stanzas: arrayOf(positioned({ lines: arrayOf(ref('Inlines')) }, ['lines'])) }, ['id', 'title', 'stanzas']),
        block('language', { lang: str, dir: { enum: ['ltr', 'rtl'] }, children: arrayOf(ref('Block')) }, ['lang', 'dir', 'children']),
      ],
    },
    Section: positioned(
      {
        id: str,
        title: str,
        kind: { enum: ['section', 'learning', 'glossary', 'poem', 'colophon'] },
        learning: obj({ number: int, attribution: str }, ['number']),
        editions: arrayOf(str),
        date: str,
        description: str,
        tags: arrayOf(str),
        authors: arrayOf(str),
        lang: str,
        blocks: arrayOf(ref('Block')),
        footnotes: arrayOf(ref('Footnote')),
        ignores: arrayOf(obj({ ruleId: str, line: int, scope: { enum: ['block', 'range', 'file'] }, endLine: int }, ['ruleId', 'line'])),
      },
      ['id', 'title', 'kind', 'blocks', 'footnotes', 'ignores'],
    ),
    QuoteRecord: obj(
      {
        id: str,
        text: str,
        attribution: str,
        person: str,
        role: str,
        place: str,
        section: obj({ id: str, title: str }, ['id', 'title']),
        learning: int,
        source: ref('SourcePosition'),
      },
      ['id', 'text', 'section', 'source'],
    ),
  },
} as const;
