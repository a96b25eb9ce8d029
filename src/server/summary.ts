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
import type { Entry, ReportStore } from './store';

export const SUMMARY_FILE_NAME = '年度报告汇总.xlsx';

/** The entry as the writer takes it: the corrected report, whose own findings it lists (cross-year ones it finds itself). */
function resultOf(entry: Entry): FileResult {
  return entry.report
    ? { ok: true, file: entry.name, report: entry.report }
    : { ok: false, file: entry.name, error: entry.error! };
}

export async function summaryDownload(store: ReportStore): Promise<Download> {
  const entries = store.list();
  if (!entries.some((e) => e.report)) throw httpErrors.noReports();
  const bytes = await viaTempFile(SUMMARY_FILE_NAME, async (target) => {
    const writer = new SummaryWriter(target);
    try {
      for (const entry of entries) await writer.add(resultOf(entry));
      await writer.finish(crossYear(writer.yearRecords()));
    } catch (err) {
      await writer.abort();
      throw err;
    }
  });
  return { fileName: SUMMARY_FILE_NAME, contentType: EXPORTERS.xlsx.contentType, bytes };
}
