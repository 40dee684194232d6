// Bundle the CLI, the library entry and the PDF render worker into build/bundle/ with esbuild.
// Start-up dominates small builds: one bundle loads far faster than hundreds of small ES
// modules. Code splitting keeps the lazy imports lazy (pdfkit is loaded only for PDF) and lets
// the CLI and the library share their code. Everything is bundled, pdfkit included (its only
// files beside its code are the standard 14 fonts' metrics, which lwr never uses: it embeds its
// own fonts and opens documents with `font: null`), except what lwr loads from disk at run
// time with createRequire: fontkit (shared with pdfkit), linebreak and bidi-js. Those, and the
// HTML's font packages, are the package's only runtime dependencies.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunk names carry content hashes: old chunks would pile up in the package.
rmSync('build/bundle', { recursive: true, force: true });

await build({
  entryPoints: { lwr: 'src/cli/main.ts', index: 'src/api/index.ts', 'render-worker': 'src/publish/render-worker.ts' },
  outdir: 'build/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  // Loaded from disk at run time: lwr requires them with createRequire (and pdfkit imports the
  // first two), so they are runtime dependencies.
  external: ['fontkit', 'linebreak', 'bidi-js', 'playwright-core'],
  // Some CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __lwrCreateRequire } from 'node:module'; const require = __lwrCreateRequire(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'warning',
});
