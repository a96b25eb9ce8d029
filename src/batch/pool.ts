/**
 * Files are read in worker threads: all cores are used, and a file that takes too long or too
 * much memory is stopped (its worker terminated) and reported as a clear per-file error while
 * the rest of the batch goes on. The pool never rejects: every task ends in a FileResult.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { Piscina } from 'piscina';
import type { FileResult } from '../core/pipeline';
import { IngestError, type IngestErrorCode } from '../ingest/errors';
import type { BatchTask } from './worker';

export interface PoolOptions {
  /** Worker threads (default: available cores). */
  readonly threads?: number;
  /** Time budget per file. */
  readonly timeoutMs?: number;
  /** Heap budget per worker. */
  readonly maxMemoryMb?: number;
}

export const BUDGET = { timeoutMs: 20_000, maxMemoryMb: 1024 } as const;

export function defaultThreads(): number {
  return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

function failure(task: BatchTask, code: IngestErrorCode, detail?: string): FileResult {
  return { ok: false, file: task.file ?? task.name, error: new IngestError(code, task.name, detail).toJSON() };
}

export class ReportPool {
  private readonly piscina: Piscina<BatchTask, FileResult>;
  private readonly timeoutMs: number;

  constructor(options: PoolOptions = {}) {
    const threads = options.threads ?? defaultThreads();
    this.timeoutMs = options.timeoutMs ?? BUDGET.timeoutMs;
    this.piscina = new Piscina({
      filename: path.join(__dirname, 'worker-entry.js'),
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: 60_000,
      resourceLimits: { maxOldGenerationSizeMb: options.maxMemoryMb ?? BUDGET.maxMemoryMb },
    });
  }

  get threads(): number {
    return this.piscina.options.maxThreads;
  }

  async run(task: BatchTask): Promise<FileResult> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    try {
      return await this.piscina.run(task, { signal: controller.signal });
    } catch (err) {
      if (controller.signal.aborted) return failure(task, 'TIMEOUT', `超过 ${Math.round(this.timeoutMs / 1000)} 秒`);
      const code = (err as { code?: string }).code ?? '';
      if (code === 'ERR_WORKER_OUT_OF_MEMORY') return failure(task, 'OUT_OF_MEMORY');
      return failure(task, 'WORKER_FAILED', (err as Error).message?.slice(0, 200));
    } finally {
      clearTimeout(timer);
    }
  }

  async destroy(): Promise<void> {
    await this.piscina.destroy();
  }
}

/**
 * Runs files through the pool with a bounded number in flight, handing each result to
 * `onResult` as soon as it is ready (completion order), so nothing accumulates in memory and an
 * interrupted run keeps what it finished.
 */
export async function processFiles(
  files: readonly string[],
  task: Omit<BatchTask, 'file' | 'name'>,
  onResult: (result: FileResult, index: number) => void | Promise<void>,
  options: PoolOptions = {},
): Promise<void> {
  if (!files.length) return;
  const pool = new ReportPool({ ...options, threads: Math.min(options.threads ?? defaultThreads(), files.length) });
  const inFlight = pool.threads * 2;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const index = next++;
      const file = files[index];
      const result = await pool.run({ ...task, file, name: path.basename(file) });
      await onResult(result, index);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(inFlight, files.length) }, worker));
  } finally {
    await pool.destroy();
  }
}
