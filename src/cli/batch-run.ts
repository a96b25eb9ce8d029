/**
 * Runs a batch command's inputs through the worker pool with a progress bar; results arrive as
 * each file finishes. An input already known to fail (not found, an empty folder, a kind of file
 * we do not read) is handed to `onResult` like any failed file, first, so it is never lost.
 * Shared by convert and check.
 */
import { processTasks, type PoolOptions } from '../batch/pool';
import type { BatchTask, TaskResult } from '../batch/worker';
import { UsageError } from './args';
import type { Input } from './files';
import { Progress } from './progress';

export interface BatchRun {
  /** Prints a line above the progress bar (stdout or stderr). */
  say(line: string, stream?: 'out' | 'err'): void;
}

/** `onResult`'s index is the input's index in `inputs`. */
export async function runBatch(
  inputs: readonly Input[],
  task: (file: string, index: number) => BatchTask,
  onResult: (result: TaskResult, index: number, run: BatchRun) => void | Promise<void>,
  options: PoolOptions = {},
): Promise<void> {
  const progress = new Progress(inputs.length);
  const run: BatchRun = {
    say(line, stream = 'out') {
      progress.clear();
      (stream === 'out' ? process.stdout : process.stderr).write(`${line}\n`);
      progress.redraw();
    },
  };
  const readable: number[] = [];
  for (const [i, input] of inputs.entries()) {
    if (!input.error) {
      readable.push(i);
      continue;
    }
    await onResult({ ok: false, file: input.file, error: input.error }, i, run);
    progress.tick(false);
  }
  await processTasks(
    readable.map((i) => task(inputs[i].file, i)),
    async (result, n) => {
      await onResult(result, readable[n], run);
      progress.tick(result.ok);
    },
    options,
  );
  progress.finish();
}

/** `--jobs` as a thread count (absent: all cores). */
export function jobsOption(value: string | undefined): PoolOptions {
  if (value === undefined) return {};
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw new UsageError(`--jobs 应为 1 到 64 之间的整数，而不是“${value}” / --jobs must be an integer 1..64 (got "${value}")`);
  return { threads: n };
}
