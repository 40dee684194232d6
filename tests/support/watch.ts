import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './report.js';

/** A running `lwr watch`: the process, the address it serves, and its standard error so far. */
export interface WatchRun {
  child: ChildProcess;
  url: string;
  stderr: () => string;
}

/** Start the compiled `lwr watch` with these arguments and wait (a minute at most) until it says where it serves. */
export async function startWatch(args: string[]): Promise<WatchRun> {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/lwr.js'), 'watch', ...args], { env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`watch did not start: ${out}${err}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`watch exited with ${code}: ${out}${err}`)));
  });
  return { child, url, stderr: () => err };
}
