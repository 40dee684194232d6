// npm's `prepare` step (npm install in a clone, a git install): build lwr when its build tools
// (dev dependencies) are installed. Without them (`npm ci --omit=dev`) it says what to run
// instead of failing the install; bin/lwr.js says the same when lwr is started unbuilt.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const installed = (name) => {
  try {
    require.resolve(`${name}/package.json`);
    return true;
  } catch {
    return false;
  }
};

const missing = ['esbuild', 'typescript', 'dts-bundle-generator'].filter((name) => !installed(name));
if (missing.length > 0) {
  process.stderr.write(
    `lwr: not built: its build tools (${missing.join(', ')}) are dev dependencies, which this install left out.\n` +
      '     To use lwr from this folder, run:  npm install  (with dev dependencies), then  npm run build\n',
  );
  process.exit(0);
}
for (const script of ['build', 'build:types']) {
  const run = spawnSync('npm', ['run', '--silent', script], { stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
