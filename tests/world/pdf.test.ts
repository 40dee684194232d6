import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { locateFonts } from '../../src/fonts/locate.js';
import { reportTexts } from '../../src/fonts/report-text.js';
import { render } from '../../src/render/pdf/index.js';
import { readContent, reportOfFiles, ROOT } from '../support/report.js';
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
    ['Welsh', "The steering group met in Llanfairpwllgwyngyll, where the chair, Siân Llŷr, opened with Croeso i bawb; mae'r gŵr o Bwllheli yn dŷ ni heddiw."],
    ['a Welsh quote', "Rydyn ni'n gweithio gyda'n gilydd, ŵyr ac ŷd, o'r dŵr i'r tŷ."],
    ['Polish', "Paweł Zieliński and Łucja Wąsowska joined from Łódź. Their team's motto is Zażółć gęślą jaźń, a sentence with every Polish letter: ą ć ę ł ń ó ś ź ż."],
    ['a Polish quote', 'Źródłem siły jest wspólnota, nie pojedynczy człowiek.'],
    ['Arabic phrases in an English sentence', 'Amira greeted the room with السلام عليكم and thanked the team in شكرا جزيلا before the meeting began in English.'],
    ['a right-to-left paragraph with a comma, quotation marks and a year', 'نحن نعمل معا من أجل صحة نفسية أفضل في مجتمعاتنا، ونؤمن بأن «الرعاية تبدأ من الناس» في عام 2023.'],
    ['an Arabic quote', 'الأمل يبدأ بكلمة طيبة'],
    ['an Arabic quote with vowel marks, digits and commas', 'مَرْحَبًا بِكُم! في عام 2023 عملنا معًا، ونجحنا في 12 مدينة.'],
    ['a Hebrew quote with a comma', 'שלום, עולם'],
    ['a Hebrew paragraph with numbers, brackets and quotation marks', 'בשנת 2023 עבדנו עם 12 צוותים (בערך) בלידס, ולמדנו הרבה: "השינוי מתחיל מהאנשים"!'],
    ['Chinese', 'The Manchester group chose a motto from the Analects: 学而时习之，不亦说乎.'],
    ['a Chinese paragraph broken between characters', '我们相信社区的力量。每一个人的经验都很重要，我们一起学习，一起成长，一起改变心理健康服务的未来。这段文字足够长，可以在字与字之间换行。'],
    ['Hindi (reordered vowel signs, a conjunct)', 'Priya opened the Leicester session with नमस्ते दुनिया and spoke of the क्षत्रिय tradition of service.'],
    ['a Hindi quote', 'हम सब मिलकर बेहतर भविष्य बनाएंगे।'],
    ['emoji with a skin tone and a ZWJ sequence', "The group voted with 👍🏽 and ❤️, the youth panel sent 🎉 and a family 👨‍👩‍👧 drawing, and the café's menu said naïve crème brûlée."],
    ['an emoji in a quote', 'We smiled 😀 all the way home.'],
  ])('gives back %s whole, in reading order, through pdftotext: %s', (_what, sentence) => {
    expect(text).toContain(comparableText(sentence));
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
    for (const lang of ['cy', 'pl', 'ar', 'he', 'zh-Hans', 'hi']) expect(pdf).toContain(`/Lang (${lang})`);
    expect(pdf).toContain('/S /Div');
  });

  it('sets code in the monospaced Source Code Pro, keeping its indentation', () => {
    const layout = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    expect(layout).toMatch(/\n\s*fonts:\n\s+ - fonts\/MyEmoji\.ttf/);
  });
});

describe.skipIf(!ready)('text the PDF draws outside the paragraphs', () => {
  it('sets running heads, the cover and the contents in every script, like the text (fallback fonts, shaping, direction)', async () => {
    const report = reportOfFiles({
      'report.yaml': 'title: "学习报告 تقرير التعلم"\nsubtitle: "Adroddiad · Raport"\nslug: heads\n',
      '10-a.md': `---\ntitle: "Cymraeg, Polski, العربية, 中文, हिन्दी"\n---\n\n${'Words that fill the page. '.repeat(200)}\n`,
    });
    const fonts = locateFonts(reportTexts(report), [], ROOT);
    const [output] = await render(report, { ...renderContext(report), fonts: fonts.faces });
    const pdf = path.join(mkdtempSync(path.join(tmpdir(), 'lwr-heads-')), 'heads.pdf');
    writeFileSync(pdf, output!.contents as Uint8Array);
    // A page of the section after its first: the running head names the report and the section.
    const head = comparableText(execFileSync('pdftotext', ['-f', '4', '-l', '4', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).split('\n').slice(0, 3).join('\n'));
    expect(head).toContain(comparableText('学习报告 تقرير التعلم · Adroddiad · Raport'));
    expect(head).toContain(comparableText('Cymraeg, Polski, العربية, 中文, हिन्दी'));
    const cover = comparableText(execFileSync('pdftotext', ['-f', '1', '-l', '1', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }));
    expect(cover).toContain(comparableText('学习报告 تقرير التعلم'));
    const contents = comparableText(execFileSync('pdftotext', ['-f', '2', '-l', '2', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }));
    expect(contents).toContain(comparableText('Cymraeg, Polski, العربية, 中文, हिन्दी'));
  }, 120_000);
});
