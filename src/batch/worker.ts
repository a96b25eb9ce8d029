/**
 * The worker thread side of the pool: loads the pipeline once, says it is ready, then handles one
 * task at a time. Each task is the same pipeline the CLI and server run.
 */
import { parentPort } from 'node:worker_threads';
import { convertReport, type ConvertTarget } from '../core/convert-one';
import { asIngestError } from '../ingest/errors';
import { processInput, processPath, type FileResult, type ProcessOptions } from '../core/pipeline';

export interface BatchTask {
  /** Path to read, or… */
  readonly file?: string;
  /** …the bytes of an upload and the name to show. */
  readonly bytes?: Uint8Array;
  readonly name: string;
  readonly options: ProcessOptions;
  /** Write exports in the worker (convert); the result then carries what was written. */
  readonly convert?: ConvertTarget;
}

/** A FileResult, plus for convert tasks the files written and notes to show. */
export type TaskResult = FileResult & { readonly written?: readonly string[]; readonly notes?: readonly string[] };

export type ToWorker = { readonly id: number; readonly task: BatchTask };
export type FromWorker = { readonly type: 'ready' } | { readonly type: 'result'; readonly id: number; readonly result: TaskResult };

export async function runTask(task: BatchTask): Promise<TaskResult> {
  const result = task.bytes
    ? await processInput({ name: task.name, bytes: task.bytes }, task.name, task.options)
    : await processPath(task.file!, task.options);
  if (!result.ok || !task.convert) return result;
  try {
    const done = await convertReport(result.report, task.convert);
    return { ok: true, file: result.file, report: done.report, written: done.written, notes: done.notes };
  } catch (err) {
    return { ok: false, file: result.file, error: asIngestError(err, task.name).toJSON() };
  }
}

export function serve(): void {
  const port = parentPort!;
  port.on('message', async ({ id, task }: ToWorker) => {
    const result = await runTask(task);
    port.postMessage({ type: 'result', id, result } satisfies FromWorker);
  });
  port.postMessage({ type: 'ready' } satisfies FromWorker);
}
