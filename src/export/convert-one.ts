/**
 * What `convert` does with one report once it is read: optionally migrate it to another format,
 * then write each requested export under a name allocated by the caller. Runs inside the worker
 * threads, so exports are written on all cores as files finish. One export that fails (a library
 * error, a full disk, a folder in the way) is reported as that export's failure; the file was read,
 * and its other exports are still written.
 */
import * as fs from 'node:fs';
import type { FormatVersion } from '../formats/types';
import { EXPORTERS } from './index';
import { insideFolder } from './names';
import { droppedMessages, migrateReport } from '../report/migrate';
import type { Report } from '../report/types';
import { checkReport, type FileError } from '../core/pipeline';

export interface ConvertTarget {
  readonly outDir: string;
  /** Output file name without extension, already unique within outDir. */
  readonly stem: string;
  readonly formats: readonly string[];
  readonly targetFormat?: FormatVersion;
}

export interface Converted {
  readonly report: Report;
  readonly written: readonly string[];
  /** Lines to show the user (fields a migration could not place). */
  readonly notes: readonly string[];
  /** Exports that could not be written (code EXPORT_FAILED), one per format. */
  readonly failed: readonly FileError[];
}

/** An export that failed, naming the input and the output, in Chinese and English. */
export function exportError(file: string, format: string, target: string, err: unknown): FileError {
  const detail = (err instanceof Error ? err.message : String(err)).split('\n')[0].slice(0, 200);
  const kind = format.toUpperCase();
  const zh = `文件“${file}”已读取，但无法写出 ${kind}（${target}）：${detail}`;
  const en = `Read "${file}", but could not write its ${kind} (${target}): ${detail}`;
  return { code: 'EXPORT_FAILED', file, message: `${zh}\n${en}`, zh, en };
}

export async function convertReport(read: Report, target: ConvertTarget): Promise<Converted> {
  const report =
    target.targetFormat && target.targetFormat !== read.meta.format
      ? checkReport(migrateReport(read, target.targetFormat).report)
      : read;
  const written: string[] = [];
  const failed: FileError[] = [];
  for (const name of target.formats) {
    const exporter = EXPORTERS[name];
    const file = insideFolder(target.outDir, target.stem + exporter.extension);
    try {
      // Synchronous on purpose, as processPath's read: the worker has nothing else to do meanwhile.
      fs.writeFileSync(file, await exporter.render(report));
      written.push(file);
    } catch (err) {
      failed.push(exportError(read.source.name, name, file, err));
    }
  }
  return { report, written, notes: droppedMessages(report), failed };
}
