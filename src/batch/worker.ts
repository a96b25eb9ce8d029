/**
 * The worker thread side of the pool: loads the pipeline once, says it is ready, then handles one
 * task at a time. Each task is the same pipeline the CLI and server run.
 */
import { parentPort } from 'node:worker_threads';
import { processInput, processPath, type FileResult, type ProcessOptions } from '../core/pipeline';

export interface BatchTask {
  /** Path to read, or… */
  readonly file?: string;
  /** …the bytes of an upload and the name to show. */
  readonly bytes?: Uint8Array;
  readonly name: string;
  readonly options: ProcessOptions;
}

export type ToWorker = { readonly id: number; readonly task: BatchTask };
export type FromWorker = { readonly type: 'ready' } | { readonly type: 'result'; readonly id: number; readonly result: FileResult };

export async function runTask(task: BatchTask): Promise<FileResult> {
  if (task.bytes) return processInput({ name: task.name, bytes: task.bytes }, task.name, task.options);
  return processPath(task.file!, task.options);
}

export function serve(): void {
  const port = parentPort!;
  port.on('message', async ({ id, task }: ToWorker) => {
    const result = await runTask(task);
    port.postMessage({ type: 'result', id, result } satisfies FromWorker);
  });
  port.postMessage({ type: 'ready' } satisfies FromWorker);
}
