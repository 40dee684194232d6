import type { ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreviewServer, type PreviewServer } from '../../src/watch/preview-server.js';
import { inotifyWatches, startWatch } from '../support/watch.js';
import { contentCopy, tempDir } from './support.js';

// The preview server (`lwr watch`) is reachable by every web page the editor has open: any of
// them can send it requests with fetch(), and a DNS-rebinding page can make its own host name
// resolve to 127.0.0.1. One request must never stop it, and only local host names are served.

/** Send one raw HTTP request (fetch would normalise the target first) and read the status line. */
function rawRequest(port: number, head: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(head));
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk) => {
      text += chunk;
      if (/\r\n\r\n/.test(text)) socket.end();
    });
    socket.on('error', reject);
    socket.on('close', () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text }));
    socket.setTimeout(5000, () => socket.destroy(new Error('no answer within 5 s')));
  });
}

const get = (port: number, target: string, host = '127.0.0.1') => rawRequest(port, `GET ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);

/** A preview server holding one draft page, for the length of a describe block. */
function draftServer(): { port: () => number } {
  let server: PreviewServer;
  beforeAll(async () => {
    server = await startPreviewServer(0);
    server.publish(new Map([['index.html', '<p>draft</p>']]));
  });
  afterAll(() => server.close());
  return { port: () => server.port };
}

describe('the preview server answers malformed requests and keeps serving', () => {
  const { port: portOf } = draftServer();
  let port: number;
  beforeAll(() => (port = portOf()));

  for (const target of ['/%E0%A4%A', '/%', '//a:b', '/%ZZ', '/%00', '/a/%2e%2e/%2e%2e/etc/passwd']) {
    it(`GET ${target}: 400 or 404, and the next request is served`, async () => {
      const bad = await get(port, target);
      expect([400, 404]).toContain(bad.status);
      expect((await get(port, '/')).status).toBe(200);
    });
  }

  it('a malformed escape is 400 Bad Request, not a crash', async () => {
    expect((await get(port, '/%E0%A4%A')).status).toBe(400);
    expect((await get(port, '//a:b')).status).toBe(400);
  });
});

describe('the preview server serves only local host names (DNS rebinding)', () => {
  const { port: portOf } = draftServer();
  let port: number;
  beforeAll(() => (port = portOf()));

  for (const host of ['localhost', '127.0.0.1', '[::1]', 'LOCALHOST']) {
    it(`Host: ${host} (with its port) is served`, async () => {
      expect((await get(port, '/', `${host}:${port}`)).status).toBe(200);
    });
  }

  for (const host of ['attacker.example', 'attacker.example:80', '127.0.0.1.attacker.example', 'localhost.attacker.example', '0.0.0.0', '']) {
    it(`Host: "${host}" is refused with 403 and no draft`, async () => {
      const answer = await get(port, '/', host);
      expect(answer.status).toBe(host === '' ? 400 : 403);
      expect(answer.text).not.toContain('draft');
    });
  }

  it('the live-reload stream is refused to other host names too', async () => {
    expect((await get(port, '/__lwr/events', 'attacker.example')).status).toBe(403);
  });
});

describe('the watcher never follows symbolic links', () => {
  let work: string;
  let child: ChildProcess;
  let url = '';
  let stderr: () => string;
  let exited: number | null | undefined;

  beforeAll(async () => {
    work = tempDir('lwr-watch-links-');
    const content = contentCopy(work);
    // A loop, a link up the tree, and a link to a big system folder.
    symlinkSync('.', path.join(content, 'loop'));
    symlinkSync('..', path.join(content, 'up'));
    symlinkSync('/usr', path.join(content, 'usr'));
    mkdirSync(path.join(work, 'sibling'));
    writeFileSync(path.join(work, 'sibling', 'notes.md'), 'not content\n');
    ({ child, url, stderr } = await startWatch(['--port', '0', '--content', content]));
    child.on('exit', (code) => (exited = code));
  });
  afterAll(() => {
    child?.kill('SIGINT');
    rmSync(work, { recursive: true, force: true });
  });

  it('stays up with loop -> ., up -> .. and usr -> /usr in the content, with few watches and bounded memory', async () => {
    // Give a following watcher time to crawl (it took 24,000 watches for /usr, and crashed on the loop).
    await new Promise((r) => setTimeout(r, 3000));
    expect(exited, stderr()).toBeUndefined();
    expect(inotifyWatches(child.pid!)).toBeLessThan(100);
    const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]) / 1024;
    expect(rss).toBeLessThan(400);
    expect(stderr()).not.toMatch(/ELOOP|internal error/);
    expect((await fetch(url)).status).toBe(200);
  });
});

describe('the text edition, made when it is asked for', () => {
  it('is not made for the page, and a request for it waits for it and gets the new one', async () => {
    const server = await startPreviewServer(0);
    try {
      server.publish(new Map([['index.html', '<p>one</p>'], ['text/report.txt', 'one']]));
      let asked = 0;
      let ready!: (files: Map<string, string>) => void;
      const made = new Promise<Map<string, string>>((resolve) => (ready = resolve));
      server.publish(new Map([['index.html', '<p>two</p>']]), { folder: 'text', make: () => (asked++, made) });
      const page = await fetch(`${server.url}`);
      expect(await page.text()).toBe('<p>two</p>');
      // Nor does anything the reloaded page asks for: its live-reload script and events, a missing image.
      expect((await fetch(`${server.url}__lwr/live.js`)).status).toBe(200);
      const events = new AbortController();
      expect((await fetch(`${server.url}__lwr/events`, { signal: events.signal })).status).toBe(200);
      events.abort();
      expect((await fetch(`${server.url}assets/missing.png`)).status).toBe(404);
      expect(asked).toBe(0); // the page never waits for the text edition
      const text = fetch(`${server.url}text/`).then((r) => r.text());
      const again = fetch(`${server.url}text/report.txt`).then((r) => r.text());
      setTimeout(() => ready(new Map([['text/report.txt', 'two']])), 20);
      expect(await text).toBe('two');
      expect(await again).toBe('two');
      expect(asked).toBe(1); // made once for both requests
      // A missing file is still a 404 once the text edition is there.
      expect((await fetch(`${server.url}nothing.txt`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
