import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './report.js';

const SCHEMA = JSON.parse(readFileSync(path.join(ROOT, 'tests/support/sarif/sarif-schema-2.1.0.json'), 'utf8'));

let validate: ReturnType<InstanceType<typeof AjvDraft04.default>['compile']> | undefined;

/**
 * Validate a SARIF log against the official SARIF 2.1.0 JSON Schema (OASIS, draft-04, vendored
 * in tests/support/sarif/), formats included (URIs, dates). Returns Ajv's errors, [] when valid.
 */
export function sarifSchemaErrors(log: unknown): unknown[] {
  if (!validate) {
    const ajv = new AjvDraft04.default({ allErrors: true, strict: false });
    addFormats.default(ajv);
    validate = ajv.compile(SCHEMA);
  }
  return validate(log) ? [] : [...(validate.errors ?? [])];
}
