import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectToMatchFile, FIXTURES, readContent } from '../support/report.js';
import { renderText } from './support.js';

/**
 * Each folder under tests/fixtures/text/ is a small report (`content/`), the options it is
 * rendered with (`options.json`) and the text edition it must give (`expected.txt`).
 * LWR_UPDATE_FIXTURES=1 rewrites the expectations for review.
 */
const root = path.join(FIXTURES, 'text');
const cases = readdirSync(root).filter((name) => existsSync(path.join(root, name, 'content')));

describe('the text edition of each fixture report', () => {
  for (const name of cases) {
    it(`renders ${name} as expected.txt`, async () => {
      const dir = path.join(root, name);
      const options = existsSync(path.join(dir, 'options.json')) ? JSON.parse(readFileSync(path.join(dir, 'options.json'), 'utf8')) : {};
      const { report, diagnostics } = readContent(path.join(dir, 'content'));
      expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expectToMatchFile(await renderText(report!, options), path.join(dir, 'expected.txt'));
    });
  }
});
