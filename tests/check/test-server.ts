import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the test server saw. */
export interface SeenRequest {
  method: string;
  path: string;
  at: number;
}

/** A server on 127.0.0.1 that plays every kind of link target, well-behaved and hostile. */
export interface TestServer {
  origin: string;
  requests: SeenRequest[];
  /** Requests to a 429-answered path that came before its Retry-After had passed. */
  earlyRetries: string[];
  /** Bytes of /endless and /big-page the server managed to write before the client hung up. */
  bytesWritten: Map<string, number>;
  close(): Promise<void>;
}

const PAGE = `<!doctype html><html><head><title>A page</title></head><body>
<h2 id="intro">Intro</h2><a name="legacy"></a><div id='x&amp;y' class="c">…</div>
<p data-id="not-an-id">text with id=fake outside a tag</p></body></html>`;

/** Start the server on a free port of 127.0.0.1. Every route is bounded: hostile ones stop when the client hangs up. */
export async function startTestServer(): Promise<TestServer> {
  const requests: SeenRequest[] = [];
  const earlyRetries: string[] = [];
  const bytesWritten = new Map<string, number>();
  const rateLimitedUntil = new Map<string, number>();
  const seen = new Map<string, number>();
  const hanging = new Set<http.ServerResponse>();

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname;
    requests.push({ method: req.method ?? 'GET', path, at: Date.now() });
    const count = (seen.get(path) ?? 0) + 1;
    seen.set(path, count);
    const html = (status = 200, body = PAGE) => {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    const redirect = (status: number, location: string) => {
      res.writeHead(status, { location });
      res.end();
    };
    const stream = (name: string, head: string, filler: string, limit: number) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      if (req.method === 'HEAD') return void res.end();
      let written = 0;
      let open = true;
      res.on('close', () => (open = false));
      const pump = () => {
        while (open && written < limit) {
          const chunk = written === 0 ? head : filler;
          written += Buffer.byteLength(chunk);
          bytesWritten.set(name, written);
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        if (open) res.end();
      };
      pump();
    };

    if (path === '/ok' || path === '/page' || path.startsWith('/good/')) return html();
    if (path === '/moved') return redirect(301, '/good/target');
    if (path === '/moved-twice') return redirect(302, '/moved');
    if (path === '/gone' || path.startsWith('/missing/')) return html(404, 'not found');
    if (path === '/loop-a') return redirect(302, '/loop-b');
    if (path === '/loop-b') return redirect(302, '/loop-a');
    const chain = /^\/chain\/(\d+)$/.exec(path);
    if (chain) return Number(chain[1]) < 50 ? redirect(301, `/chain/${Number(chain[1]) + 1}`) : html();
    if (path === '/to-mailto') return redirect(301, 'mailto:someone@example.org');
    if (path === '/no-head') return req.method === 'HEAD' ? html(405, '') : html();
    if (path === '/server-error') return html(500, 'broken');
    if (path === '/flaky') return count === 1 ? html(503, 'busy') : html();
    if (path === '/forbidden') return html(403, 'forbidden');
    if (path === '/bot-wall') {
      res.writeHead(403, { 'cf-mitigated': 'challenge', server: 'cloudflare' });
      return void res.end();
    }
    if (path === '/linkedin-style') return html(999, '');
    if (path === '/limited' || path.startsWith('/limited/')) {
      const until = rateLimitedUntil.get(path);
      if (until === undefined) {
        rateLimitedUntil.set(path, Date.now() + 1000);
        res.writeHead(429, { 'retry-after': '1' });
        return void res.end();
      }
      if (Date.now() < until) earlyRetries.push(path);
      return html();
    }
    if (path === '/never') {
      hanging.add(res);
      return;
    }
    if (path === '/slow') {
      const timer = setTimeout(() => html(), 10_000);
      res.on('close', () => clearTimeout(timer));
      return;
    }
    if (path === '/trickle') {
      res.writeHead(200, { 'content-type': 'text/html' });
      if (req.method === 'HEAD') return void res.end();
      const timer = setInterval(() => res.write('<p>'), 50);
      res.on('close', () => clearInterval(timer));
      return;
    }
    if (path === '/endless') return stream('endless', '<html><body>', '<p class="filler">'.padEnd(16 * 1024, '.'), Number.MAX_SAFE_INTEGER);
    if (path === '/big-page') return stream('big-page', '<html><body><h1 id="top-of-page">Top</h1>', 'x'.repeat(64 * 1024), 10 * 1024 * 1024);
    if (path === '/pdf') {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      return void res.end();
    }
    html(404, 'no such route');
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    earlyRetries,
    bytesWritten,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
