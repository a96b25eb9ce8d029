/**
 * Files are read in worker threads: all cores are used, and a file that takes too long or too
 * much memory is stopped (its worker terminated and replaced) and reported as a clear per-file
 * error while the rest of the batch goes on. The time budget starts when a ready worker takes the
 * task, so worker start-up never counts against a file. `run` never rejects.
 *
 * A worker runs its tasks in the order they were sent, so the pool knows when each one starts
 * without being told: when it is sent to an idle worker, or when the task before it answers.
 * Two messages per file, not three: on one core every message is a thread switch.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { IngestError, type IngestErrorCode } from '../ingest/errors';
import type { BatchTask, FromWorker, TaskResult } from './worker';

export interface PoolOptions {
  /** Worker threads (default: available cores). */
  readonly threads?: number;
  /** Time budget per file. */
  readonly timeoutMs?: number;
  /** Heap budget per worker. */
  readonly maxMemoryMb?: number;
}

/** Per-file budgets, in one place. */
export const BUDGET = { timeoutMs: 20_000, maxMemoryMb: 1024 } as const;

export function defaultThreads(): number {
  return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

/**
 * Compiled, a worker starts with worker-start.js beside this file (the bundled worker and its code
 * cache). Run from the TypeScript sources (tests, bench through swc), it runs a shim that registers
 * the TypeScript hook first: worker threads start without the parent's TypeScript hook.
 */
const WORKER_ENTRY = path.join(__dirname, __filename.endsWith('.ts') ? 'worker-entry-ts.js' : 'worker-start.js');

function failure(task: BatchTask, code: IngestErrorCode, detail?: string): TaskResult {
  return { ok: false, file: task.file ?? task.name, error: new IngestError(code, task.name, detail).toJSON() };
}

interface Job {
  readonly task: BatchTask;
  readonly timeoutMs: number;
  readonly resolve: (r: TaskResult) => void;
}

/** Tasks sent to one worker ahead of the one it is running, so it never waits for the main thread. */
const AHEAD = 1;

interface Sent {
  readonly job: Job;
  /** Set when the worker starts the task: the budget counts from then. */
  timer?: NodeJS.Timeout;
}

function startWorker(maxMemoryMb: number): Worker {
  return new Worker(WORKER_ENTRY, { resourceLimits: { maxOldGenerationSizeMb: maxMemoryMb }, stdout: false, stderr: false });
}

/** A worker started ahead of its pool (prestartWorker), and whether it has said it is ready. */
interface Prestarted {
  readonly worker: Worker;
  readonly maxMemoryMb: number;
  ready: boolean;
  /** Its listeners until a pool takes it. */
  readonly onMessage: (m: FromWorker) => void;
  readonly onEnd: () => void;
}

let prestarted: Prestarted | undefined;

/**
 * Starts a worker now for the first pool this process makes. A command calls it before it loads
 * its own modules and finds its inputs, so that the worker's start-up (a fresh thread loading the
 * pipeline, about a third of a single-file run) overlaps with them. The worker does not keep the
 * process alive until a pool takes it: a command that ends without one (a usage error) just ends.
 * Returns the worker's thread id.
 */
export function prestartWorker(maxMemoryMb: number = BUDGET.maxMemoryMb): number {
  if (prestarted) return prestarted.worker.threadId;
  const entry: Prestarted = {
    worker: startWorker(maxMemoryMb),
    maxMemoryMb,
    ready: false,
    onMessage: (m) => (entry.ready ||= m.type === 'ready'),
    // A worker that fails before a pool takes it is left out; the pool starts its own.
    onEnd: () => prestarted === entry && (prestarted = undefined),
  };
  // Unreferenced after the listeners: listening for messages references the worker's port again.
  entry.worker.on('message', entry.onMessage).on('error', entry.onEnd).on('exit', entry.onEnd).unref();
  prestarted = entry;
  return entry.worker.threadId;
}

/** The prestarted worker, if it was started with this budget: taken, listeners and all, by its slot. */
function adopt(maxMemoryMb: number): Prestarted | undefined {
  const entry = prestarted;
  if (!entry || entry.maxMemoryMb !== maxMemoryMb) return undefined;
  prestarted = undefined;
  entry.worker.off('message', entry.onMessage).off('error', entry.onEnd).off('exit', entry.onEnd).ref();
  return entry;
}

class Slot {
  readonly worker: Worker;
  ready = false;
  /** Tasks sent to this worker, in the order it runs them. */
  readonly sent = new Map<number, Sent>();

  constructor(maxMemoryMb: number, onMessage: (slot: Slot, m: FromWorker) => void, onDeath: (slot: Slot, err?: Error) => void) {
    const early = adopt(maxMemoryMb);
    this.worker = early?.worker ?? startWorker(maxMemoryMb);
    this.ready = early?.ready ?? false;
    this.worker.on('message', (m: FromWorker) => onMessage(this, m));
    this.worker.on('error', (err) => onDeath(this, err));
    this.worker.on('exit', () => onDeath(this));
  }

  /** The task the worker is running (the first one sent that has not answered). */
  running(): [number, Sent] | undefined {
    const first = this.sent.entries().next();
    return first.done ? undefined : first.value;
  }
}

export class ReportPool {
  readonly threads: number;
  private readonly timeoutMs: number;
  private readonly maxMemoryMb: number;
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];
  private nextId = 0;
  private closed = false;

  constructor(options: PoolOptions = {}) {
    this.threads = Math.max(1, options.threads ?? defaultThreads());
    this.timeoutMs = options.timeoutMs ?? BUDGET.timeoutMs;
    this.maxMemoryMb = options.maxMemoryMb ?? BUDGET.maxMemoryMb;
    for (let i = 0; i < this.threads; i++) this.spawn();
  }

  run(task: BatchTask, options: { timeoutMs?: number } = {}): Promise<TaskResult> {
    if (this.closed) return Promise.resolve(failure(task, 'WORKER_FAILED', 'pool closed'));
    return new Promise((resolve) => {
      this.queue.push({ task, timeoutMs: options.timeoutMs ?? this.timeoutMs, resolve });
      this.dispatch();
    });
  }

  /** The thread ids of the pool's workers (which worker is which, for tests and diagnostics). */
  threadIds(): number[] {
    return [...this.slots].map((s) => s.worker.threadId);
  }

  /** Resolves when every worker has loaded the pipeline (used to time steady-state throughput). */
  async ready(): Promise<void> {
    while ([...this.slots].some((s) => !s.ready) && !this.closed) await new Promise((r) => setTimeout(r, 10));
  }

  async destroy(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.resolve(failure(job.task, 'WORKER_FAILED', 'pool closed'));
    for (const slot of this.slots)
      for (const { job, timer } of slot.sent.values()) {
        clearTimeout(timer);
        job.resolve(failure(job.task, 'WORKER_FAILED', 'pool closed'));
      }
    await Promise.all([...this.slots].map((s) => s.worker.terminate()));
    this.slots.clear();
  }

  private spawn(): void {
    if (this.closed) return;
    this.slots.add(
      new Slot(
        this.maxMemoryMb,
        (s, m) => this.onMessage(s, m),
        (s, err) => this.onDeath(s, err),
      ),
    );
  }

  /** Fills idle workers first, then sends each one task ahead. */
  private dispatch(): void {
    for (let depth = 0; depth <= AHEAD; depth++) {
      for (const slot of this.slots) {
        if (!this.queue.length) return;
        if (!slot.ready || slot.sent.size > depth) continue;
        const job = this.queue.shift()!;
        const id = this.nextId++;
        slot.sent.set(id, { job });
        slot.worker.postMessage({ id, task: job.task });
        if (slot.sent.size === 1) this.started(slot);
      }
    }
  }

  private onMessage(slot: Slot, m: FromWorker): void {
    if (m.type === 'ready') slot.ready = true;
    else if (slot.sent.has(m.id)) {
      this.settle(slot, m.id, m.result);
      this.started(slot);
    }
    this.dispatch();
  }

  /** The worker has begun the first task it holds: start that task's clock. */
  private started(slot: Slot): void {
    const running = slot.running();
    if (!running || running[1].timer) return;
    const [id, sent] = running;
    sent.timer = setTimeout(() => this.expire(slot, id), sent.job.timeoutMs);
  }

  private settle(slot: Slot, id: number, result: TaskResult): void {
    const sent = slot.sent.get(id)!;
    clearTimeout(sent.timer);
    slot.sent.delete(id);
    sent.job.resolve(result);
  }

  /** The file ran out of time: stop its worker, answer for the file, start a fresh worker. */
  private expire(slot: Slot, id: number): void {
    const sent = slot.sent.get(id);
    if (!sent) return;
    this.settle(
      slot,
      id,
      failure(sent.job.task, 'TIMEOUT', `时限 ${sent.job.timeoutMs / 1000} 秒 / limit ${sent.job.timeoutMs / 1000} s`),
    );
    this.retire(slot);
  }

  private onDeath(slot: Slot, err?: Error): void {
    if (!this.slots.has(slot)) return;
    const running = slot.running();
    if (running) {
      const oom = (err as { code?: string } | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.settle(
        slot,
        running[0],
        failure(running[1].job.task, oom ? 'OUT_OF_MEMORY' : 'WORKER_FAILED', oom ? undefined : err?.message?.slice(0, 200)),
      );
    }
    this.retire(slot);
  }

  /** Replaces a worker; the tasks it had not started go back to the front of the queue. */
  private retire(slot: Slot): void {
    if (!this.slots.delete(slot)) return;
    this.queue.unshift(...[...slot.sent.values()].map((s) => s.job));
    slot.sent.clear();
    void slot.worker.terminate();
    this.spawn();
    this.dispatch();
  }
}

/**
 * Runs tasks through a pool with a bounded number in flight, handing each result to `onResult`
 * as soon as it is ready (completion order), so nothing accumulates in memory and an interrupted
 * run keeps what it finished.
 */
export async function processTasks(
  tasks: readonly BatchTask[],
  onResult: (result: TaskResult, index: number) => void | Promise<void>,
  options: PoolOptions = {},
): Promise<void> {
  if (!tasks.length) return;
  const pool = new ReportPool({ ...options, threads: Math.min(options.threads ?? defaultThreads(), tasks.length) });
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < tasks.length) {
      const index = next++;
      await onResult(await pool.run(tasks[index]), index);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(pool.threads * 2, tasks.length) }, lane));
  } finally {
    await pool.destroy();
  }
}

/** processTasks over file paths read with the same options. */
export function processFiles(
  files: readonly string[],
  task: Omit<BatchTask, 'file' | 'name'>,
  onResult: (result: TaskResult, index: number) => void | Promise<void>,
  options: PoolOptions = {},
): Promise<void> {
  return processTasks(
    files.map((file) => ({ ...task, file, name: path.basename(file) })),
    onResult,
    options,
  );
}
