/**
 * A Report reduced to what the cross-year rules read (YearRecord): its identity and its table
 * figures. Only the numbers are kept (a key that is absent reads as blank), so that a batch of
 * thousands of reports fits in memory.
 */
import type { FieldValue, Report } from '../report/types';
import type { YearRecord } from './year-record';

/** A figure of a record: null when blank or absent. */
export function num(fields: Readonly<Record<string, FieldValue>>, key: string): number | null {
  const v = fields[key];
  return typeof v === 'number' ? v : null;
}

export function yearRecord(report: Report, id: string = report.source.file): YearRecord {
  const fields: Record<string, FieldValue> = {};
  for (const [key, value] of Object.entries(report.fields)) {
    if (typeof value === 'number' && !key.startsWith('meta.')) fields[key] = value;
  }
  return {
    id,
    file: report.source.file,
    agency: report.meta.agency ?? report.meta.issuer,
    year: report.meta.year,
    format: report.meta.format,
    fields,
  };
}
