/**
 * Limits requests in flight: at most `total` at once, and at most `perHost` to any one host.
 * Waiters are served first come, first served, skipping those whose host is busy.
 */
export class ConnectionLimiter {
  private active = 0;
  private readonly byHost = new Map<string, number>();
  // Waiters in a queue per host, each numbered in order of arrival: the next to serve is the
  // earliest head of a queue whose host has room, found by looking at one waiter per host
  // (a release used to scan every waiter, quadratic when hundreds wait for one host).
  private readonly waiting = new Map<string, { order: number; grant: (release: () => void) => void }[]>();
  private arrivals = 0;

  constructor(
    private readonly total: number,
    private readonly perHost: number,
  ) {}

  /** Wait for a slot for `host`; call the returned function to give it back (once). */
  acquire(host: string): Promise<() => void> {
    if (this.fits(host) && !this.waiting.has(host)) return Promise.resolve(this.take(host));
    return new Promise((grant) => {
      const queue = this.waiting.get(host);
      const waiter = { order: this.arrivals++, grant };
      if (queue) queue.push(waiter);
      else this.waiting.set(host, [waiter]);
    });
  }

  private fits(host: string): boolean {
    return this.active < this.total && (this.byHost.get(host) ?? 0) < this.perHost;
  }

  private take(host: string): () => void {
    this.active++;
    this.byHost.set(host, (this.byHost.get(host) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active--;
      const left = this.byHost.get(host)! - 1;
      if (left === 0) this.byHost.delete(host);
      else this.byHost.set(host, left);
      this.serveWaiting();
    };
  }

  private serveWaiting(): void {
    while (this.active < this.total) {
      let next: string | undefined;
      let earliest = Infinity;
      for (const [host, queue] of this.waiting) {
        if (queue[0]!.order < earliest && (this.byHost.get(host) ?? 0) < this.perHost) {
          earliest = queue[0]!.order;
          next = host;
        }
      }
      if (next === undefined) return;
      const queue = this.waiting.get(next)!;
      const waiter = queue.shift()!;
      if (queue.length === 0) this.waiting.delete(next);
      waiter.grant(this.take(next));
    }
  }
}
