import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
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

/** The number of inotify watches a process holds, from /proc. */
export function inotifyWatches(pid: number): number {
  let watches = 0;
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    let link = '';
    try {
      link = readlinkSync(`/proc/${pid}/fd/${fd}`);
    } catch {
      continue;
    }
    if (link !== 'anon_inode:inotify') continue;
    watches += readFileSync(`/proc/${pid}/fdinfo/${fd}`, 'utf8').split('\n').filter((l) => l.startsWith('inotify wd:')).length;
  }
  return watches;
}

/** Reads server-sent events from the preview server into a queue the test can wait on. */
export class EventReader {
  private readonly events: { event: string; data: string }[] = [];
  private readonly abort = new AbortController();

  async connect(url: string): Promise<void> {
    const response = await fetch(url, { signal: this.abort.signal });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buffer += decoder.decode(value, { stream: true });
          let end;
          while ((end = buffer.indexOf('\n\n')) !== -1) {
            const chunk = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event = /^event: (.*)$/m.exec(chunk)?.[1];
            if (event) this.events.push({ event, data: /^data: (.*)$/m.exec(chunk)?.[1] ?? '' });
          }
        }
      } catch {
        /* aborted */
      }
    })();
  }

  /** Wait (bounded) for the next event of a kind (whose data matches, when a pattern is given). */
  async next(kind: string, data?: RegExp, timeoutMs = 30_000): Promise<{ event: string; data: string }> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const index = this.events.findIndex((e) => e.event === kind && (!data || data.test(JSON.parse(e.data) as string)));
      if (index !== -1) return this.events.splice(0, index + 1).at(-1)!;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`no "${kind}" event within ${timeoutMs} ms`);
  }

  close(): void {
    this.abort.abort();
  }
}

/** `lwr watch` serving a content folder, with its event stream open: what a watch test starts from. */
export interface WatchedContent extends WatchRun {
  events: EventReader;
  /** The page as served now. */
  page: () => Promise<string>;
  /** Close the event stream and stop the watch (Ctrl+C). */
  stop: () => void;
}

export async function watchContent(content: string): Promise<WatchedContent> {
  const run = await startWatch(['--port', '0', '--content', content]);
  const events = new EventReader();
  await events.connect(`${run.url}__lwr/events`);
  return {
    ...run,
    events,
    page: async () => (await fetch(run.url)).text(),
    stop: () => {
      events.close();
      run.child.kill('SIGINT');
    },
  };
}
