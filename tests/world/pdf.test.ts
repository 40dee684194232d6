import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { locateFonts } from '../../src/fonts/locate.js';
import { reportTexts } from '../../src/fonts/report-text.js';
import { render } from '../../src/render/pdf/index.js';
import { readContent } from '../support/report.js';
import { renderContext } from '../pdf/support/render.js';
import { comparableText, requireWorldFonts, WORLD } from './support.js';

const ready = requireWorldFonts();

describe.skipIf(!ready)('the PDF of a report in every script', () => {
  let file = '';
  let text = '';
  let bytes: Uint8Array;

  beforeAll(async () => {
    const { report } = readContent(WORLD);
    if (!report) throw new Error('the world fixture could not be read');
    const fonts = locateFonts(reportTexts(report), report.meta.fonts ?? [], WORLD);
    const [output] = await render(report, { ...renderContext(report), fonts: fonts.faces });
    bytes = output!.contents as Uint8Array;
    file = path.join(mkdtempSync(path.join(tmpdir(), 'lwr-world-')), 'voices.pdf');
    writeFileSync(file, bytes);
    text = comparableText(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
  }, 120_000);

  it.each([
    ['Welsh', "Croeso i bawb; mae'r gŵr o Bwllheli yn dŷ ni heddiw"],
    ['Welsh', "Rydyn ni'n gweithio gyda'n gilydd, ŵyr ac ŷd, o'r dŵr i'r tŷ."],
    ['Polish', 'Zażółć gęślą jaźń, a sentence with every Polish letter: ą ć ę ł ń ó ś ź ż.'],
    ['Polish', 'Źródłem siły jest wspólnota, nie pojedynczy człowiek.'],
    ['an Arabic phrase in English', 'السلام عليكم'],
    ['an Arabic phrase in English', 'شكرا جزيلا'],
    ['the right-to-left paragraph', 'نحن نعمل معا من أجل صحة نفسية أفضل في مجتمعاتنا'],
    ['an Arabic quote', 'الأمل يبدأ بكلمة طيبة'],
    ['Chinese', '学而时习之，不亦说乎'],
    ['a Chinese paragraph broken between characters', '我们相信社区的力量。每一个人的经验都很重要，我们一起学习，一起成长，一起改变心理健康服务的未来。'],
    ['Hindi (reordered vowel signs)', 'नमस्ते दुनिया'],
    ['Hindi (a conjunct)', 'क्षत्रिय'],
    ['a Hindi quote', 'हम सब मिलकर बेहतर भविष्य बनाएंगे।'],
    ['an emoji with a skin tone', 'voted with 👍🏽 and ❤️'],
    ['an emoji ZWJ sequence', 'a family 👨‍👩‍👧'],
    ['an emoji in a quote', 'We smiled 😀 all the way home.'],
  ])('gives back %s in logical order through pdftotext: %s', (_what, phrase) => {
    expect(text).toContain(comparableText(phrase));
  });

  it('embeds (and subsets) every font it draws with, each script in a font that has it', () => {
    const rows = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    for (const row of rows) {
      const [emb, sub] = row.trim().split(/\s+/).slice(-5, -3);
      expect({ row, emb, sub }).toEqual({ row, emb: 'yes', sub: 'yes' });
    }
    const names = rows.map((r) => r.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''));
    for (const font of ['SourceSerif4-Regular', 'SourceSans3-SemiBold', 'SourceCodePro-Regular', 'NotoNaskhArabic-Regular', 'NotoSerifCJKsc-Regular', 'NotoSerifDevanagari-Regular', 'Symbola']) {
      expect(names).toContain(font);
    }
  });

  it('marks the language of spans and blocks in the structure tree (Lang)', () => {
    const pdf = Buffer.from(bytes).toString('latin1');
    for (const lang of ['cy', 'pl', 'ar', 'zh-Hans', 'hi']) expect(pdf).toContain(`/Lang (${lang})`);
    expect(pdf).toContain('/S /Div');
  });

  it('sets code in the monospaced Source Code Pro, keeping its indentation', () => {
    const layout = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    expect(layout).toMatch(/\n\s*fonts:\n\s+ - fonts\/MyEmoji\.ttf/);
  });
});
