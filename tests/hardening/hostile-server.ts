import net from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * An HTTP server on 127.0.0.1 written on raw sockets, so it can misbehave in ways an HTTP
 * library would not let it: headers a byte a second, endless bodies (also to HEAD), endless
 * headers, hanging up mid-request. Every timer and writer stops when its socket closes, and
 * `close()` destroys every socket, so nothing outlives the test.
 */
export interface HostileServer {
  origin: string;
  /** Bytes written per route before the client went away. */
  bytesWritten: Map<string, number>;
  /** Requests seen, as "METHOD /path". */
  requests: string[];
  close(): Promise<void>;
}

const CHUNK = Buffer.alloc(64 * 1024, 'x');

export async function startHostileServer(): Promise<HostileServer> {
  const sockets = new Set<net.Socket>();
  const bytesWritten = new Map<string, number>();
  const requests: string[] = [];

  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    let head = '';
    socket.on('data', function onData(data) {
      head += data.toString('latin1');
      if (!head.includes('\r\n\r\n')) return void (head.length > 64 * 1024 && socket.destroy());
      socket.off('data', onData);
      const [method = 'GET', target = '/'] = head.split(' ');
      requests.push(`${method} ${target}`);
      answer(socket, method, new URL(target, 'http://x').pathname);
    });
  });

  /** Count bytes per route, stopping at once when the client is gone. */
  const count = (route: string, n: number) => bytesWritten.set(route, (bytesWritten.get(route) ?? 0) + n);
  const open = (socket: net.Socket) => !socket.destroyed && socket.writable;

  /** Write forever with backpressure: the next chunk only when the socket has drained. */
  function pumpForever(socket: net.Socket, route: string, chunk: () => Buffer): void {
    const pump = () => {
      while (open(socket)) {
        const bytes = chunk();
        count(route, bytes.length);
        if (!socket.write(bytes)) return void socket.once('drain', pump);
      }
    };
    pump();
  }

  /** Write `text` one byte every `ms`, until done or the client is gone. */
  function trickle(socket: net.Socket, route: string, text: string, ms: number): void {
    let i = 0;
    const timer = setInterval(() => {
      if (!open(socket) || i >= text.length) return void clearInterval(timer);
      count(route, 1);
      socket.write(text[i++]!);
    }, ms);
    socket.on('close', () => clearInterval(timer));
  }

  function answer(socket: net.Socket, method: string, path: string): void {
    const respond = (status: string, headers: Record<string, string>, body = '') => {
      socket.end(`HTTP/1.1 ${status}\r\n${Object.entries({ ...headers, connection: 'close', 'content-length': String(Buffer.byteLength(body)) }).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n${method === 'HEAD' ? '' : body}`);
    };
    const chain = /^\/chain\/(\d+)$/.exec(path);
    switch (true) {
      case path === '/ok':
        return respond('200 OK', { 'content-type': 'text/html' }, '<h1 id="here">ok</h1>');
      case path === '/silent': // reads the request, never answers
        return;
      case path === '/hang-up':
        return void socket.destroy();
      case path === '/header-trickle': // the status line and headers, one byte a second
        return trickle(socket, 'header-trickle', 'HTTP/1.1 200 OK\r\ncontent-type: text/html\r\n\r\n<p id="x">', 1000);
      case path === '/body-trickle': // headers at once, then the body one byte a second
        socket.write('HTTP/1.1 200 OK\r\ncontent-type: text/html\r\nconnection: close\r\n\r\n');
        return trickle(socket, 'body-trickle', '<html><body><p>'.repeat(1000), 1000);
      case path === '/endless': // an endless chunked body, also to HEAD (which must not have one)
        socket.write('HTTP/1.1 200 OK\r\ncontent-type: text/html\r\ntransfer-encoding: chunked\r\n\r\n');
        return pumpForever(socket, 'endless', () => Buffer.concat([Buffer.from(`${CHUNK.length.toString(16)}\r\n`), CHUNK, Buffer.from('\r\n')]));
      case path === '/endless-headers': // header lines without end
        socket.write('HTTP/1.1 200 OK\r\n');
        return pumpForever(socket, 'endless-headers', () => Buffer.from(`x-filler: ${'y'.repeat(1000)}\r\n`));
      case path === '/loop-a':
        return respond('302 Found', { location: '/loop-b' });
      case path === '/loop-b':
        return respond('302 Found', { location: '/loop-a' });
      case chain !== null:
        return Number(chain![1]) < 50 ? respond('301 Moved Permanently', { location: `/chain/${Number(chain![1]) + 1}` }) : respond('200 OK', { 'content-type': 'text/html' }, 'end');
      default:
        return respond('404 Not Found', { 'content-type': 'text/plain' }, 'no such route');
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    bytesWritten,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
