import Ajv2020 from 'ajv/dist/2020.js';
import { ConfigSchema } from '../../src/read/config.js';
import matter from 'gray-matter';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { jsonSchema, SCHEMA_NAMES, type SchemaName } from '../../src/api/schemas.js';
import { runLwr } from '../support/cli.js';
import { CONTENT, expectToMatchFile, FIXTURES, realReport, ROOT } from '../support/report.js';

const STARTER = path.join(ROOT, 'starter/content');
const PORTING = path.join(FIXTURES, 'porting/content');
const schemaFile = (name: SchemaName) => path.join(ROOT, 'schemas', `${name}.schema.json`);

/** Ajv 2020 in strict mode; a warning (unknown format, loose types) fails like an error. */
function strictValidator(schema: object) {
  const warnings: string[] = [];
  const logger = { log: () => undefined, warn: (m: string) => warnings.push(m), error: (m: string) => warnings.push(m) };
  const validate = new Ajv2020.default({ strict: true, allErrors: true, logger }).compile(schema);
  expect(warnings).toEqual([]);
  return validate;
}

const markdownFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => path.join(dir, f));

describe('the JSON Schemas in schemas/, derived from the zod schemas lwr validates with', () => {
  for (const name of SCHEMA_NAMES.filter((n) => n !== 'lwr.config')) {
    it(`schemas/${name}.schema.json is what lwr derives (npm run test:update regenerates it)`, async () => {
      expectToMatchFile(`${JSON.stringify(await jsonSchema(name), null, 2)}\n`, schemaFile(name));
    });
  }

  for (const name of SCHEMA_NAMES) {
    it(`schemas/${name}.schema.json compiles in Ajv 2020 strict mode`, () => {
      strictValidator(JSON.parse(readFileSync(schemaFile(name), 'utf8')));
    });
  }

  it('the model: the real report validates, and lwr model --schema prints the same schema', () => {
    const schema = JSON.parse(readFileSync(schemaFile('model'), 'utf8'));
    const validate = strictValidator(schema);
    expect(validate(JSON.parse(JSON.stringify(realReport()))), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...JSON.parse(JSON.stringify(realReport())), sections: [{ id: 'x' }] })).toBe(false);
    const printed = runLwr(['model', '--schema']);
    expect(printed.status, printed.stderr).toBe(0);
    expect(JSON.parse(printed.stdout)).toEqual(schema);
  });

  it('report.yaml: the real report, the starter and the fixtures validate; a typo does not', () => {
    const validate = strictValidator(JSON.parse(readFileSync(schemaFile('report'), 'utf8')));
    const files = [path.join(CONTENT, 'report.yaml'), path.join(STARTER, 'report.yaml'), path.join(FIXTURES, 'figures/content/report.yaml'), path.join(PORTING, 'report.yaml')];
    for (const file of files) expect(validate(parseYaml(readFileSync(file, 'utf8'))), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
    expect(validate({ title: 'A report', editons: [] })).toBe(false);
    expect(validate({ title: 'A report', editions: [{ id: 'full', title: 'Full', formats: ['docx'] }] })).toBe(false);
  });

  it('report.yaml: a page size in any case, as the reader takes it; another size is refused by both', () => {
    const validate = strictValidator(JSON.parse(readFileSync(schemaFile('report'), 'utf8')));
    const withSize = (pageSize: string) => ({ title: 'A report', editions: [{ id: 'full', title: 'Full', pdf: { pageSize } }] });
    for (const pageSize of ['A4', 'a4', 'Letter', 'letter', 'LETTER']) {
      expect(validate(withSize(pageSize)), pageSize).toBe(true);
      expect(ConfigSchema.safeParse(withSize(pageSize)).success, pageSize).toBe(true);
    }
    for (const pageSize of ['A5', 'legal', 'A4 ']) {
      expect(validate(withSize(pageSize)), pageSize).toBe(false);
      expect(ConfigSchema.safeParse(withSize(pageSize)).success, pageSize).toBe(false);
    }
  });

  it("front matter: every content file's of the real report and the starter validates; a wrong kind does not", () => {
    const validate = strictValidator(JSON.parse(readFileSync(schemaFile('front-matter'), 'utf8')));
    // The porting report's files have no front matter, or keys from other tools and dates.
    const files = [...markdownFiles(CONTENT), ...markdownFiles(STARTER), ...markdownFiles(PORTING)];
    expect(files.length).toBeGreaterThan(25);
    for (const file of files) {
      const { data } = matter(readFileSync(file, 'utf8'), { engines: { yaml: (text: string) => parseYaml(text) as object } });
      expect(validate(data), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    expect(validate({ id: 'intro', title: 'Introduction', kind: 'chapter' })).toBe(false);
    // A key no tool writes is marked, as lwr warns about it; one Jekyll writes is not.
    expect(validate({ title: 'Introduction', titel: 'x' })).toBe(false);
    expect(validate({ title: 'Introduction', layout: 'post', date: '2024-03-12', tags: 'evaluation' })).toBe(true);
  });

  it('report.yaml in this repository and in the starter name their schema for the YAML language server', () => {
    expect(readFileSync(path.join(CONTENT, 'report.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=\.\.\/schemas\/report\.schema\.json$/m);
  });
});
