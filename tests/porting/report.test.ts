import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/types.js';
import { namesMarkdownFile } from '../../src/read/in-report-links.js';
import { runLwr, type CliRun } from '../support/cli.js';
import { FIXTURES, readContent } from '../support/report.js';
import { pdfToolsAvailable, run } from '../pdf/support/tools.js';

/**
 * The porting report (tests/fixtures/porting/content): an evaluation report written the way
 * an editor brings one from elsewhere. Files without front matter, keys from other tools, a
 * draft, chapter links, a long title and subtitle, tables of figures, code, participant
 * quotes. It must build in every edition with no dead link and no text drawn on text.
 */
const CONTENT = path.join(FIXTURES, 'porting/content');
const SLUG = 'connectors-evaluation';

let out: string;
let build: CliRun;
let report: Report;

beforeAll(() => {
  out = mkdtempSync(path.join(tmpdir(), 'lwr-porting-'));
  build = runLwr(['build', '--content', CONTENT, '--out', out, '--strict'], { env: { SOURCE_DATE_EPOCH: '1700000000' } });
  const read = readContent(CONTENT);
  if (!read.report) throw new Error(JSON.stringify(read.diagnostics));
  report = read.report;
}, 180_000);

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

const html = () => readFileSync(path.join(out, 'html/index.html'), 'utf8');
const text = () => readFileSync(path.join(out, `text/${SLUG}.txt`), 'utf8');
const pdf = () => path.join(out, `pdf/${SLUG}.pdf`);
const chapterLinks = () => report.links.filter((l) => namesMarkdownFile(l.url));

describe('the porting report', () => {
  it('builds every edition with --strict, and says it left the draft out', () => {
    expect(build.stderr).toContain('left out 1 draft (draft: true)');
    expect(build.status, build.stderr).toBe(0);
    for (const file of ['html/index.html', `pdf/${SLUG}.pdf`, `text/${SLUG}.txt`]) expect(existsSync(path.join(out, file)), file).toBe(true);
  });

  it('reports only what a porting editor should hear about: the second # heading', () => {
    const check = runLwr(['check', '--content', CONTENT, '--format', 'json']);
    const found = (JSON.parse(check.stdout) as { diagnostics: { ruleId: string; file: string; line: number }[] }).diagnostics.map((d) => `${path.basename(d.file)}:${d.line} ${d.ruleId}`);
    expect(found).toEqual(['20-introduction.md:25 heading-level-one']);
  });

  it('reads every file as a section, titled from front matter or its # heading, the draft left out', () => {
    expect(report.sections.map((s) => [s.id, s.title])).toEqual([
      ['foreword', 'Foreword'],
      ['summary', 'Summary'],
      ['introduction', 'Introduction'],
      ['context', 'Context: four wards, one town'],
      ['methods', 'Methods'],
      ['findings', 'Findings: what changed for the people who used the service, and what did not'],
      ['voices', 'In their own words'],
      ['costs', 'Costs and savings'],
      ['recommendations', 'Recommendations'],
      ['acknowledgements', 'Acknowledgements'],
      ['appendix-data', 'Appendix: referrals by month'],
    ]);
    expect(report.drafts?.map((d) => d.id)).toEqual(['working-notes']);
  });

  it('lands every chapter link on an anchor of the report', () => {
    const links = chapterLinks();
    expect(links).toHaveLength(16);
    const anchors = new Set(report.anchors);
    for (const link of links) expect(link.target && anchors.has(link.target.anchor), link.url).toBe(true);
  });

  it('reads the participants’ attributions without inventing people', () => {
    expect(report.quotes.map((q) => [q.person, q.role, q.place])).toEqual([
      [undefined, 'Participant', 'Caia Park'],
      [undefined, 'A parent', 'Hightown'],
      [undefined, 'Practice manager', 'a Wrexham surgery'],
      [undefined, 'Programme lead', undefined],
      ['Dafydd Jones', 'Volunteer', 'Gwersyllt'],
      [undefined, 'Participant', 'Caia Park'],
    ]);
  });
});

