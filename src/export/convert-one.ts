/**
 * What `convert` does with one report once it is read: optionally migrate it to another format,
 * then write each requested export under a name allocated by the caller. Runs inside the worker
 * threads, so exports are written on all cores as files finish.
 */
import * as fs from 'node:fs';
import type { FormatVersion } from '../formats/types';
import { EXPORTERS } from './index';
import { insideFolder } from './names';
import { droppedMessages, migrateReport } from '../report/migrate';
import type { Report } from '../report/types';
import { checkReport } from '../core/pipeline';

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
}

export async function convertReport(read: Report, target: ConvertTarget): Promise<Converted> {
  const report = target.targetFormat && target.targetFormat !== read.meta.format
    ? checkReport(migrateReport(read, target.targetFormat).report)
    : read;
  const written: string[] = [];
  for (const name of target.formats) {
    const exporter = EXPORTERS[name];
    const file = insideFolder(target.outDir, target.stem + exporter.extension);
    // Synchronous on purpose, as processPath's read: the worker has nothing else to do meanwhile.
    fs.writeFileSync(file, await exporter.render(report));
    written.push(file);
  }
  return { report, written, notes: droppedMessages(report) };
}
