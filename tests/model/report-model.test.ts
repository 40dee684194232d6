import Ajv2020 from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODEL_SCHEMA } from '../../src/model/schema.js';
import { MODEL_VERSION, type Block } from '../../src/model/types.js';
import { walkBlocks } from '../../src/model/walk.js';
import { ROOT, realReport } from '../support/report.js';

const report = realReport();
const allBlocks: Block[] = [];
for (const s of report.sections) walkBlocks(s.blocks, (b) => allBlocks.push(b));
const lineOf = (file: string, line: number) => readFileSync(path.join(ROOT, file), 'utf8').split('\n')[line - 1] ?? '';

describe('the report model', () => {
  it('carries the report metadata from report.yaml', () => {
    expect(report.meta).toMatchObject({
      title: 'Living Well UK',
      subtitle: 'Learning Report 2023',
      year: 2023,
      publisher: 'Innovation Unit',
      authors: ['Nick Webb', 'Jo Harrington'],
      designer: 'Ellie Hegarty',
      funder: 'The National Lottery Community Fund',
      language: 'en-GB',
    });
  });

  it('holds the three learnings, numbered, each with its title and attribution', () => {
    expect(report.learnings.map((l) => [l.number, l.title])).toEqual([
      [1, 'A new response to mental health is urgent and possible'],
      [2, 'A new response requires a radically different environment of collaboration'],
      [3, 'A new response can evolve an enlarged understanding and response to mental health'],
    ]);
    for (const l of report.learnings) expect(l.attribution).toMatch(/conversations with our sites in the summer of 2022/);
  });

  it('holds the seven quotes, each attributed, with the line of its blockquote', () => {
    expect(report.quotes).toHaveLength(7);
    for (const q of report.quotes) {
      expect(q.attribution, q.id).toBeTruthy();
      expect(q.text).not.toMatch(/\*\*|^>/);
      expect(lineOf(q.source.file, q.source.line), q.id).toMatch(/^> “/);
      expect(q.source.column).toBe(1);
    }
    expect(report.quotes.map((q) => q.learning)).toEqual([undefined, undefined, 1, 2, 2, 3, undefined]);
  });

  it('parses the named speaker into person, role and place', () => {
    const j = report.quotes.find((q) => q.person === 'J');
    expect(j).toMatchObject({ attribution: 'J, Peer worker & poet, Salford', person: 'J', role: 'Peer worker & poet', place: 'Salford', learning: 2 });
    expect(report.quotes[0]).toMatchObject({ attribution: 'Leader in a Living Well site', role: 'Leader', place: 'a Living Well site' });
  });

  it('holds the poem with its title, twelve stanzas and author J', () => {
    expect(report.poems).toEqual([expect.objectContaining({ title: 'Rage, your ally', author: 'J', stanzaCount: 12, lineCount: 48 })]);
    const poem = allBlocks.find((b) => b.type === 'poem');
    expect(poem?.type === 'poem' && poem.stanzas[0]!.lines.length).toBe(4);
  });

  it('holds the two footnotes, numbered in order of reference, at their definition lines', () => {
    expect(report.footnotes.map((f) => f.number)).toEqual([1, 2]);
    for (const f of report.footnotes) expect(lineOf(f.source.file, f.source.line)).toMatch(new RegExp(`^\\[\\^${f.label}\\]:`));
    expect(report.footnotes[0]!.text).toMatch(/^See for example: https:\/\/www\.nhsconfed\.org/);
  });

  it('holds the comparison as six pairs of themes, each with its points', () => {
    const comparison = allBlocks.find((b) => b.type === 'comparison');
    if (comparison?.type !== 'comparison') throw new Error('no comparison');
    expect([comparison.left.key, comparison.right.key]).toEqual(['mechanistic', 'relational']);
    expect(comparison.pairs.map((p) => [p.left.title, p.right.title])).toEqual([
      ['Separation', 'Connection'],
      ['Distance', 'Presence'],
      ['Certainty', 'Uncertainty'],
      ['Standardisation', 'Adoption and innovation'],
      ['Control', 'Nurture'],
      ['Scarcity', 'Abundance'],
    ]);
    expect(comparison.pairs.map((p) => p.left.points.length + p.right.points.length)).toEqual([4, 6, 4, 9, 9, 4]);
  });

  it('holds the three forces twice: as forces and as possibilities', () => {
    const forces = allBlocks.filter((b) => b.type === 'forces');
    expect(forces.map((f) => f.type === 'forces' && [f.variant, f.forces.map((x) => x.name)])).toEqual([
      ['forces', ['Purpose', 'Power', 'Practice']],
      ['possibilities', ['Purpose', 'Power', 'Practice']],
    ]);
  });

  it('holds the glossary of three terms, each with its defining paragraph', () => {
    expect(report.glossary.map((g) => g.term)).toEqual(['practitioners', 'mental health system', 'leaders']);
    for (const g of report.glossary) expect(g.text).toContain(`‘${g.term}’`);
  });

  it('names the four love-letter recipients with role and place', () => {
    const letters = allBlocks.find((b) => b.type === 'loveLetters');
    expect(letters?.type === 'loveLetters' && letters.letters.map((l) => [l.name, l.place])).toEqual([
      ['J, Ahmed', 'Salford'],
      ['Donna Thomas', 'Tameside & Glossop'],
      ['Judd Skelton', 'Salford'],
      ['Katie Bryce', 'Edinburgh'],
    ]);
  });

  it('keeps the five publications with their subtitles', () => {
    const publications = allBlocks.find((b) => b.type === 'publications');
    expect(publications?.type === 'publications' && publications.items.map((p) => [p.title, p.subtitle])).toEqual([
      ['Waiting for Something Better', 'Stories of adversity, resilience, mental health and hope'],
      ['From Crisis to Renewal', 'Redesigning the mental health system around people and communities'],
      ['Working for Something Better', 'Stories of designing, testing and leading Living Well UK systems'],
      ['The Living Well Dialogues', 'Podcast series'],
      ['Evaluation Report', 'Independently evaluated by Cordis Bright'],
    ]);
  });

  it('keeps the four placeholder links exactly as the source has them', () => {
    const placeholders = report.links.filter((l) => l.kind === 'placeholder');
    expect(placeholders.map((l) => `${path.basename(l.source.file)}:${l.source.line} ${l.text}`)).toEqual([
      '09-learning-in-the-midst-of-action.md:11 here',
      '11-learning-1.md:121 Listen to the podcast series here',
      '12-learning-2.md:49 Read more about the tensions underpinning these three powerful forces here',
      '14-beyond-living-well.md:25 The National Lottery Community Fund',
    ]);
    for (const l of placeholders) expect(lineOf(l.source.file, l.source.line).slice(l.source.column - 1)).toMatch(/^\[[^\]]+\]\(#\)/);
  });

  it('validates against its own JSON Schema, which carries the model version', () => {
    const ajv = new Ajv2020.default({ allErrors: true, strict: true });
    const validate = ajv.compile(MODEL_SCHEMA);
    const valid = validate(JSON.parse(JSON.stringify(report)));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(MODEL_SCHEMA.properties.version?.const).toBe(MODEL_VERSION);
    expect(MODEL_SCHEMA.$id).toContain(MODEL_VERSION);
    expect(MODEL_SCHEMA.$comment).toContain(MODEL_VERSION);
  });

  it('has a JSON Schema that compiles in Ajv 2020 strict mode (no unknown keywords, strict types)', () => {
    const warnings: string[] = [];
    const logger = { log: () => undefined, warn: (m: string) => warnings.push(m), error: (m: string) => warnings.push(m) };
    expect(() => new Ajv2020.default({ strict: true, logger }).compile(MODEL_SCHEMA)).not.toThrow();
    expect(warnings).toEqual([]);
  });
});
