import type { Format, Renderer } from './types.js';

/**
 * Load a format's renderer only when it is needed, so `lwr build --format text` never pays for
 * pdfkit or the HTML templating engine.
 */
export async function loadRenderer(format: Format): Promise<Renderer> {
  switch (format) {
    case 'html':
      return (await import('./html/index.js')).render;
    case 'pdf':
      return (await import('./pdf/index.js')).render;
    case 'text':
      return (await import('./text/index.js')).render;
  }
}
