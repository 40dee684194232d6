import { describe, expect, it } from 'vitest';
import { selectEdition } from '../../src/model/edition.js';
import { realReport } from '../support/report.js';

describe('narrowing the model to an edition', () => {
  it('gives the same edition from a model read back from JSON (lwr model, the read cache) as from the model in memory', () => {
    const report = realReport();
    const fromJson = JSON.parse(JSON.stringify(report));
    for (const edition of report.meta.editions) {
      const selected = selectEdition(report, edition);
      expect(selectEdition(fromJson, edition)).toEqual(selected);
      if (edition.id === 'full') expect(selected.glossary.length).toBeGreaterThan(0);
    }
  });
});
