/**
 * A progress bar on a terminal (done / total, rate, time left, failures so far), redrawn at most
 * ten times a second on stderr; silent when stderr is not a terminal (CI logs, pipes).
 */

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

export function progressLine(done: number, total: number, failed: number, elapsedMs: number, width = 24): string {
  const ratio = total ? done / total : 1;
  const filled = Math.round(ratio * width);
  const rate = elapsedMs > 0 ? done / (elapsedMs / 1000) : 0;
  const left = rate > 0 ? (total - done) / rate : Infinity;
  const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
  return `[${bar}] ${done}/${total} ${rate.toFixed(1)} 个/秒 剩余 ${formatDuration(left)} 失败 ${failed}`;
}

export class Progress {
  private done = 0;
  private failed = 0;
  private readonly started = Date.now();
  private lastDraw = 0;
  private readonly enabled: boolean;

  constructor(private readonly total: number, private readonly stream: ProgressStream = process.stderr) {
    this.enabled = !!stream.isTTY && total > 1;
  }

  tick(ok: boolean): void {
    this.done++;
    if (!ok) this.failed++;
    const now = Date.now();
    if (this.enabled && (now - this.lastDraw > 100 || this.done === this.total)) {
      this.lastDraw = now;
      this.stream.write(`\r${progressLine(this.done, this.total, this.failed, now - this.started)}\u001b[K`);
    }
  }

  /** Clears the bar so that ordinary lines can be printed. */
  clear(): void {
    if (this.enabled) this.stream.write('\r\u001b[K');
  }

  /** Redraws after a line was printed. */
  redraw(): void {
    if (this.enabled && this.done) this.stream.write(`\r${progressLine(this.done, this.total, this.failed, Date.now() - this.started)}\u001b[K`);
  }

  finish(): void {
    if (this.enabled) this.stream.write('\n');
  }
}
