import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { LIVE_CLIENT_PATH, LIVE_CLIENT_SCRIPT, LIVE_EVENTS_PATH } from './live-client.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.json': 'application/json',
};

export interface PreviewServer {
  url: string;
  /** The port it listens on: the one asked for, or the next free one when that was taken. */
  port: number;
  /**
   * Replace the served files (paths relative to the site root) and reload open pages at once;
   * `later` files, all in one folder (the text edition, `text/`), are made only when a request
   * asks for a file in that folder, which then waits for them rather than getting a 404. No
   * other request (the reloaded page, its live-reload script and events) ever waits for them.
   */
  publish(files: ReadonlyMap<string, Uint8Array | string>, later?: LaterFiles): void;
  /** Show a problem banner in open pages (and in pages opened later), or clear it. */
  problem(text: string | undefined): void;
  close(): Promise<void>;
}

/** Files made only when asked for: those under `folder`. */
export interface LaterFiles {
  folder: string;
  make: () => Promise<ReadonlyMap<string, Uint8Array | string>>;
}

/** Serve the preview from memory on 127.0.0.1, with server-sent events for reload and problems. */
export async function startPreviewServer(port: number): Promise<PreviewServer> {
  let files = new Map<string, Uint8Array | string>();
  /** Makes the published build's `later` files, once, when first asked for (none: all are there). */
  let addLater: { folder: string; add: () => Promise<void> } | undefined;
  let currentProblem: string | undefined;
  const clients = new Set<ServerResponse>();
  const send = (event: string, data: unknown) => {
    for (const client of clients) client.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };

  const refuse = (response: ServerResponse, status: 400 | 403 | 500, text: string) => {
    response.writeHead(status, { 'content-type': TYPES['.txt']!, 'cache-control': 'no-store' });
    response.end(`${text}\n`);
  };

  const server = createServer((request, response) => {
    // Any page open in the editor's browser can send requests here: none may stop the server.
    try {
      if (!isLocalHost(request.headers.host)) {
        // A DNS-rebinding page reaches 127.0.0.1 under its own host name: never serve it the draft.
        return refuse(response, request.headers.host ? 403 : 400, request.headers.host ? 'lwr watch serves only localhost, 127.0.0.1 and [::1]' : 'a Host header is required');
      }
      const pathname = requestPath(request.url);
      if (pathname === undefined) return refuse(response, 400, 'bad request: the address is not well formed');
      const key = pathname.replace(/^\/+/, '');
      // A file the build has still to make (the text edition): answer once it is there.
      const later = addLater;
      if (later && (key === later.folder || key.startsWith(`${later.folder}/`)) && fileFor(key, files) === undefined) void later.add().then(() => answer(pathname, request, response));
      else serve(pathname, request, response);
    } catch (error) {
      if (!response.headersSent) refuse(response, 500, `lwr watch could not answer: ${(error as Error).message}`);
      else response.destroy();
    }
  });

  const answer = (pathname: string, request: IncomingMessage, response: ServerResponse) => {
    try {
      serve(pathname, request, response);
    } catch (error) {
      if (!response.headersSent) refuse(response, 500, `lwr watch could not answer: ${(error as Error).message}`);
      else response.destroy();
    }
  };

  const serve = (pathname: string, request: IncomingMessage, response: ServerResponse) => {
    if (pathname === LIVE_EVENTS_PATH) {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      response.write(': connected\n\n');
      if (currentProblem) response.write(`event: problem\ndata: ${JSON.stringify(currentProblem)}\n\n`);
      clients.add(response);
      request.on('close', () => clients.delete(response));
      return;
    }
    if (pathname === LIVE_CLIENT_PATH) {
      response.writeHead(200, { 'content-type': TYPES['.js']!, 'cache-control': 'no-store' });
      response.end(LIVE_CLIENT_SCRIPT);
      return;
    }
    const key = fileFor(pathname.replace(/^\/+/, ''), files);
    const body = key === undefined ? undefined : files.get(key);
    if (key === undefined || body === undefined || key.split('/').includes('..')) {
      response.writeHead(404, { 'content-type': TYPES['.txt']! });
      response.end('not found\n');
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[path.extname(key)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    response.end(body);
  };
  const actual = await listenFromPort(server, port);
  return {
    url: `http://127.0.0.1:${actual}/`,
    port: actual,
    publish(next, later) {
      const published = (files = new Map(next));
      send('reload', null);
      let adding: Promise<void> | undefined;
      addLater = later && {
        folder: later.folder,
        add: () =>
          (adding ??= later
            .make()
            .then((more) => {
              // Unless a newer build has been published meanwhile.
              if (files === published) for (const [key, value] of more) files.set(key, value);
            })
            .catch(() => undefined)),
      };
    },
    problem(text) {
      currentProblem = text;
      send(text ? 'problem' : 'clear', text ?? null);
    },
    close: () =>
      new Promise((resolve) => {
        for (const client of clients) client.end();
        server.close(() => resolve());
      }),
  };
}

/** Ports tried after the one asked for, when it is taken (as Vite does). */
const PORT_TRIES = 20;

/** Listen on `port`, or on the next free one of the following PORT_TRIES when it is in use; 0 picks any. */
async function listenFromPort(server: Server, port: number): Promise<number> {
  for (let candidate = port; ; candidate++) {
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(candidate, '127.0.0.1', () => {
          server.off('error', reject);
          resolve();
        });
      });
      return (server.address() as AddressInfo).port;
    } catch (error) {
      const inUse = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
      if (!inUse || port === 0 || candidate >= Math.min(65535, port + PORT_TRIES)) {
        throw new Error(inUse ? `ports ${port} to ${candidate} are all in use; choose another with --port` : (error as Error).message);
      }
    }
  }
}

/**
 * The file a request path names: the file itself, a folder's index.html, or, for a folder
 * without one that holds a single file (the text edition at /text/), that file.
 */
function fileFor(key: string, files: ReadonlyMap<string, unknown>): string | undefined {
  if (key !== '' && !key.endsWith('/')) return files.has(key) ? key : undefined;
  if (files.has(`${key}index.html`)) return `${key}index.html`;
  const inside = [...files.keys()].filter((f) => f.startsWith(key) && !f.slice(key.length).includes('/'));
  return inside.length === 1 ? inside[0] : undefined;
}

/** Host names the preview answers to; anything else is a page under another name (DNS rebinding). */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether a Host header names this machine: localhost, 127.0.0.1 or [::1], with any port. */
export function isLocalHost(host: string | undefined): boolean {
  if (!host) return false;
  const match = /^(\[[^\]]*\]|[^:]*)(?::\d{1,5})?$/.exec(host.trim().toLowerCase());
  return match !== null && LOCAL_HOSTS.has(match[1]!);
}

/** The request's path, percent-decoded; undefined when the request target is not well formed. */
export function requestPath(target: string | undefined): string | undefined {
  // Only origin-form targets ("/path?query") are served; "//a:b" or "*" are not paths.
  if (!target || !target.startsWith('/') || target.startsWith('//')) return undefined;
  try {
    return decodeURIComponent(new URL(target, 'http://127.0.0.1').pathname);
  } catch {
    return undefined;
  }
}
