import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toAscii } from '../../src/render/text/ascii.js';
import { runLwr } from '../support/cli.js';
import { WORLD } from './support.js';

describe('the ASCII text edition (--ascii)', () => {
  it('transliterates names and letters with no ASCII form', () => {
    expect(toAscii('Paweł Zieliński, Straße, Æsir, Łódź, Siân Llŷr')).toBe('Pawel Zielinski, Strasse, Aesir, Lodz, Sian Llyr');
  });

  it('romanises other scripts and names emoji, as documented', () => {
    expect(toAscii('Привет, 学而时习之，不亦说乎。 السلام, नमस्ते।, 😀')).toBe('Privet, Xue Er Shi Xi Zhi, Bu Yi Shuo Hu. lslm, nmste., :grinning:');
  });

  it('builds a report in every script, verified, with no byte above 127', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'lwr-ascii-')), 'dist');
    const result = runLwr(['build', '--content', WORLD, '--format', 'text', '--ascii', '--out', out]);
    expect(result.stderr).toContain('checks: ✔ no problems');
    expect(result.status).toBe(0);
    const bytes = readFileSync(path.join(out, 'text/voices.txt'));
    expect(bytes.filter((b) => b > 127)).toHaveLength(0);
    const text = bytes.toString('ascii');
    expect(text).toContain('Pawel Zielinski');
    expect(text).toContain('Zazolc gesla jazn');
    expect(text).toContain('-- Pawel Zielinski, Lodz');
  });
});
