/**
 * `convert --name agency-year`: outputs named after what the report says (机关名称 + 年度) rather
 * than the file's name. The body and year are known only once a worker has read the file, so the
 * worker writes under a temporary stem and the main thread, which alone knows every name in
 * use, then moves the outputs to the report's name (or the first free variant of it). Temporary
 * stems that no report could ask for keep the names independent of the order files finish in.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { safeFileName } from '../export/names';
import type { ReportMeta } from '../report/types';
import type { OutputFolder } from './output-names';

export const NAMINGS = ['file', 'agency-year'] as const;

/** The stem the worker writes the k-th file under until it is moved (safe as it is: safeFileName keeps it). */
export function temporaryStem(k: number): string {
  return `~nianbao-${process.pid}-${k}`;
}

/** 某某市生态环境局2022年度, or undefined when the body or the year was not read. */
export function agencyYearStem(meta: Pick<ReportMeta, 'agency' | 'year'>): string | undefined {
  return meta.agency && meta.year ? safeFileName(`${meta.agency}${meta.year}年度`) : undefined;
}

/** Moves the files written under the temporary `stem` to `wanted`; the paths now written, and a note if an input was in the way. */
export function moveOutputs(
  written: readonly string[],
  stem: string,
  wanted: string,
  folder: OutputFolder,
): { written: string[]; note?: string } {
  const { name, note } = folder.claim(wanted);
  const moved = written.map((file) => {
    const target = path.join(path.dirname(file), name + path.basename(file).slice(stem.length));
    fs.renameSync(file, target);
    return target;
  });
  return { written: moved, note };
}
