/**
 * Reading an upload request (multipart/form-data) into memory with the limits of SERVER_LIMITS:
 * a file over the per-file limit is kept as "too large" (the others of the request still count),
 * a request over the total size or file count is refused as a whole, and a request that is not
 * well-formed multipart is refused with 400. Every failure rejects with an HttpError; nothing
 * throws past this module.
 */
import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';
import { HttpError, httpErrors } from './errors';
import { SERVER_LIMITS } from './limits';

export interface UploadedFile {
  readonly name: string;
  readonly bytes: Buffer;
  /** The file went over SERVER_LIMITS.maxFileBytes; `bytes` holds only its beginning. */
  readonly tooLarge: boolean;
  readonly size: number;
}

/** Upload names come from the client: keep the base name only, no control characters, bounded length. */
export function uploadName(raw: string | undefined): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return [...clean].slice(0, 200).join('') || '未命名文件';
}

function declaredLength(req: IncomingMessage): number | undefined {
  const n = Number(req.headers['content-length']);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

export function readUpload(req: IncomingMessage): Promise<UploadedFile[]> {
  const L = SERVER_LIMITS;
  if (!/^multipart\/form-data\b/i.test(req.headers['content-type'] ?? '')) return Promise.reject(httpErrors.notMultipart());
  if ((declaredLength(req) ?? 0) > L.maxRequestBytes) return Promise.reject(httpErrors.requestTooLarge());
  return new Promise((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      bb = busboy({
        headers: req.headers,
        defParamCharset: 'utf8',
        limits: {
          fileSize: L.maxFileBytes,
          files: L.maxFilesPerRequest,
          fields: 50,
          fieldSize: 4096,
          parts: L.maxFilesPerRequest + 50,
        },
      });
    } catch (err) {
      reject(httpErrors.badMultipart((err as Error).message));
      return;
    }
    const files: UploadedFile[] = [];
    let received = 0;
    let done = false;
    const fail = (error: HttpError): void => {
      if (done) return;
      done = true;
      req.unpipe(bb);
      bb.removeAllListeners();
      bb.on('error', () => undefined);
      reject(error);
    };
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > L.maxRequestBytes) fail(httpErrors.requestTooLarge());
    });
    req.on('error', (err) => fail(httpErrors.badMultipart(err.message)));
    bb.on('file', (_field, stream, info) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let tooLarge = false;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (!tooLarge) chunks.push(chunk);
      });
      stream.on('limit', () => {
        tooLarge = true;
        chunks.length = 0;
      });
      stream.on('error', () => undefined);
      stream.on('end', () => {
        if (!info.filename && !size) return;
        files.push({ name: uploadName(info.filename), bytes: Buffer.concat(chunks), tooLarge, size });
      });
    });
    bb.on('filesLimit', () => fail(httpErrors.tooManyFiles()));
    bb.on('partsLimit', () => fail(httpErrors.tooManyFiles()));
    bb.on('error', (err) => fail(httpErrors.badMultipart((err as Error).message)));
    bb.on('close', () => {
      if (done) return;
      done = true;
      if (!files.length) reject(httpErrors.noFiles());
      else resolve(files);
    });
    req.pipe(bb);
  });
}
