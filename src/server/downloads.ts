/**
 * Downloads of the page: any per-report exporter of the EXPORTERS registry (the same renderers
 * `convert --to` uses), and the batch summary workbook. The summary is streamed to a file, so it
 * is written into its own temporary folder, read back and the folder removed, so nothing is left
 * behind even when the writer fails.
 */
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { EXPORTERS, exporterNamed } from '../export';
import { outputStem } from '../export/names';
import type { Report } from '../report/types';

export interface Download {
  readonly fileName: string;
  readonly contentType: string;
  readonly bytes: Buffer;
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

/** The kinds of per-report download the registry offers. */
export function downloadKinds(): { kind: string; extension: string; description: string }[] {
  return Object.entries(EXPORTERS).map(([kind, e]) => ({ kind, extension: e.extension, description: e.description }));
}

export async function reportDownload(report: Report, uploadName: string, kind: string): Promise<Download | undefined> {
  const exporter = exporterNamed(kind);
  if (!exporter) return undefined;
  const fileName = outputStem(uploadName) + exporter.extension;
  return { fileName, contentType: exporter.contentType, bytes: Buffer.from(await exporter.render(report)) };
}

/** Content-Disposition for a download with a Chinese name: an ASCII fallback plus the RFC 5987 UTF-8 name. */
export function attachmentHeader(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
