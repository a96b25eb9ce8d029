/**
 * What the summary keeps of each file while the batch runs: a light record (who, which year, how
 * many findings, a few key figures) and the report's numbers as one typed array, so that the totals
 * can be taken at the end over the reports that count (one per body and year) without keeping the
 * reports. 5,000 reports of 236 fields are about 10 MB.
 */
import * as path from 'node:path';
import type { FileError, FileResult } from '../../core/pipeline';
import { getFormat } from '../../formats/model';
import type { FormatVersion } from '../../formats/types';
import { countBySeverity } from '../../report/findings';
import type { Report, Severity } from '../../report/types';
import { correctionCount } from '../../roster/from-reports';
import type { RosterReport } from '../../roster/types';
import { xlsxStyle } from './style';

export interface SummaryEntry {
  /** 1-based, in the order the files were added. */
  readonly no: number;
  /** Unique within the batch: the path as given, with #2, #3 for a path given twice. */
  readonly id: string;
  /** The file name without its folders (what print shows). */
  readonly file: string;
  readonly error: FileError | null;
  readonly agency: string | null;
  readonly year: number | null;
  readonly format: FormatVersion | null;
  readonly publishDate: string | null;
  readonly counts: Readonly<Record<Severity, number>>;
  readonly corrections: number;
  /** The key figures of 报送情况 (xlsx-style summary.keyFigures), null where not a number. */
  readonly figures: readonly (number | null)[];
  /** The value of each field of the report's format, in catalog order; NaN where not a number. */
  readonly numbers: Float64Array | null;
}

const NO_COUNTS: Record<Severity, number> = { error: 0, warning: 0, info: 0 };

function numbersOf(report: Report): Float64Array {
  const fields = getFormat(report.meta.format).fields;
  const out = new Float64Array(fields.length);
  fields.forEach((f, i) => {
    const v = report.fields[f.key];
    out[i] = typeof v === 'number' && Number.isFinite(v) ? v : NaN;
  });
  return out;
}

export function summaryEntry(result: FileResult, no: number, id: string): SummaryEntry {
  const file = path.basename(result.file.replace(/\\/g, '/'));
  if (!result.ok) {
    return {
      no,
      id,
      file,
      error: result.error,
      agency: null,
      year: null,
      format: null,
      publishDate: null,
      counts: NO_COUNTS,
      corrections: 0,
      figures: [],
      numbers: null,
    };
  }
  const { report } = result;
  const { meta } = report;
  const figures = xlsxStyle().summary.keyFigures.map((k) => {
    const v = report.fields[k.key];
    return typeof v === 'number' ? v : null;
  });
  return {
    no,
    id,
    file,
    error: null,
    agency: meta.agency ?? meta.issuer,
    year: meta.year,
    format: meta.format,
    publishDate: meta.publishDate,
    counts: countBySeverity(report.issues),
    corrections: correctionCount(report),
    figures,
    numbers: numbersOf(report),
  };
}

/** The entry as the roster sees it (failed files are not reports). */
export function entryRef(e: SummaryEntry): RosterReport {
  return {
    id: e.id,
    agency: e.agency,
    year: e.year,
    date: e.publishDate,
    errors: e.counts.error,
    warnings: e.counts.warning,
    corrections: e.corrections,
  };
}
