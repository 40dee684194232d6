import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchContent, type WatchedContent } from '../support/watch.js';

// A report small enough to rebuild in a few milliseconds, so a second save can land inside the
// 50 ms in which the file watcher (chokidar) reports no further change to the same file.
let watch: WatchedContent;
let section: string;

const body = (word: string) => `---\nid: only\ntitle: Only\n---\n\nThe word is ${word}.\n`;

beforeAll(async () => {
  const content = path.join(mkdtempSync(path.join(tmpdir(), 'lwr-quick-saves-')), 'content');
  mkdirSync(content);
  writeFileSync(path.join(content, 'report.yaml'), 'title: Quick saves\neditions:\n  - id: full\n    title: Full\n    sections: [only]\n');
  section = path.join(content, '01-only.md');
  writeFileSync(section, body('first'));
  watch = await watchContent(content);
});

afterAll(() => watch?.stop());

describe('lwr watch, saves in quick succession', () => {
  it('shows the last of two saves made moments apart (one the file watcher does not report)', async () => {
    for (let round = 0; round < 5; round++) {
      writeFileSync(section, body(`draft${round}`));
      await watch.events.next('reload');
      // At once, well inside the watcher's 50 ms: chokidar drops this change event.
      writeFileSync(section, body(`final${round}`));
      await watch.events.next('reload', undefined, 5_000);
      await expect.poll(watch.page, { timeout: 5_000 }).toContain(`The word is final${round}.`);
    }
  });
});
