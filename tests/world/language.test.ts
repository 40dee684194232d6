import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020.js';
import { directionOf } from '../../src/model/language.js';
import { MODEL_SCHEMA } from '../../src/model/schema.js';
import { readContent } from '../support/report.js';
import { WORLD } from './support.js';

/** Read one Markdown body as a report. */
function read(body: string) {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'lwr-lang-')), 'content');
  mkdirSync(dir);
  writeFileSync(path.join(dir, '01-a.md'), `---\nid: a\ntitle: A\n---\n\n${body}\n`);
  return readContent(dir);
}

describe('marking a language (:lang spans and :::lang blocks)', () => {
  it('puts a span in the model with its canonical tag and the direction of its script', () => {
    const { report } = read('She said :lang[Croeso]{lang=CY} and :lang[مرحبا]{lang=ar}.');
    const paragraph = report!.sections[0]!.blocks[0]!;
    expect(paragraph.type === 'paragraph' && paragraph.children.filter((i) => i.type === 'language')).toEqual([
      { type: 'language', lang: 'cy', dir: 'ltr', children: [{ type: 'text', value: 'Croeso' }] },
      { type: 'language', lang: 'ar', dir: 'rtl', children: [{ type: 'text', value: 'مرحبا' }] },
    ]);
  });

  it('puts a block in the model around its blocks, with a direction written out (dir=) winning', () => {
    const { report } = read(':::lang{lang=ur-Latn dir=ltr}\nAap kaise hain?\n:::\n\n:::lang{lang=he}\n> שלום\n>\n> — Noa, Leeds\n:::');
    const [first, second] = report!.sections[0]!.blocks;
    expect(first).toMatchObject({ type: 'language', lang: 'ur-Latn', dir: 'ltr', children: [{ type: 'paragraph' }] });
    expect(second).toMatchObject({ type: 'language', lang: 'he', dir: 'rtl', children: [{ type: 'quote' }] });
    // A quote inside a language block is a quote of the report like any other.
    expect(report!.quotes.map((q) => [q.text, q.attribution])).toEqual([['שלום', 'Noa, Leeds']]);
  });

  it('refuses a missing or malformed language, or a direction that is not ltr or rtl, at its position', () => {
    for (const [body, message] of [
      [':lang[Croeso]', ':lang[…]{lang=…}: needs a language, as lang=…'],
      [':lang[Croeso]{lang=not_a_tag!}', ':lang[…]{lang=not_a_tag!}: "not_a_tag!" is not a language tag'],
      [':::lang{lang=ar dir=up}\nمرحبا\n:::', ':::lang{lang=ar}: dir must be ltr or rtl (got "up")'],
    ] as const) {
      const { diagnostics } = read(body);
      expect(diagnostics.map((d) => [d.ruleId, d.line, d.column, d.message, d.fatal])).toEqual([['directive-shape', 6, 1, message, true]]);
    }
  });

  it('takes the direction from the language’s script', () => {
    expect([directionOf('ar'), directionOf('fa'), directionOf('he'), directionOf('ur'), directionOf('cy'), directionOf('zh-Hant'), directionOf('ur-Latn')]).toEqual(['rtl', 'rtl', 'rtl', 'rtl', 'ltr', 'ltr', 'ltr']);
  });

  it('keeps the model valid against its JSON Schema (language spans and blocks, fonts: in the metadata)', () => {
    const { report } = readContent(WORLD);
    const validate = new Ajv2020.default({ allErrors: true, strict: false }).compile(MODEL_SCHEMA);
    validate(JSON.parse(JSON.stringify({ ...report!, meta: { ...report!.meta, fonts: [{ file: 'fonts/a.ttf', source: { file: 'report.yaml', line: 4, column: 1 } }] } })));
    expect(validate.errors ?? []).toEqual([]);
  });
});
