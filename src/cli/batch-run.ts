/**
 * Runs a batch command's files through the worker pool with a progress bar; results arrive as
 * each file finishes. Shared by convert, check and summary.
 */
import { processTasks, type PoolOptions } from '../batch/pool';
import type { BatchTask, TaskResult } from '../batch/worker';
import { UsageError } from './args';
import { Progress } from './progress';

export interface BatchRun {
  /** Prints a line above the progress bar (stdout or stderr). */
  say(line: string, stream?: 'out' | 'err'): void;
}

export async function runBatch(
  tasks: readonly BatchTask[],
  onResult: (result: TaskResult, index: number, run: BatchRun) => void | Promise<void>,
  options: PoolOptions = {},
): Promise<void> {
  const progress = new Progress(tasks.length);
  const run: BatchRun = {
    say(line, stream = 'out') {
      progress.clear();
      (stream === 'out' ? process.stdout : process.stderr).write(`${line}\n`);
      progress.redraw();
    },
  };
  await processTasks(tasks, async (result, index) => {
    await onResult(result, index, run);
    progress.tick(result.ok);
  }, options);
  progress.finish();
}

/** `--jobs` as a thread count (absent: all cores). */
export function jobsOption(value: string | undefined): PoolOptions {
  if (value === undefined) return {};
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError(`--jobs 应为 1 到 64 之间的整数 / --jobs must be an integer 1..64`);
  return { threads: n };
}
