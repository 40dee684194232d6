import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** What to run when lwr's bundle is missing: in a clone, build it; in an install, install again with scripts. */
export function notBuiltMessage(root) {
  const folder = fileURLToPath(root).replace(/\/$/, '');
  const clone = existsSync(new URL('src/cli/main.ts', root));
  const steps = clone
    ? `This is a clone of lwr's source that was not built (its build tools are dev dependencies).\n` +
      `Run, in ${folder}:\n    npm install\n    npm run build\n`
    : `It was installed without running its build step (a git install with scripts disabled).\n` +
      `Install it again with scripts enabled (npm install --ignore-scripts=false <the same source>),\n` +
      `or install a package made with npm pack, which comes built.\n`;
  return `lwr is not built: ${fileURLToPath(new URL("build/bundle/lwr.js", root))} is missing.\n${steps}`;
}
