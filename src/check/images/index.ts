import type { Diagnostic } from '../../model/diagnostic.js';
import { FORMAT_EXTENSION, isDecorative, printedSize, printResolution, sectionImages } from '../../model/images.js';
import type { ImageInline, ImageProblem, Report } from '../../model/types.js';
import { walkBlocks } from '../../model/walk.js';
import { ruleDiagnostic } from '../rule-diagnostic.js';
import type { RuleId } from '../rules.js';

/** An image file larger than this is reported: readers download it with the page. */
export const LARGE_IMAGE_BYTES = 5 * 1024 * 1024;
/** The least resolution a printed raster image should have. */
export const PRINT_DPI = 150;

const PROBLEM_RULES: Record<ImageProblem['kind'], RuleId> = {
  missing: 'image-missing',
  remote: 'image-remote',
  'outside-content': 'image-outside-content',
  'unsupported-format': 'image-format-unsupported',
  unreadable: 'image-unreadable',
  'unsafe-svg': 'image-unsafe-svg',
  'over-limit': 'image-over-limit',
};

/** Extensions that name each published format (anything else is not checked). */
const EXTENSION_FORMAT: Record<string, string> = { png: 'png', jpg: 'jpeg', jpeg: 'jpeg', jpe: 'jpeg', svg: 'svg' };

/**
 * The image rules, over the model: what the loader found when it read each file (missing,
 * unreadable, unsafe…), alt text, file size, print resolution and names that lie about the
 * format. Every diagnostic points at the image in the Markdown.
 */
export function checkImages(report: Report): Diagnostic[] {
  const out: Diagnostic[] = [];
  const figureImages = new Set<ImageInline>();
  for (const section of report.sections) {
    walkBlocks([...section.blocks, ...section.footnotes.flatMap((f) => f.children)], (block) => {
      if (block.type === 'figure') figureImages.add(block.image);
    });
  }
  const reportedLarge = new Set<string>();
  for (const image of sectionImages(report.sections)) {
    const isFigure = figureImages.has(image);
    if (image.problem) {
      out.push(ruleDiagnostic(PROBLEM_RULES[image.problem.kind], image.problem.message, image.source, { url: image.url, ...(image.problem.hint ? { hint: image.problem.hint } : {}) }));
    }
    if (isFigure && isDecorative(image)) {
      out.push(
        ruleDiagnostic('image-alt-missing', `the figure's image ${image.url || '(no address)'} has no alt text`, image.source, {
          url: image.url,
          hint: 'say what the image shows for readers who cannot see it: ![A logic model from inputs to outcomes](…); only an image inside a line of text may be decorative',
        }),
      );
    }
    const file = image.file;
    if (!file) continue;
    if (file.bytes > LARGE_IMAGE_BYTES && !reportedLarge.has(file.path)) {
      reportedLarge.add(file.path);
      out.push(
        ruleDiagnostic('image-too-large', `${file.path} is ${(file.bytes / 1024 / 1024).toFixed(1)} MB; readers of the HTML edition download all of it`, image.source, {
          url: image.url,
          hint: file.format === 'png' && file.width * file.height > 1_000_000 ? 'save a photo as JPEG, or scale the image down to about 2,000 pixels across' : 'scale the image down to about 2,000 pixels across, or compress it more',
        }),
      );
    }
    const extension = /\.([a-z0-9]+)$/i.exec(file.path)?.[1]?.toLowerCase();
    const named = extension ? EXTENSION_FORMAT[extension] : undefined;
    if (named && named !== file.format) {
      out.push(
        ruleDiagnostic('image-extension-mismatch', `${file.path} is named as ${named.toUpperCase()} but is a ${file.format.toUpperCase()} file; lwr publishes it as ${file.format.toUpperCase()}`, image.source, {
          url: image.url,
          hint: `rename it to …${FORMAT_EXTENSION[file.format]} (and change the path in the Markdown)`,
        }),
      );
    }
    if (isFigure && file.format !== 'svg') {
      const printed = printedSize(file);
      const dpi = printResolution(file, printed.width);
      if (dpi < PRINT_DPI) {
        const inches = (points: number) => (points / 72).toFixed(1);
        const wanted = Math.ceil((PRINT_DPI * printedSize({ width: 1e6, height: (1e6 * file.height) / file.width }).width) / 72);
        out.push(
          ruleDiagnostic('image-low-resolution', `${file.path} (${file.width} × ${file.height} px) prints at ${Math.round(dpi)} dpi in the PDF, ${inches(printed.width)} × ${inches(printed.height)} in`, image.source, {
            url: image.url,
            hint: `for sharp print use an image at least ${wanted} px wide (${PRINT_DPI} dpi at the width of the text)`,
          }),
        );
      }
    }
  }
  return out;
}
