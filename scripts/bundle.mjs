// Bundle the CLI into build/bundle/ with esbuild. Start-up dominates small builds: one bundle
// loads far faster than hundreds of small ES modules. Code splitting keeps the lazy imports
// lazy (pdfkit is loaded only for PDF). pdfkit and fontkit read data files beside their own
// code, so they stay outside the bundle.
import { build } from 'esbuild';

await build({
  entryPoints: { lwr: 'src/cli/main.ts', 'render-worker': 'src/publish/render-worker.ts' },
  outdir: 'build/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  // linebreak stays outside too: pdfkit requires it, and lwr's PDF layout shares that one copy.
  external: ['pdfkit', 'fontkit', 'linebreak', 'playwright-core'],
  // Some CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __lwrCreateRequire } from 'node:module'; const require = __lwrCreateRequire(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'warning',
});
