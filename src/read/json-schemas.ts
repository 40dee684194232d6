import { z } from 'zod';
import { ConfigSchema, PageSizeSchema } from './config.js';
import { FOREIGN_KEYS, FrontMatterSchema } from './front-matter.js';

const SCHEMA_HOST = 'https://living-well-report.invalid/schema';

/**
 * JSON Schema (2020-12) of what an editor writes, derived from the zod schemas the reader
 * validates with: the shape of the input (defaults shown, every key the reader takes), so a
 * YAML language server completes and checks fields as lwr will. Loaded only where a schema is
 * needed, never on the path of a command that does not validate.
 */
function inputSchema(schema: z.ZodType, id: string, title: string): Record<string, unknown> {
  return {
    $id: `${SCHEMA_HOST}/${id}`,
    title,
    ...z.toJSONSchema(schema, {
      io: 'input',
      target: 'draft-2020-12',
      unrepresentable: 'any',
      override: (ctx) => {
        // YAML reads an unquoted 2024-03-12 as a date; JSON (and the YAML language server) sees text.
        if (ctx.zodSchema._zod.def.type === 'date') ctx.jsonSchema.type = 'string';
        // The reader takes a page size in any case: so does the schema.
        if (ctx.zodSchema === PageSizeSchema) {
          for (const key of Object.keys(ctx.jsonSchema)) delete ctx.jsonSchema[key];
          Object.assign(ctx.jsonSchema, { type: 'string', pattern: '^(?:[Aa]4|[Ll][Ee][Tt][Tt][Ee][Rr])$', description: 'A4 or Letter, in any case' });
        }
      },
    }),
  };
}

/** The JSON Schema of `content/report.yaml`. */
export const reportConfigJsonSchema = (): Record<string, unknown> => inputSchema(ConfigSchema, 'report.json', 'lwr report.yaml: the report (title, editions, rule severities)');

/**
 * The JSON Schema of a content file's YAML front matter. lwr accepts the keys other publishing
 * tools write (Jekyll, Hugo…) without a word and warns about any other: the schema lists the
 * first and refuses the rest, so an editor marks a misspelt key.
 */
export function frontMatterJsonSchema(): Record<string, unknown> {
  const schema = inputSchema(FrontMatterSchema, 'front-matter.json', 'lwr front matter: a content file (section, learning, glossary, poem, colophon)');
  const properties = schema.properties as Record<string, unknown>;
  for (const key of FOREIGN_KEYS) properties[key] ??= { description: 'written by other publishing tools; lwr ignores it' };
  return { ...schema, additionalProperties: false };
}
