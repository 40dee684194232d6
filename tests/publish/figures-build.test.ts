import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../src/model/hash.js';
import { planBuild } from '../../src/publish/plan.js';
import type { OutputFile } from '../../src/publish/render-targets.js';
import { verifyEditions } from '../../src/publish/verify.js';
import { listFiles } from '../../src/publish/write-output.js';
import { runLwr } from '../support/cli.js';
import { contentFolderOf, FIGURES_CONTENT, FIXTURES, readContentWithImages, ROOT } from '../support/report.js';

const EPOCH = { SOURCE_DATE_EPOCH: '1700000000' };
const tmp = () => mkdtempSync(path.join(tmpdir(), 'lwr-figures-build-'));
const snapshot = (dir: string) => Object.fromEntries(listFiles(dir).map((f) => [f, sha256(readFileSync(path.join(dir, f)))]));

let out: string;
beforeAll(() => {
  out = path.join(tmp(), 'dist');
  const run = runLwr(['build', '--content', FIGURES_CONTENT, '--out', out, '--strict'], { env: EPOCH });
  if (run.status !== 0) throw new Error(`lwr build failed: ${run.stderr}`);
});

describe('lwr build with figures', () => {
  it('copies each edition\'s image files beside its page once, and lists them in the manifest with their hashes', () => {
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    const images = manifest.files.filter((f: { path: string }) => f.path.includes('/assets/images/'));
    expect(images.map((f: { path: string }) => f.path.replace(/-[0-9a-f]{12}\./, '.'))).toEqual([
      'html/assets/images/chart.png',
      'html/assets/images/icon.png',
      'html/assets/images/logic-model.svg',
      'html/assets/images/photo.jpg',
      'summary/html/assets/images/chart.png',
      'summary/html/assets/images/icon.png',
      'summary/html/assets/images/logic-model.svg',
      'summary/html/assets/images/photo.jpg',
    ]);
    const chart = images.find((f: { path: string }) => f.path.startsWith('html/assets/images/chart-'));
    expect(chart).toMatchObject({ edition: 'full', format: 'html', sha256: sha256(readFileSync(path.join(FIGURES_CONTENT, 'images/chart.png'))) });
  });

  it('gives byte-identical output with SOURCE_DATE_EPOCH, images and PDFs included', () => {
    const again = path.join(tmp(), 'dist');
    expect(runLwr(['build', '--content', FIGURES_CONTENT, '--out', again], { env: EPOCH }).status).toBe(0);
    expect(snapshot(again)).toEqual(snapshot(out));
  });

  it('fails under --strict on a missing image, naming file and line, and leaves the previous output as it was', () => {
    const content = path.join(tmp(), 'content');
    cpSync(FIGURES_CONTENT, content, { recursive: true });
    rmSync(path.join(content, 'images/photo.jpg'));
    const before = snapshot(out);
    const run = runLwr(['build', '--content', content, '--out', out, '--strict'], { env: EPOCH });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/01-charts\.md\n\s+22:1\s+error\s+images\/photo\.jpg does not exist in the content folder\s+image-missing/);
    expect(snapshot(out)).toEqual(before);
  });

  it('still publishes a figure whose file is missing without --strict: the image as written in the HTML, a note in the PDF', () => {
    const content = path.join(tmp(), 'content');
    cpSync(FIGURES_CONTENT, content, { recursive: true });
    rmSync(path.join(content, 'images/photo.jpg'));
    const dist = path.join(tmp(), 'dist');
    const run = runLwr(['build', '--content', content, '--out', dist, '--format', 'html,text'], { env: EPOCH });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('1 error');
    expect(readFileSync(path.join(dist, 'html/index.html'), 'utf8')).toMatch(/<img src="images\/photo\.jpg" alt="A community garden with raised beds and a greenhouse"/);
  });
});

describe('a build over hostile images', () => {
  it('reports the decompression bomb, the truncated PNG, the unsafe SVG and the path out, quickly and in bounded memory', () => {
    const content = path.join(tmp(), 'content');
    for (const rule of ['image-over-limit', 'image-unreadable', 'image-unsafe-svg', 'image-outside-content']) {
      cpSync(path.join(FIXTURES, 'check', rule, 'content'), content, { recursive: true, verbatimSymlinks: true });
    }
    // The symlink's target, outside the content folder.
    cpSync(path.join(FIXTURES, 'check/image-outside-content/outside.png'), path.join(content, '../outside.png'));
    const useTime = spawnSync('sh', ['-c', 'command -v /usr/bin/time']).status === 0;
    const started = performance.now();
    const args = [path.join(ROOT, 'bin/lwr.js'), 'build', '--content', content, '--out', path.join(tmp(), 'dist'), '--strict'];
    const run = useTime ? spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } }) : spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const seconds = (performance.now() - started) / 1000;
    expect(run.status).toBe(1);
    for (const rule of ['image-over-limit', 'image-unreadable', 'image-unsafe-svg', 'image-outside-content']) expect(run.stderr).toContain(rule);
    expect(seconds).toBeLessThan(30);
    if (useTime) expect(Number(run.stderr.trim().split('\n').at(-1))).toBeLessThan(400_000);
  });
});

