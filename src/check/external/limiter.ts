/**
 * Limits requests in flight: at most `total` at once, and at most `perHost` to any one host.
 * Waiters are served first come, first served, skipping those whose host is busy.
 */
export class ConnectionLimiter {
  private active = 0;
  private readonly byHost = new Map<string, number>();
  private readonly waiting: { host: string; grant: (release: () => void) => void }[] = [];

  constructor(
    private readonly total: number,
    private readonly perHost: number,
  ) {}

  /** Wait for a slot for `host`; call the returned function to give it back (once). */
  acquire(host: string): Promise<() => void> {
    if (this.fits(host)) return Promise.resolve(this.take(host));
    return new Promise((grant) => this.waiting.push({ host, grant }));
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
    for (let i = 0; i < this.waiting.length && this.active < this.total; ) {
      const waiter = this.waiting[i]!;
      if (this.fits(waiter.host)) {
        this.waiting.splice(i, 1);
        waiter.grant(this.take(waiter.host));
      } else i++;
    }
  }
}
