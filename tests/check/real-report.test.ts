import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/check/index.js';
import { CONTENT, realReport } from '../support/report.js';

const checks = () => runChecks(realReport(), { contentRoot: CONTENT, fileExists: existsSync });
const at = async (ruleId: string) =>
  (await checks())
    .filter((d) => d.ruleId === ruleId)
    .map((d) => `${path.basename(d.file!)}:${d.line}`);

describe('lwr check on the real report', () => {
  it('reports the four links whose targets were lost as placeholders, at their lines', async () => {
    expect(await at('link-placeholder')).toEqual([
      '09-learning-in-the-midst-of-action.md:11',
      '11-learning-1.md:121',
      '12-learning-2.md:49',
      '14-beyond-living-well.md:25',
    ]);
  });

  it('reports the five "… here" sentences whose links were lost, the colophon\'s bold "here" included', async () => {
    expect(await at('link-lost')).toEqual(['11-learning-1.md:19', '11-learning-1.md:115', '12-learning-2.md:23', '13-learning-3.md:51', '16-colophon.md:9']);
  });

  it('has errors only for the placeholders (so `lwr check` exits 1 because of them)', async () => {
    expect((await checks()).filter((d) => d.severity === 'error').map((d) => d.ruleId)).toEqual(Array(4).fill('link-placeholder'));
  });

  it('finds every quote, learning and the poem attributed, and the summary agreeing with the learnings', async () => {
    const rules = new Set((await checks()).map((d) => d.ruleId));
    for (const rule of ['quote-unattributed', 'learning-unattributed', 'poem-no-author', 'key-learnings-mismatch', 'link-fragment-missing', 'footnote-undefined', 'footnote-unused']) {
      expect(rules.has(rule), rule).toBe(false);
    }
  });

  it('warns that the love letter to "J, Ahmed" and the poet "J" write one person two ways', async () => {
    const [warning, ...more] = (await checks()).filter((d) => d.ruleId === 'person-inconsistent');
    expect(more).toEqual([]);
    expect(`${path.basename(warning!.file!)}:${warning!.line}`).toBe('07-celebrating-impact.md:14');
    expect(warning!.message).toMatch(/"J, Ahmed" and "J"/);
  });

  it('runs one family alone when asked', async () => {
    const linksOnly = await runChecks(realReport(), { families: ['links'] });
    expect(linksOnly.some((d) => d.ruleId === 'person-inconsistent')).toBe(false);
    expect((await runChecks(realReport(), { families: ['attribution'] })).map((d) => d.ruleId)).toEqual(['person-inconsistent']);
  });
});
