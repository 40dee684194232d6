import { describe, expect, it } from 'vitest';
import { isAccepted, parseAccept } from '../../src/check/external/accept.js';
import { isBotWall } from '../../src/check/external/bot-wall.js';
import { scanForIds } from '../../src/check/external/fragment-scan.js';
import { ConnectionLimiter } from '../../src/check/external/limiter.js';
import { parseDuration, parsePatterns } from '../../src/check/external/parse.js';
import { retryAfterMs } from '../../src/check/external/retry-after.js';

const streamOf = (...chunks: string[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
      controller.close();
    },
  });

describe('accepted status codes', () => {
  it('reads single codes and ranges', () => {
    const accept = parseAccept('200-299, 403');
    expect([200, 299, 403, 404, 300].map((s) => isAccepted(s, accept))).toEqual([true, true, true, false, false]);
  });
  it.each(['2xx', '200-', '299-200', ''])('refuses "%s"', (text) => expect(() => parseAccept(text)).toThrow());
});

describe('Retry-After', () => {
  const now = Date.parse('2024-01-01T00:00:00Z');
  it('reads delay-seconds and HTTP dates, never negative', () => {
    expect(retryAfterMs('1', now)).toBe(1000);
    expect(retryAfterMs('Mon, 01 Jan 2024 00:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Sun, 31 Dec 2023 23:00:00 GMT', now)).toBe(0);
  });
  it('ignores what it cannot read', () => {
    expect(retryAfterMs(null, now)).toBeUndefined();
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs('-5', now)).toBeUndefined();
  });
});

describe('bot walls', () => {
  const headers = (h: Record<string, string> = {}) => new Headers(h);
  it('takes LinkedIn\'s 999, and 403 from hosts known to refuse checkers, for a refused bot', () => {
    expect(isBotWall(new URL('https://www.linkedin.com/in/someone'), 999, headers())).toBe(true);
    expect(isBotWall(new URL('https://www.linkedin.com/in/someone'), 403, headers())).toBe(true);
  });
  it('takes a 403 with a bot-protection challenge header for a refused bot', () => {
    expect(isBotWall(new URL('https://example.org/'), 403, headers({ 'cf-mitigated': 'challenge' }))).toBe(true);
  });
  it('takes a plain 403 or a 404 anywhere for a real answer', () => {
    expect(isBotWall(new URL('https://example.org/'), 403, headers())).toBe(false);
    expect(isBotWall(new URL('https://www.linkedin.com/x'), 404, headers())).toBe(false);
  });
});

describe('the connection limiter', () => {
  it('never lets more than the per-host and total limits run at once', async () => {
    const limiter = new ConnectionLimiter(3, 2);
    const running = new Map<string, number>();
    let total = 0;
    let maxTotal = 0;
    let maxPerHost = 0;
    const job = async (host: string) => {
      const release = await limiter.acquire(host);
      total++;
      running.set(host, (running.get(host) ?? 0) + 1);
      maxTotal = Math.max(maxTotal, total);
      maxPerHost = Math.max(maxPerHost, running.get(host)!);
      await new Promise((r) => setTimeout(r, 2));
      total--;
      running.set(host, running.get(host)! - 1);
      release();
    };
    await Promise.all(['a', 'a', 'a', 'a', 'b', 'b', 'c', 'a', 'b'].map(job));
    expect(maxTotal).toBe(3);
    expect(maxPerHost).toBe(2);
  });

  it('serves waiters first come, first served, skipping those whose host is busy', async () => {
    const limiter = new ConnectionLimiter(2, 1);
    const served: string[] = [];
    const first = await limiter.acquire('a');
    const second = await limiter.acquire('b');
    const waiting = ['a1', 'a2', 'b1', 'c1', 'a3'].map((name) => limiter.acquire(name[0]!).then((release) => (served.push(name), release)));
    first(); // a's slot: a1 (the first waiter) gets it
    await Promise.resolve();
    second(); // b's slot: b1 (a2 waits for a, which a1 holds)
    await new Promise((r) => setTimeout(r, 0));
    expect(served).toEqual(['a1', 'b1']);
    for (const release of await Promise.all(waiting.slice(0, 1))) release(); // a1 done: a2 before c1 and a3
    await new Promise((r) => setTimeout(r, 0));
    expect(served).toEqual(['a1', 'b1', 'a2']);
  });

  it('hands out thousands of slots to one host without looking at every waiter each time', async () => {
    const limiter = new ConnectionLimiter(128, 4);
    const started = performance.now();
    await Promise.all(Array.from({ length: 40_000 }, async () => (await limiter.acquire('one-host'))()));
    // Scanning every waiter on each release took seconds here; serving heads takes milliseconds.
    expect(performance.now() - started).toBeLessThan(3000);
  });
});

describe('looking for ids in a streamed page', () => {
  it('finds ids and a/@name whatever the quotes, across chunk boundaries', async () => {
    const scan = await scanForIds(streamOf('<h2 i', 'd="one">x</h2><a name=two>', '</a><p id=\'th', 'ree\'>'), new Set(['one', 'two', 'three', 'four']), 1 << 20);
    expect([...scan.found].sort()).toEqual(['one', 'three', 'two']);
    expect(scan.end).toBe('complete');
  });

  it('stops as soon as every wanted id is found', async () => {
    const scan = await scanForIds(streamOf('<p id="a">', '<p id="b">', '<p id="c">'), new Set(['a']), 1 << 20);
    expect(scan.end).toBe('stopped');
    expect(scan.ids).toEqual(['a']);
  });

  it('stops at the byte cap', async () => {
    const scan = await scanForIds(streamOf('<p>'.repeat(100), '<p>'.repeat(100), '<p id="late">'), new Set(['late']), 200);
    expect(scan.end).toBe('truncated');
    expect(scan.found.size).toBe(0);
  });

  it('ignores id= outside tags and attributes that merely end in "id"', async () => {
    const scan = await scanForIds(streamOf('<p data-id="x">id="y"</p><p id="z&amp;w">'), new Set(['x', 'y', 'z&w']), 1 << 20);
    expect([...scan.found]).toEqual(['z&w']);
  });
});

describe('command-line values', () => {
  it('reads durations', () => {
    expect(['500ms', '45s', '30m', '12h', '7d', '90'].map(parseDuration)).toEqual([500, 45_000, 1_800_000, 43_200_000, 604_800_000, 90_000]);
    expect(() => parseDuration('a week')).toThrow(/not a duration/);
  });
  it('names the pattern that is not a regular expression', () => {
    expect(() => parsePatterns(['ok', '('])).toThrow(/"\(" is not a regular expression/);
  });
});
