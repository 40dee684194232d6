/** One line of a progress bar: "checking links [██████····] 300/500". */
export function progressLine(label: string, done: number, total: number, width = 24): string {
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `${label} [${'█'.repeat(filled)}${'·'.repeat(width - filled)}] ${done}/${total}`;
}

/**
 * A progress bar redrawn in place on a terminal (at most every 100 ms); `stop` clears it.
 * Only meant for a TTY: the caller decides whether to show one.
 */
export function terminalProgress(write: (text: string) => void, label: string): { update: (done: number, total: number) => void; stop: () => void } {
  let last = 0;
  let shown = false;
  return {
    update(done, total) {
      const now = Date.now();
      if (done < total && now - last < 100) return;
      last = now;
      shown = true;
      write(`\r\u001b[2K${progressLine(label, done, total)}`);
    },
    stop() {
      if (shown) write('\r\u001b[2K');
    },
  };
}
