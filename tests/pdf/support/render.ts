import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Report } from '../../../src/model/types.js';
import { render } from '../../../src/render/pdf/index.js';
import type { RenderContext } from '../../../src/render/types.js';
import { ROOT } from '../../support/report.js';

/** The build date the specs render with (as SOURCE_DATE_EPOCH would give). */
export const BUILD_DATE = new Date('2023-06-01T12:00:00Z');

/** A render context as the publisher makes it, reading fonts from disk. */
export function renderContext(report: Report, options: RenderContext['options'] = {}, editionId?: string): RenderContext {
  const edition = report.meta.editions.find((e) => e.id === editionId) ?? report.meta.editions[0] ?? { id: 'full', title: 'Full report', formats: ['pdf'] };
  return {
    edition,
    buildDate: BUILD_DATE,
    reproducible: true,
    lwrVersion: '0.0.0-test',
    templatesDir: path.join(ROOT, 'templates'),
    readAsset: (file) => readFileSync(file),
    options,
  };
}

/** Render a report's PDF and write it into a fresh temporary folder; returns the file and its bytes. */
export async function renderPdfFile(report: Report, options: RenderContext['options'] = {}, editionId?: string): Promise<{ file: string; bytes: Uint8Array }> {
  const [output] = await render(report, renderContext(report, options, editionId));
  if (!output || typeof output.contents === 'string') throw new Error('the PDF renderer must return one binary file');
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'lwr-pdf-')), output.path);
  writeFileSync(file, output.contents);
  return { file, bytes: output.contents };
}
