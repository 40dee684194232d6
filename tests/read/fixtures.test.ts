import { existsSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnosticLines, expectToMatchFile, FIXTURES, readContent } from '../support/report.js';

/**
 * Each folder under tests/fixtures/read/ is a content folder plus what reading it must give:
 * `expected.txt` (one diagnostic a line) when it has problems, else `expected-model.json`.
 * LWR_UPDATE_FIXTURES=1 rewrites them for review.
 */
const root = path.join(FIXTURES, 'read');
const cases = readdirSync(root).filter((name) => existsSync(path.join(root, name, 'content')));

describe('reading fixture content folders', () => {
  for (const name of cases) {
    it(`reads ${name} as expected`, () => {
      const dir = path.join(root, name);
      const { report, diagnostics } = readContent(path.join(dir, 'content'));
      if (diagnostics.length > 0 || !report) {
        expect(existsSync(path.join(dir, 'expected-model.json')), 'content with problems has no model').toBe(false);
        expectToMatchFile(`${diagnosticLines(diagnostics, dir)}\n`, path.join(dir, 'expected.txt'));
      } else {
        expectToMatchFile(`${JSON.stringify(report, null, 2)}\n`, path.join(dir, 'expected-model.json'));
      }
    });
  }
});

describe('hostile front matter', () => {
  it('never executes JavaScript or CoffeeScript front matter, and says which file refused', () => {
    const marker = path.join(tmpdir(), 'lwr-front-matter-executed');
    rmSync(marker, { force: true });
    const { report, diagnostics } = readContent(path.join(root, 'javascript-front-matter/content'));
    expect(existsSync(marker)).toBe(false);
    expect(report).toBeUndefined();
    expect(diagnostics.map((d) => [path.basename(d.file!), d.ruleId, d.line])).toEqual([
      ['01-a.md', 'front-matter-language', 1],
      ['02-b.md', 'front-matter-language', 1],
      ['03-c.md', 'front-matter-language', 1],
    ]);
  });
});
