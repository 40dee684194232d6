import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/check/rules.js';
import { expectToMatchFile } from '../support/report.js';
import { CHECK_FIXTURES, checkFixture, positionLines } from './support.js';

/**
 * Each folder under tests/fixtures/check/ is a content folder and `expected.txt`: one
 * `file:line:col severity rule-id` line per diagnostic `lwr check` must report, in order.
 * LWR_UPDATE_FIXTURES=1 (npm run test:update) rewrites them for review.
 */
const cases = readdirSync(CHECK_FIXTURES).filter((name) => existsSync(path.join(CHECK_FIXTURES, name, 'content')));

describe('check fixture folders', () => {
  for (const name of cases) {
    it(`reports exactly what ${name}/expected.txt lists`, async () => {
      const dir = path.join(CHECK_FIXTURES, name);
      const lines = positionLines(await checkFixture(name), path.join(dir, 'content'));
      expectToMatchFile(lines ? `${lines}\n` : '', path.join(dir, 'expected.txt'));
    });
  }

  it('exercise every offline rule of the links, attribution and images families', () => {
    const reported = new Set(
      cases.flatMap((name) =>
        readFileSync(path.join(CHECK_FIXTURES, name, 'expected.txt'), 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => line.split(' ')[2]),
      ),
    );
    // image-too-large needs a file over 5 MB: tests/check/images.test.ts makes one on the spot.
    const offline = RULES.filter((r) => ['links', 'attribution', 'images'].includes(r.family) && !r.id.startsWith('link-external-') && r.id !== 'image-too-large').map((r) => r.id);
    expect(offline.filter((id) => !reported.has(id))).toEqual([]);
  });
});
