/**
 * What the server keeps in memory of each report: a few light facts of its corrected state (who,
 * which year, counts, key figures, the year record cross-year checks need). The report itself
 * stays on disk and is read when a view or a download needs it, so memory does not grow with
 * the size of the reports.
 */
import { xlsxStyle } from '../export/xlsx/style';
import { countBySeverity } from '../report/findings';
import type { FieldValue, Report } from '../report/types';
import { agencyKey, yearRecord, type YearRecord } from '../validate';

export interface KeyFigure {
  readonly key: string;
  readonly label: string;
}

/** The overview's key figures: the ones the summary's 报送情况 shows (templates/xlsx-style.json), so both agree. */
export function keyFigures(): readonly KeyFigure[] {
  return xlsxStyle().summary.keyFigures;
}

export interface ReportInfo {
  readonly agency: string | null;
  readonly year: number | null;
  readonly publishDate: string | null;
  readonly format: string;
  /** Own findings (cross-year ones are added when summarised). */
  readonly errors: number;
  readonly warnings: number;
  readonly corrected: number;
  readonly figures: Readonly<Record<string, FieldValue>>;
  readonly record: YearRecord;
  /** Body and year, for duplicates: the agency's key (as cross-year pairing names it) and the year; null when either is unknown. */
  readonly bodyYear: string | null;
}

export function reportInfo(id: string, report: Report): ReportInfo {
  const { error, warning } = countBySeverity(report.issues);
  const record = yearRecord(report, id);
  const body = agencyKey(record.agency);
  return {
    agency: report.meta.agency,
    year: report.meta.year,
    publishDate: report.meta.publishDate,
    format: report.meta.format,
    errors: error,
    warnings: warning,
    corrected: Object.values(report.cells).filter((c) => c.corrected).length,
    figures: Object.fromEntries(keyFigures().map((f) => [f.key, report.fields[f.key] ?? null])),
    record,
    bodyYear: body && report.meta.year ? `${body}|${report.meta.year}` : null,
  };
}
