// Bundle the CLI, the library entry and the PDF render worker into build/bundle/ with esbuild.
// Start-up dominates small builds: one bundle loads far faster than hundreds of small ES
// modules. Code splitting keeps the lazy imports lazy (pdfkit is loaded only for PDF) and lets
// the CLI and the library share their code. Everything is bundled, pdfkit included (its only
// files beside its code are the standard 14 fonts' metrics, which lwr never uses: it embeds its
// own fonts and opens documents with `font: null`), except what lwr loads from disk at run
// time with createRequire: fontkit (shared with pdfkit), linebreak and bidi-js. Those, and the
// HTML's font packages, are the package's only runtime dependencies.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

// Chunk names carry content hashes: old chunks would pile up in the package.
rmSync('build/bundle', { recursive: true, force: true });

const result = await build({
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
  metafile: true,
});


// The bundle holds other people's code: their licences travel with it, one notice per package.
const packages = new Set();
for (const input of Object.keys(result.metafile.inputs)) {
  const match = input.match(/^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//);
  if (match) packages.add(match[1]);
}
const notices = [...packages].sort().map((dir) => {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const licenceFile = readdirSync(dir).find((name) => /^(licen[cs]e|copying)(\.|$)/i.test(name));
  const text = licenceFile ? readFileSync(path.join(dir, licenceFile), 'utf8').trim() : `License: ${manifest.license ?? 'see the package'}`;
  return `${manifest.name} ${manifest.version} (${manifest.license ?? 'no licence field'})\n\n${text}\n`;
});
if (!existsSync('build/bundle')) throw new Error('esbuild wrote no bundle');
writeFileSync('build/bundle/THIRD-PARTY-LICENSES.txt', `Code from these packages is bundled into lwr (build/bundle/):\n\n${notices.join(`\n${'-'.repeat(72)}\n\n`)}`);

// The bundle's identity, over every file it holds: lwr's cache (.lwr-cache/) is keyed by it,
// so code that changed without a version bump never reuses what other code cached.
const bundled = readdirSync('build/bundle', { recursive: true }).filter((f) => f.endsWith('.js')).sort();
const identity = createHash('sha256');
for (const file of bundled) identity.update(`${file}\0`).update(readFileSync(`build/bundle/${file}`)).update('\0');
writeFileSync('build/bundle/build-id.txt', `${identity.digest('hex').slice(0, 16)}\n`);
