/** The JSON Schemas lwr ships in its `schemas/` folder, by name: `schemas/<name>.schema.json`. */
export const SCHEMA_NAMES = ['model', 'report', 'front-matter', 'lwr.config'] as const;
export type SchemaName = (typeof SCHEMA_NAMES)[number];

/**
 * A JSON Schema (2020-12) derived from the zod schema lwr validates with: the model as
 * `lwr model` prints it, `report.yaml`, a content file's front matter, `lwr.config.yaml`. Each
 * is built when asked for (zod's JSON Schema export is loaded only then).
 */
export async function jsonSchema(name: SchemaName): Promise<Record<string, unknown>> {
  switch (name) {
    case 'model':
      return (await import('../model/schema.js')).modelJsonSchema();
    case 'report':
      return (await import('../read/json-schemas.js')).reportConfigJsonSchema();
    case 'front-matter':
      return (await import('../read/json-schemas.js')).frontMatterJsonSchema();
    case 'lwr.config':
      return (await import('../config/project-config.js')).projectConfigJsonSchema();
  }
}