describe('the porting report’s HTML edition', () => {
  it('has no link to a .md file', () => {
    const hrefs = selectAll('a', fromHtml(html())).map((a) => String(a.properties.href ?? ''));
    expect(hrefs.filter((href) => /\.md(?:$|[#?])/i.test(href))).toEqual([]);
  });

  it('lands every in-page link on an element', () => {
    const page = fromHtml(html());
    const ids = new Set(selectAll('[id]', page).map((e) => String(e.properties.id)));
    const targets = selectAll('a[href^="#"]', page).map((a) => decodeURIComponent(String(a.properties.href).slice(1)));
    expect(targets.length).toBeGreaterThanOrEqual(chapterLinks().length);
    expect(targets.filter((id) => !ids.has(id))).toEqual([]);
  });
});

describe('the porting report’s text edition', () => {
  it('names no .md file, and says where chapter links lead', () => {
    expect(text()).not.toMatch(/\.md\b/);
    expect(text().replace(/\s+/g, ' ')).toMatch(/The method is in the methods chapter <(\d+)>\. .* <\1> see ‘Cost analysis’ in ‘Methods’/);
  });
});

describe.skipIf(!pdfToolsAvailable())('the porting report’s PDF edition', () => {
  interface Word { page: number; text: string; xMin: number; yMin: number; xMax: number; yMax: number }

  /** Every word pdftotext finds, with its box (running heads and folios included). */
  function words(): { words: Word[]; pageWidth: number } {
    const bbox = run('pdftotext', ['-bbox', pdf(), '-']);
    const pageWidth = Number(/<page width="([\d.]+)"/.exec(bbox)?.[1]);
    const found: Word[] = [];
    bbox.split('<page ').slice(1).forEach((page, i) => {
      for (const m of page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
        found.push({ page: i + 1, text: m[5]!, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]) });
      }
    });
    return { words: found, pageWidth };
  }

  it('draws no text on text, running heads included', () => {
    // pdftotext boxes span the font's whole ascent and descent, more than a display line's
    // leading: the core of each box (its middle, where letters have ink) must not meet another.
    const core = (w: Word) => ({ ...w, xMin: w.xMin + 0.5, xMax: w.xMax - 0.5, yMin: w.yMin + 0.25 * (w.yMax - w.yMin), yMax: w.yMax - 0.2 * (w.yMax - w.yMin) });
    const all = words().words.map(core);
    const clashes: string[] = [];
    for (let i = 0; i < all.length; i++) {
      for (let j = i + 1; j < all.length && all[j]!.page === all[i]!.page; j++) {
        const a = all[i]!;
        const b = all[j]!;
        if (Math.min(a.xMax, b.xMax) > Math.max(a.xMin, b.xMin) && Math.min(a.yMax, b.yMax) > Math.max(a.yMin, b.yMin)) clashes.push(`page ${a.page}: "${a.text}" and "${b.text}"`);
      }
    }
    expect(all.length).toBeGreaterThan(1500);
    expect(clashes).toEqual([]);
  });

  it('keeps every word inside the page’s margins', () => {
    const { words: all, pageWidth } = words();
    expect(all.filter((w) => w.xMin < 36 || w.xMax > pageWidth - 36).map((w) => `page ${w.page}: ${w.text}`)).toEqual([]);
  });

  it('links chapters inside the document, and nowhere to a .md file', () => {
    const json = JSON.parse(run('qpdf', ['--json', '--json-key=qpdf', pdf()])) as { qpdf: [unknown, Record<string, { value?: Record<string, unknown> }>] };
    const objects = json.qpdf[1];
    const value = (ref: unknown) => objects[`obj:${String(ref)}`]?.value;
    const annotations = Object.values(objects).map((o) => o.value).filter((v): v is Record<string, unknown> => v?.['/Subtype'] === '/Link');
    const actions = annotations.map((a) => value(a['/A']) as Record<string, unknown>);
    expect(actions.filter((a) => a['/S'] === '/URI' && /\.md(?:$|[#?])/i.test(String(a['/URI'])))).toEqual([]);
    // Every internal link goes to a named destination the document defines.
    const names = Object.values(objects).map((o) => o.value?.['/Dests'] as { '/Names'?: unknown[] } | undefined).find(Boolean)?.['/Names'] ?? [];
    const defined = new Set(names.filter((n): n is string => typeof n === 'string'));
    const goTo = actions.filter((a) => a['/S'] === '/GoTo').map((a) => String(a['/D']));
    expect(goTo.length).toBeGreaterThanOrEqual(chapterLinks().length + report.sections.length);
    expect(goTo.filter((d) => !defined.has(d))).toEqual([]);
    // Every link annotation belongs to the structure tree.
    expect(annotations.every((a) => typeof a['/StructParent'] === 'number')).toBe(true);
  });

  it('sets the code block in an embedded monospaced font: every letter of its words as wide as the next', () => {
    const fonts = run('pdffonts', [pdf()]);
    expect(fonts).toMatch(/\+SourceCodePro-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes/);
    const code = report.sections.flatMap((s) => s.blocks).find((b) => b.type === 'code');
    // Words only code has (a bracket or an underscore), so no word of the prose is measured.
    const tokens = new Set(code?.type === 'code' ? code.value.split(/\s+/).filter((t) => /[(_]/.test(t) && !/["<>&]/.test(t)) : []);
    const perLetter = words().words.filter((w) => tokens.has(w.text)).map((w) => (w.xMax - w.xMin) / [...w.text].length);
    expect(perLetter.length).toBeGreaterThanOrEqual(6);
    expect(Math.max(...perLetter) / Math.min(...perLetter)).toBeLessThan(1.01);
  });
});
