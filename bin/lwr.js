#!/usr/bin/env node
// Start the bundled CLI (build/bundle/, made by `npm run build`). A copy of lwr that was never
// built (a clone installed without dev dependencies, a git install with scripts disabled) says
// what to run instead of failing with ERR_MODULE_NOT_FOUND.
import { existsSync } from 'node:fs';

const bundle = new URL('../build/bundle/lwr.js', import.meta.url);
if (!existsSync(bundle)) {
  const { notBuiltMessage } = await import('./not-built.js');
  process.stderr.write(notBuiltMessage(new URL('..', import.meta.url)));
  process.exit(2);
}
const { main } = await import(bundle.href);
await main(process.argv);
