import { z } from 'zod';
import { MODEL_VERSION } from './types.js';
import { ReportSchema } from './zod-schema.js';

/** A JSON Schema document (2020-12), as lwr writes them. */
export interface JsonSchema {
  $schema: string;
  $id: string;
  $comment?: string;
  title?: string;
  properties: Record<string, Record<string, unknown>>;
  $defs?: Record<string, Record<string, unknown>>;
  [keyword: string]: unknown;
}

/**
 * JSON Schema (2020-12) of the model as `lwr model` prints it, derived from the zod schemas in
 * `zod-schema.ts` (which the compiler holds to `types.ts`). A test validates the real report's
 * model against it in Ajv's strict mode.
 */
export function modelJsonSchema(): JsonSchema {
  const { $schema, ...generated } = z.toJSONSchema(ReportSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    $schema: String($schema),
    $id: `https://living-well-report.invalid/schema/model-${MODEL_VERSION}.json`,
    title: 'lwr report model',
    // The version lives in $id, in a $comment and as the const of the `version` property:
    // a bare `version` keyword is unknown to JSON Schema and fails Ajv's strict mode.
    $comment: `lwr model version ${MODEL_VERSION}`,
    ...generated,
  } as JsonSchema;
}

/** The model's JSON Schema, made when this module is first loaded (only where a schema is needed). */
export const MODEL_SCHEMA: JsonSchema = modelJsonSchema();
