/**
 * An upload request: read the files (multipart.ts), read each one in the worker pool (a hostile
 * file is stopped by the pool's time and memory budget, never by this process), and keep the
 * results in the workspace. Every file gets an answer of its own, sent once it is on disk. A file
 * whose bytes the workspace already holds is not read or stored again: the answer names the
 * report that has it.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import type { ReportPool } from '../batch/pool';
import type { FileError, FileResult } from '../core/pipeline';
import { IngestError } from '../ingest/errors';
import type { Entry } from './entry';
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

/** A file the workspace already holds (same bytes): the report that has it. */
export interface DuplicateFile {
  readonly name: string;
  readonly size: number;
  readonly state: 'duplicate';
  readonly existing: EntrySummary;
  readonly message: string;
}

export type UploadAnswer = EntrySummary | RefusedFile | DuplicateFile;

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function duplicateAnswer(file: UploadedFile, existing: EntrySummary): DuplicateFile {
  const when = existing.addedAt.slice(0, 16).replace('T', ' ');
  const who = [existing.agency, existing.year ? `${existing.year}年` : null].filter(Boolean).join(' ');
  const message = `文件“${file.name}”已在工作区中（与 ${when} 上传的“${existing.name}”${who ? `，${who}` : ''} 内容完全相同），未重复保存`;
  return { name: file.name, size: file.size, state: 'duplicate', existing, message };
}

export class Uploads {
  private inFlight = 0;
  /** Files being read, by content hash, so the same file sent twice at once is read once. */
  private readonly reading = new Map<string, Promise<Entry | undefined>>();

  constructor(
    private readonly pool: ReportPool,
    private readonly store: ReportStore,
  ) {}

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
    const hash = file.tooLarge ? `too-large:${file.name}:${file.size}` : sha256(file.bytes);
    const present = this.store.byContent(hash);
    if (present) return duplicateAnswer(file, this.store.summary(present));
    // The same bytes being read for another request (or another part of this one): wait for it.
    const pending = this.reading.get(hash);
    const known = pending ? await pending : undefined;
    if (known && this.store.get(known.record.id)) return duplicateAnswer(file, this.store.summary(known));
    const ticket = this.store.reserve();
    if (ticket === null) {
      const { zh, en } = storeFullMessage();
      const message = `文件“${file.name}”：${zh}\n"${file.name}": ${en}`;
      return {
        name: file.name,
        size: file.size,
        state: 'refused',
        error: { code: 'STORE_FULL', file: file.name, message, zh: `文件“${file.name}”：${zh}`, en },
      };
    }
    // Registered before the first await, so a copy arriving meanwhile finds it.
    const work = this.readAndStore(ticket, file, hash);
    const shared = work.catch(() => undefined);
    if (!file.tooLarge) this.reading.set(hash, shared);
    try {
      return this.store.summary(await work);
    } finally {
      if (this.reading.get(hash) === shared) this.reading.delete(hash);
    }
  }

  /** Reads a report's original again (a newer reader), keeping its journal of corrections. */
  async reread(entry: Entry): Promise<void> {
    const original = this.store.workspace.originalPath(entry.record);
    if (!original)
      throw httpErrors.unreadable(
        '这个文件的原件没有保存（超过大小限制），无法重新读取',
        'the original was not kept (too large); it cannot be read again',
      );
    const bytes = await fs.readFile(original);
    const result = await this.pool.run({ bytes, name: entry.record.name, options: {} });
    await this.store.reread(entry, result);
  }

  private async readAndStore(ticket: number, file: UploadedFile, hash: string): Promise<Entry> {
    let result: FileResult;
    try {
      result = file.tooLarge
        ? {
            ok: false,
            file: file.name,
            error: new IngestError('TOO_LARGE', file.name, `单个文件最大 ${megabytes(SERVER_LIMITS.maxFileBytes)}`).toJSON(),
          }
        : await this.pool.run({ bytes: file.bytes, name: file.name, options: {} });
    } catch (err) {
      this.store.release();
      throw err;
    }
    return this.store.add(ticket, result, {
      name: file.name,
      size: file.size,
      sha256: hash,
      ...(file.tooLarge ? {} : { bytes: file.bytes }),
    });
  }
}
