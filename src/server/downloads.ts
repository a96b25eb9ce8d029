/**
 * Downloads of the page: any per-report exporter of the EXPORTERS registry (the same writers
 * `convert --to` uses) and the batch summary workbook. Exporters write files; each download is
 * written into its own temporary folder, read back and the folder removed, so nothing is left
 * behind even when a writer fails.
 */
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { EXPORTERS } from '../export';
import { outputStem } from '../export/names';
import type { Report } from '../report/types';

export interface Download {
  readonly fileName: string;
  readonly contentType: string;
  readonly bytes: Buffer;
}

const CONTENT_TYPES: Record<string, string> = {
  '.json': 'application/json; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export function contentTypeOf(fileName: string): string {
  return CONTENT_TYPES[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

/** Runs `write` against a path inside a fresh temporary folder and returns the bytes written. */
export async function viaTempFile(fileName: string, write: (target: string) => Promise<void>): Promise<Buffer> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'nianbao-serve-'));
  try {
    const target = path.join(dir, 'out' + path.extname(fileName));
    await write(target);
    return await fs.readFile(target);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** The kinds of per-report download the registry offers now (json, xlsx, docx as they are added). */
export function downloadKinds(): { kind: string; extension: string; description: string }[] {
  return Object.entries(EXPORTERS).map(([kind, e]) => ({ kind, extension: e.extension, description: e.description }));
}

export async function reportDownload(report: Report, uploadName: string, kind: string): Promise<Download | undefined> {
  const exporter = Object.prototype.hasOwnProperty.call(EXPORTERS, kind) ? EXPORTERS[kind] : undefined;
  if (!exporter) return undefined;
  const fileName = outputStem(uploadName) + exporter.extension;
  const bytes = await viaTempFile(fileName, (target) => exporter.write(report, target));
  return { fileName, contentType: contentTypeOf(fileName), bytes };
}

/** Content-Disposition for a download with a Chinese name: an ASCII fallback plus the RFC 5987 UTF-8 name. */
export function attachmentHeader(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
