#!/usr/bin/env node
// What installing lwr costs a user: pack the package (`npm pack`, as built now), install the
// tarball with --omit=dev into an empty folder (from npm's cache), and measure.
//   npm run size            (bench/run.mjs prints the same figures under its speed rows)
// Figures: the tarball (what is downloaded), lwr's own unpacked files, node_modules in all (lwr and
// its runtime dependencies: the 30 MB budget), and the packages installed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', npm_config_loglevel: 'error' };

function npm(args, cwd) {
  const run = spawnSync('npm', args, { cwd, env, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`npm ${args.join(' ')} failed:\n${run.stderr}`);
  return run.stdout;
}

/** Bytes of the files under a folder, and how many files. */
function usage(dir) {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const inner = usage(full);
      bytes += inner.bytes;
      files += inner.files;
    } else if (entry.isFile()) {
      bytes += statSync(full).size;
      files++;
    }
  }
  return { bytes, files };
}

/** Every installed package: a folder under node_modules (scoped or nested) with its package.json. */
function packages(modules) {
  const found = [];
  for (const entry of readdirSync(modules, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const dirs = entry.name.startsWith('@') ? readdirSync(path.join(modules, entry.name)).map((n) => path.join(modules, entry.name, n)) : [path.join(modules, entry.name)];
    for (const dir of dirs) {
      found.push(dir);
      const nested = path.join(dir, 'node_modules');
      if (statSync(dir).isDirectory() && readdirSync(dir).includes('node_modules')) found.push(...packages(nested));
    }
  }
  return found;
}

/** Pack, install in a scratch folder, measure; `ignoreScripts` when the build is known fresh. */
export default function measureInstallSize({ ignoreScripts = false } = {}) {
  const scratch = mkdtempSync(path.join(tmpdir(), 'lwr-size-'));
  try {
    const name = npm(['pack', '--silent', ...(ignoreScripts ? ['--ignore-scripts'] : []), '--pack-destination', scratch], root).trim().split('\n').pop();
    const tarball = path.join(scratch, name);
    writeFileSync(path.join(scratch, 'package.json'), '{"name":"size-check","private":true}\n');
    npm(['install', '--omit=dev', tarball], scratch);
    const modules = path.join(scratch, 'node_modules');
    const all = usage(modules);
    const own = usage(path.join(modules, 'living-well-report'));
    return {
      tarballBytes: statSync(tarball).size,
      packageBytes: own.bytes,
      installBytes: all.bytes,
      installFiles: all.files,
      packages: packages(modules).length,
      budgetBytes: 30 * 1024 * 1024,
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The figures in words, one line each. */
export function describeSize(size) {
  return [
    `tarball (npm pack):                    ${mb(size.tarballBytes)}`,
    `lwr's own files, installed:            ${mb(size.packageBytes)}`,
    `node_modules with --omit=dev:          ${mb(size.installBytes)} in ${size.installFiles} files (budget ${mb(size.budgetBytes)})`,
    `packages installed (lwr included):     ${size.packages}`,
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(describeSize(measureInstallSize({ ignoreScripts: process.argv.includes('--ignore-scripts') })));
}
