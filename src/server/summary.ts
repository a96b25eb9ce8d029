/**
 * The batch summary workbook of the workspace, with the clerk's corrections: the same
 * SummaryWriter the CLI uses, fed the corrected reports in upload order (failed files included,
 * so the workbook lists them; of duplicates of a body and year only the one that counts), with
 * the roster of the main year and its manual assignments when one was imported, written into a
 * temporary folder and read back.
 */
import type { FileResult } from '../core/pipeline';
import { SummaryWriter, type SummaryOptions } from '../export/xlsx/summary-writer';
import { mainYear } from '../roster';
import { crossYear } from '../validate';
import { EXPORTERS } from '../export';
import { viaTempFile, type Download } from './downloads';
import { httpErrors } from './errors';
import type { Entry } from './entry';
import type { ReportStore } from './store';
import { storedRoster } from './year';

export const SUMMARY_FILE_NAME = '年度报告汇总.xlsx';

/** The entry as the writer takes it: the corrected report, whose own findings it lists (cross-year ones it finds itself). */
async function resultOf(store: ReportStore, entry: Entry): Promise<FileResult> {
  const report = entry.info ? await store.corrected(entry) : undefined;
  return report
    ? { ok: true, file: entry.record.name, report }
    : { ok: false, file: entry.record.name, error: entry.record.error! };
}

/**
 * The writer names each report by its file name (a second file of the same name gets “#2”), so
 * the manual assignments, kept by workspace id, are given to it under those names.
 */
function writerIds(entries: readonly Entry[]): Map<string, string> {
  const ids = new Map<string, string>();
  const taken = new Set<string>();
  for (const e of entries) {
    let id = e.record.name;
    for (let n = 2; taken.has(id); n++) id = `${e.record.name}#${n}`;
    taken.add(id);
    ids.set(e.record.id, id);
  }
  return ids;
}

/** The roster of the year most reports are about, if the clerk imported one. */
async function rosterOptions(store: ReportStore, entries: readonly Entry[]): Promise<SummaryOptions> {
  const year = mainYear(
    entries.flatMap((e) =>
      e.info
        ? [{ id: e.record.id, agency: e.info.agency, year: e.info.year, date: null, errors: 0, warnings: 0, corrections: 0 }]
        : [],
    ),
  );
  const stored = year === null ? undefined : await storedRoster(store, year);
  if (!stored) return {};
  const ids = writerIds(entries);
  const assign = Object.fromEntries(
    Object.entries(stored.assign).flatMap(([id, body]) => (ids.has(id) ? [[ids.get(id)!, body]] : [])),
  );
  return { roster: stored.roster, rosterOptions: { year, assign } };
}

/** Every failed file, and of the read ones one per body and year (a duplicate set aside is left out). */
export async function summaryDownload(store: ReportStore): Promise<Download> {
  const entries = store.list().filter((e) => !e.info || store.counts(e));
  if (!entries.some((e) => e.info)) throw httpErrors.noReports();
  const options = await rosterOptions(store, entries);
  const bytes = await viaTempFile(SUMMARY_FILE_NAME, async (target) => {
    const writer = new SummaryWriter(target, options);
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
