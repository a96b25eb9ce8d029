/** One file in a worker thread: the same pipeline the CLI and server use inline. */
import { processInput, processPath, type FileResult, type ProcessOptions } from '../core/pipeline';

export interface BatchTask {
  /** Path to read, or… */
  readonly file?: string;
  /** …the bytes of an upload and the name to show. */
  readonly bytes?: Uint8Array;
  readonly name: string;
  readonly options: ProcessOptions;
}

export default async function run(task: BatchTask): Promise<FileResult> {
  if (task.bytes) return processInput({ name: task.name, bytes: task.bytes }, task.name, task.options);
  return processPath(task.file!, task.options);
}
