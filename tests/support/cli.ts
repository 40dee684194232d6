import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './report.js';

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run the compiled CLI (`node bin/lwr.js …`) without colour, as CI would. */
export function runLwr(args: string[], options: { cwd?: string; env?: Record<string, string>; input?: string } = {}): CliRun {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'bin/lwr.js'), ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...options.env },
    encoding: 'utf8',
    input: options.input ?? '',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
