import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../src/model/hash.js';
import { listFiles } from '../../src/publish/write-output.js';
import { runLwr } from '../support/cli.js';
import { ROOT } from '../support/report.js';

const snapshot = (dir: string) => Object.fromEntries(listFiles(dir).map((f) => [f, sha256(readFileSync(path.join(dir, f)))]));

describe('interrupting lwr build', () => {
  it('on Ctrl+C (SIGINT) exits 130 and leaves the previous output as it was, with no temporary files', async () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'lwr-interrupt-'));
    const previous = path.join(parent, 'previous');
    expect(runLwr(['build', '--format', 'text', '--out', previous]).status).toBe(0);
    let interrupted = 0;
    for (const delay of [300, 900, 1600]) {
      const out = path.join(parent, `dist-${delay}`);
      cpSync(previous, out, { recursive: true });
      const before = snapshot(out);
      const child = spawn(process.execPath, [path.join(ROOT, 'bin/lwr.js'), 'build', '--out', out], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 130 : null))));
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGINT');
      const code = await exited;
      // A build that finished before the signal arrived is a complete build, which is fine too.
      if (code === 0) continue;
      interrupted++;
      expect(code, stderr).toBe(130);
      // Before lwr has started (still loading) Node's own SIGINT ends it silently: nothing was written.
      if (stderr) expect(stderr).toContain('interrupted; the previous output is unchanged');
      expect(snapshot(out)).toEqual(before);
      expect(readdirSync(parent).filter((n) => /\.tmp-|\.old-/.test(n))).toEqual([]);
    }
    expect(interrupted).toBeGreaterThan(0);
  });
});
