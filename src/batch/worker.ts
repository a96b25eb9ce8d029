/**
 * The worker thread side of the pool: loads the pipeline once, says it is ready, then handles its
 * tasks one at a time in the order they came (the pool sends the next one ahead, so the worker
 * never waits for the main thread). The pool infers when each starts from the order.
 */
import { parentPort } from 'node:worker_threads';
import { convertReport, exportError, type ConvertTarget } from '../export/convert-one';
import { processInput, processPath, type FileError, type FileResult, type ProcessOptions } from '../core/pipeline';
import type { Report } from '../report/types';

export interface BatchTask {
  /** Path to read, or… */
  readonly file?: string;
  /** …the bytes of an upload and the name to show. */
  readonly bytes?: Uint8Array;
  readonly name: string;
  readonly options: ProcessOptions;
  /**
   * Write exports in the worker (convert). The result then carries what was written, and a slim
   * report (source, meta, issues; no fields, cells or text): the data is already in the files,
   * and copying whole reports back would keep the main thread busy.
   */
  readonly convert?: ConvertTarget;
}

/**
 * A FileResult, plus for convert tasks the files written, notes to show, and the exports that
 * could not be written (the file itself was read: `ok` stays true).
 */
export type TaskResult = FileResult & {
  readonly written?: readonly string[];
  readonly notes?: readonly string[];
  readonly exportErrors?: readonly FileError[];
};

export type ToWorker = { readonly id: number; readonly task: BatchTask };
export type FromWorker =
  { readonly type: 'ready' } | { readonly type: 'result'; readonly id: number; readonly result: TaskResult };

function slim(report: Report): Report {
  return { ...report, fields: {}, cells: {}, preamble: [], sections: [], tables: [], diagnostics: [] };
}

export async function runTask(task: BatchTask): Promise<TaskResult> {
  const result = task.bytes
    ? await processInput({ name: task.name, bytes: task.bytes }, task.name, task.options)
    : await processPath(task.file!, task.options);
  if (!result.ok || !task.convert) return result;
  try {
    const done = await convertReport(result.report, task.convert);
    return {
      ok: true,
      file: result.file,
      report: slim(done.report),
      written: done.written,
      notes: done.notes,
      exportErrors: done.failed,
    };
  } catch (err) {
    // A migration that throws: the file was read, none of its exports could be made.
    const failed = task.convert.formats.map((f) => exportError(task.name, f, `${task.convert!.stem}.${f}`, err));
    return { ok: true, file: result.file, report: slim(result.report), written: [], notes: [], exportErrors: failed };
  }
}

export function serve(): void {
  const port = parentPort!;
  const queue: ToWorker[] = [];
  let busy = false;
  const next = async (): Promise<void> => {
    if (busy) return;
    busy = true;
    for (let job = queue.shift(); job; job = queue.shift()) {
      const result = await runTask(job.task);
      port.postMessage({ type: 'result', id: job.id, result } satisfies FromWorker);
    }
    busy = false;
  };
  port.on('message', (job: ToWorker) => {
    queue.push(job);
    void next();
  });
  port.postMessage({ type: 'ready' } satisfies FromWorker);
}
