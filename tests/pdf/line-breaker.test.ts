import { describe, expect, it } from 'vitest';
import { breakLines } from '../../src/render/pdf/layout/line-breaker.js';
import type { Run } from '../../src/render/pdf/layout/runs.js';
import type { TextStyle } from '../../src/render/pdf/layout/types.js';
import { monospace } from './support/flow.js';

// Size 2 in the monospace measurer: every character is exactly one point wide.
const plain: TextStyle = { font: 'serif', size: 2, color: '#000000' };
const bold: TextStyle = { ...plain, font: 'serifBold' };
const metrics = { height: 10, baseline: 8 };
const run = (text: string, style = plain): Run => ({ text, style, struct: 'p' });
const lineTexts = (runs: Run[], width: number) => breakLines(runs, width, monospace, metrics).map((l) => l.segments.map((s) => s.text).join(''));

describe('breaking text into lines', () => {
  it('breaks at spaces, keeping the space a line broke at as its last character', () => {
    expect(lineTexts([run('one two three four')], 9)).toEqual(['one two ', 'three ', 'four']);
  });

  it('measures lines without their trailing space', () => {
    const widths = breakLines([run('one two three four')], 9, monospace, metrics).map((l) => l.width);
    expect(widths).toEqual([7, 5, 4]);
  });

  it('keeps styled runs of one word together and places each run after the last', () => {
    const [line] = breakLines([run('a '), run('bold', bold), run(', then')], 40, monospace, metrics);
    expect(line!.segments.map((s) => [s.text, s.x])).toEqual([
      ['a ', 0],
      ['bold', 2],
      [', then', 6],
    ]);
    expect(lineTexts([run('a '), run('bold', bold), run(', then')], 6)).toEqual(['a ', 'bold, ', 'then']);
  });

  it('starts a new line at a hard break', () => {
    expect(lineTexts([run('We know'), { ...run(''), hardBreak: true }, run('How you see us,')], 40)).toEqual(['We know ', 'How you see us,']);
  });

  it('breaks a URL after its slashes, as UAX #14 allows, and cuts a part longer than the line after a slash where it can', () => {
    expect(lineTexts([run('see https://example.org/long/path')], 14)).toEqual(['see https://', 'example.org/', 'long/path']);
    expect(lineTexts([run('see https://example.org.uk/a-long-path')], 10)).toEqual(['see ', 'https://', 'example.', 'org.uk/a-', 'long-path']);
  });

  it('collects the footnotes a line calls', () => {
    const lines = breakLines([run('text that calls'), { ...run('1'), footnoteId: 'fn-1' }, run(' and more text')], 16, monospace, metrics);
    expect(lines.map((l) => l.footnoteIds)).toEqual([['fn-1'], []]);
  });
});

describe('breaking text in every script', () => {
  it('breaks Chinese between characters, never before a full stop or comma (UAX #14)', () => {
    const lines = lineTexts([run('我们相信社区的力量。每一个人的经验都很重要，我们一起学习')], 6);
    expect(lines.join('')).toBe('我们相信社区的力量。每一个人的经验都很重要，我们一起学习');
    for (const line of lines) {
      expect(Array.from(line).length).toBeLessThanOrEqual(6);
      expect(line).not.toMatch(/^[。，]/);
    }
  });

  it('never breaks inside a grapheme cluster: an emoji ZWJ sequence, a letter and its combining marks', () => {
    const family = '👨\u200d👩\u200d👧';
    const accented = 'e\u0301\u0323';
    const lines = lineTexts([run(`${family}${accented}${family}${accented}`)], 3);
    expect(lines.join('')).toBe(`${family}${accented}${family}${accented}`);
    for (const line of lines) expect([family, accented, `${family}${accented}`, `${accented}${family}`]).toContain(line);
  });

  it('sets a right-to-left phrase in a left-to-right line as one run, placed in visual order', () => {
    const [line] = breakLines([run('one אבג דהו two')], 40, monospace, metrics);
    expect(line!.segments.map((s) => [s.text, s.x, Boolean(s.shaping?.rtl)])).toEqual([
      ['one ', 0, false],
      ['אבג דהו', 4, true],
      [' two', 11, false],
    ]);
  });

  it('sets a right-to-left paragraph flush right, its runs reordered (UAX #9) and kept in reading order', () => {
    const [line] = breakLines([run('אבג abc דהו')], 20, monospace, metrics, 'rtl');
    expect(line!.segments.map((s) => [s.text, s.x])).toEqual([
      ['אבג ', 16],
      ['abc', 13],
      [' דהו', 9],
    ]);
  });

  it('mirrors paired punctuation set right to left', () => {
    const [line] = breakLines([run('«אבג»')], 20, monospace, metrics, 'rtl');
    expect(line!.segments.map((s) => s.text)).toEqual(['»אבג«']);
  });
});