describe('verifying figures in every edition', () => {
  const { report } = readContentWithImages(FIGURES_CONTENT);
  const noPdf = async () => undefined;

  it('reports a figure the text edition dropped', async () => {
    const { targets } = planBuild(report, { editions: ['full'], formats: ['text'] });
    const text = readFileSync(path.join(out, 'text/figures.txt'), 'utf8');
    const file = (contents: string): OutputFile => ({ path: 'text/figures.txt', contents, edition: 'full', format: 'text' });
    expect(await verifyEditions(report, [file(text)], targets, noPdf)).toEqual([]);
    const problems = await verifyEditions(report, [file(text.replace(/\[Figure 3:[^\]]*\]/, ''))], targets, noPdf);
    expect(problems).toEqual([expect.objectContaining({ ruleId: 'edition-incomplete', line: 21, message: expect.stringContaining('missing figure 3 (fig-site-visit)') })]);
  });

  it('reports a figure whose image the HTML page lost, or whose file was not published', async () => {
    const { targets } = planBuild(report, { editions: ['full'], formats: ['html'] });
    const files: OutputFile[] = listFiles(path.join(out, 'html')).map((f) => ({ path: `html/${f}`, contents: readFileSync(path.join(out, 'html', f)), edition: 'full', format: 'html' }));
    expect(await verifyEditions(report, files, targets, noPdf)).toEqual([]);
    const withoutPhoto = files.filter((f) => !f.path.includes('/photo-'));
    expect((await verifyEditions(report, withoutPhoto, targets, noPdf)).map((p) => p.message)).toEqual([expect.stringMatching(/missing figure 3 \(fig-site-visit\): its image file assets\/images\/photo-[0-9a-f]{12}\.jpg is not published/)]);
  });

  it('reports a PDF with fewer Figure elements or images than the model has figures', async () => {
    const { targets } = planBuild(report, { editions: ['full'], formats: ['pdf'] });
    const pdf: OutputFile = { path: 'pdf/figures.pdf', contents: new Uint8Array(0), edition: 'full', format: 'pdf' };
    const text = async () => readFileSync(path.join(out, 'text/figures.txt'), 'utf8');
    const whole = { figureElements: 4, images: [{ width: 900, height: 600 }, { width: 800, height: 600 }] };
    expect(await verifyEditions(report, [pdf], targets, text, async () => whole)).toEqual([]);
    const problems = await verifyEditions(report, [pdf], targets, text, async () => ({ figureElements: 3, images: [{ width: 900, height: 600 }] }));
    expect(problems.map((p) => p.message)).toEqual([
      "the full edition's pdf output has 3 Figure elements for its 4 figures",
      "the full edition's pdf output is missing figure 3 (fig-site-visit): no 800 × 600 image is drawn",
    ]);
  });
});

describe('lwr init', () => {
  it('starts a report with one figure, which checks and builds in every format under --strict', () => {
    const dir = path.join(tmp(), 'new-report');
    expect(runLwr(['init', dir]).status).toBe(0);
    const model = JSON.parse(runLwr(['model'], { cwd: dir }).stdout);
    expect(model.figures).toEqual([expect.objectContaining({ id: 'fig-how-we-learn', number: 1, file: expect.objectContaining({ path: 'images/how-we-learn.svg', format: 'svg' }) })]);
    const build = runLwr(['build', '--strict'], { cwd: dir, env: EPOCH });
    expect(build.status, build.stderr).toBe(0);
    expect(listFiles(path.join(dir, 'dist/html/assets/images'))).toEqual([expect.stringMatching(/^how-we-learn-[0-9a-f]{12}\.svg$/)]);
  });
});

describe('the same image under two names', () => {
  it('is published once, under the first name in reading order, with one manifest entry', () => {
    const content = contentFolderOf({
      '01-a.md': '# A\n\n![Referrals rose from 120 to 340](<images/Graph ŁÓDŹ.PNG>)\n\nAnd again, copied: ![the same chart](images/copy-of-chart.png) inline.\n',
    });
    mkdirSync(path.join(content, 'images'));
    const chart = readFileSync(path.join(FIGURES_CONTENT, 'images/chart.png'));
    writeFileSync(path.join(content, 'images/Graph ŁÓDŹ.PNG'), chart);
    writeFileSync(path.join(content, 'images/copy-of-chart.png'), chart);
    const dist = path.join(tmp(), 'dist');
    const run = runLwr(['build', '--content', content, '--out', dist, '--format', 'html'], { env: EPOCH });
    expect(run.status, run.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(dist, 'manifest.json'), 'utf8'));
    const images = manifest.files.filter((f: { path: string }) => f.path.includes('/assets/images/')).map((f: { path: string }) => f.path);
    const name = `html/assets/images/graph-lodz-${sha256(chart).slice(0, 12)}.png`;
    expect(images).toEqual([name]);
    expect(listFiles(path.join(dist, 'html/assets/images'))).toHaveLength(1);
    const page = readFileSync(path.join(dist, 'html/index.html'), 'utf8');
    expect(page.match(/<img src="[^"]+"/g)).toEqual([`<img src="${name.slice('html/'.length)}"`, `<img src="${name.slice('html/'.length)}"`]);
  });
});
