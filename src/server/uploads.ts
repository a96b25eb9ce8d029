/**
 * An upload request: read the files (multipart.ts), read each one in the worker pool (a hostile
 * file is stopped by the pool's time and memory budget, never by this process), and keep the
 * results in the store. Every file gets an answer of its own.
 */
import type { IncomingMessage } from 'node:http';
import type { ReportPool } from '../batch/pool';
import type { FileError, FileResult } from '../core/pipeline';
import { IngestError } from '../ingest/errors';
import { httpErrors, storeFullMessage } from './errors';
import { megabytes, SERVER_LIMITS } from './limits';
import { readUpload, type UploadedFile } from './multipart';
import type { EntrySummary, ReportStore } from './store';

/** A file that was not read because the store is full. */
export interface RefusedFile {
  readonly name: string;
  readonly size: number;
  readonly state: 'refused';
  readonly error: FileError;
}

export type UploadAnswer = EntrySummary | RefusedFile;

export class Uploads {
  private inFlight = 0;

  constructor(private readonly pool: ReportPool, private readonly store: ReportStore) {}

  async handle(req: IncomingMessage): Promise<UploadAnswer[]> {
    if (this.inFlight >= SERVER_LIMITS.maxConcurrentUploads) throw httpErrors.busy();
    this.inFlight++;
    try {
      const files = await readUpload(req);
      return await Promise.all(files.map((f) => this.readOne(f)));
    } finally {
      this.inFlight--;
    }
  }

  private async readOne(file: UploadedFile): Promise<UploadAnswer> {
    const ticket = this.store.reserve();
    if (ticket === null) {
      const { zh, en } = storeFullMessage();
      const message = `文件“${file.name}”：${zh}\n"${file.name}": ${en}`;
      return { name: file.name, size: file.size, state: 'refused', error: { code: 'STORE_FULL', file: file.name, message, zh: `文件“${file.name}”：${zh}`, en } };
    }
    let result: FileResult;
    try {
      result = file.tooLarge
        ? { ok: false, file: file.name, error: new IngestError('TOO_LARGE', file.name, `单个文件最大 ${megabytes(SERVER_LIMITS.maxFileBytes)}`).toJSON() }
        : await this.pool.run({ bytes: file.bytes, name: file.name, options: {} });
    } catch (err) {
      this.store.release();
      throw err;
    }
    return this.store.summary(this.store.add(ticket, result, file.name, file.size));
  }
}
