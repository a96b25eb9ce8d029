/**
 * A progress bar on a terminal (done / total, rate, time left, failures so far), redrawn at most
 * ten times a second on stderr. Without a terminal (a log file, a pipe, a scheduled job) a bar
 * would be a mess of carriage returns, so a plain line is written every few seconds instead.
 */

/** Without a terminal: one progress line at most this often. */
export const LOG_EVERY_MS = 5000;

export interface ProgressStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(chunk: string): boolean;
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const mmss = `${String(m).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
  return h ? `${h}:${mmss}` : mmss;
}

/** done/total, rate, time left and failures: the words of the bar and of a log line. */
export function progressCounts(done: number, total: number, failed: number, elapsedMs: number): string {
  const rate = elapsedMs > 0 ? done / (elapsedMs / 1000) : 0;
  const left = rate > 0 ? (total - done) / rate : Infinity;
  return `${done}/${total} ${rate.toFixed(1)} 个/秒 剩余 ${formatDuration(left)} 失败 ${failed}`;
}

export function progressLine(done: number, total: number, failed: number, elapsedMs: number, width = 24): string {
  const ratio = total ? done / total : 1;
  const filled = Math.round(ratio * width);
  const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
  return `[${bar}] ${progressCounts(done, total, failed, elapsedMs)}`;
}

export class Progress {
  private done = 0;
  private failed = 0;
  private lastDraw = 0;
  private lastLog: number;
  private readonly started: number;
  private readonly enabled: boolean;
  private readonly logging: boolean;

  constructor(
    private readonly total: number,
    private readonly stream: ProgressStream = process.stderr,
    private readonly now: () => number = Date.now,
  ) {
    this.enabled = !!stream.isTTY && total > 1;
    this.logging = !stream.isTTY && total > 1;
    this.started = now();
    this.lastLog = this.started;
  }

  tick(ok: boolean): void {
    this.done++;
    if (!ok) this.failed++;
    const now = this.now();
    if (this.enabled && (now - this.lastDraw > 100 || this.done === this.total)) {
      this.lastDraw = now;
      this.stream.write(`\r${progressLine(this.done, this.total, this.failed, now - this.started)}\u001b[K`);
    }
    if (this.logging && now - this.lastLog >= LOG_EVERY_MS && this.done < this.total) {
      this.lastLog = now;
      this.stream.write(`进度 ${progressCounts(this.done, this.total, this.failed, now - this.started)}\n`);
    }
  }

  /** Clears the bar so that ordinary lines can be printed. */
  clear(): void {
    if (this.enabled) this.stream.write('\r\u001b[K');
  }

  /** Redraws after a line was printed. */
  redraw(): void {
    if (this.enabled && this.done)
      this.stream.write(`\r${progressLine(this.done, this.total, this.failed, this.now() - this.started)}\u001b[K`);
  }

  finish(): void {
    if (this.enabled) this.stream.write('\n');
  }
}
