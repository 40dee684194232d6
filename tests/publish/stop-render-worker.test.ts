import { EventEmitter } from 'node:events';
import type { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { stopRenderWorker } from '../../src/publish/render-targets.js';

/** A stand-in worker: answers a save request with the reply of a render still running, then with "saved". */
class BusyWorker extends EventEmitter {
  readonly events: string[] = [];
  postMessage(message: unknown): void {
    this.events.push(`asked ${JSON.stringify(message)}`);
    setTimeout(() => this.emit('message', { id: 1, files: [] }), 5);
    setTimeout(() => {
      this.events.push('saved');
      this.emit('message', { saved: true });
    }, 20);
  }
  async terminate(): Promise<number> {
    this.events.push('terminated');
    return 0;
  }
}

describe('stopping the render worker', () => {
  it('waits for its "saved", not for whatever it answers first (a render still running when a build failed)', async () => {
    const worker = new BusyWorker();
    await stopRenderWorker(worker as unknown as Worker);
    expect(worker.events).toEqual(['asked {"save":true}', 'saved', 'terminated']);
    expect(worker.listenerCount('message')).toBe(0);
  });
});
