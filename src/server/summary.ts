/**
 * The batch summary workbook of everything loaded, with the clerk's corrections: the same
 * SummaryWriter the CLI uses, fed the corrected reports in upload order (failed files included,
 * so the workbook lists them), written into a temporary folder and read back.
 */
import type { FileResult } from '../core/pipeline';
import { SummaryWriter } from '../export/xlsx/summary-writer';
import { crossYear } from '../validate';
import { EXPORTERS } from '../export';
import { viaTempFile, type Download } from './downloads';
import { httpErrors } from './errors';
import type { Entry } from './entry';
import type { ReportStore } from './store';

export const SUMMARY_FILE_NAME = '年度报告汇总.xlsx';

/** The entry as the writer takes it: the corrected report, whose own findings it lists (cross-year ones it finds itself). */
async function resultOf(store: ReportStore, entry: Entry): Promise<FileResult> {
  const report = entry.info ? await store.corrected(entry) : undefined;
  return report
    ? { ok: true, file: entry.record.name, report }
    : { ok: false, file: entry.record.name, error: entry.record.error! };
}

/** Every failed file, and of the read ones one per body and year (a duplicate set aside is left out). */
export async function summaryDownload(store: ReportStore): Promise<Download> {
  const entries = store.list().filter((e) => !e.info || store.counts(e));
  if (!entries.some((e) => e.info)) throw httpErrors.noReports();
  const bytes = await viaTempFile(SUMMARY_FILE_NAME, async (target) => {
    const writer = new SummaryWriter(target);
    try {
      for (const entry of entries) await writer.add(await resultOf(store, entry));
      await writer.finish(crossYear(writer.yearRecords()));
    } catch (err) {
      await writer.abort();
      throw err;
    }
  });
  return { fileName: SUMMARY_FILE_NAME, contentType: EXPORTERS.xlsx.contentType, bytes };
}
