/**
 * Reports for summary tests: one real DOCX per format read by the real pipeline, then varied as data
 * (body, year, publication date, values, corrections) and re-checked, so that a batch of dozens
 * costs two readings. A correction is made as report/edit makes it: `cells[key].corrected` with the
 * reported raw text kept, `fields[key]` the new value.
 */
import { checkReport } from '../../src/core/pipeline';
import type { FileResult } from '../../src/core/pipeline';
import { getFormat } from '../../src/formats/model';
import type { FormatVersion } from '../../src/formats/types';
import type { Report } from '../../src/report/types';
import { readFixture } from './pipeline';
import { consistentValues, printed, type Values } from './report-fixture';

const bases = new Map<FormatVersion, Promise<Report>>();

function base(version: FormatVersion): Promise<Report> {
  if (!bases.has(version))
    bases.set(version, readFixture({ version, agency: '某某县基准局', year: version === '2019' ? 2020 : 2024 }));
  return bases.get(version)!;
}

export interface Variant {
  readonly version?: FormatVersion;
  readonly agency: string;
  readonly year?: number;
  readonly publishDate?: string;
  readonly seed?: number;
  readonly values?: Values;
}

/** A report of `agency` with the consistent values of `seed` (or `values`), re-checked. */
export async function variant(v: Variant): Promise<Report> {
  const version = v.version ?? '2021';
  const b = await base(version);
  const values = v.values ?? consistentValues(version, v.seed ?? 1);
  const fields = { ...b.fields };
  const cells = { ...b.cells };
  for (const f of getFormat(version).fields) {
    if (f.part === 'meta' || !(f.key in values)) continue;
    fields[f.key] = values[f.key];
    cells[f.key] = {
      ...b.cells[f.key],
      raw: printed(values[f.key]),
      status: typeof values[f.key] === 'number' ? 'number' : 'blank',
    };
  }
  const year = v.year ?? b.meta.year;
  const meta = {
    ...b.meta,
    agency: v.agency,
    issuer: v.agency,
    year,
    publishDate: v.publishDate ?? `${(year ?? 2024) + 1}-01-20`,
    title: `${v.agency}${year}年政府信息公开工作年度报告`,
  };
  Object.assign(fields, {
    'meta.agency': v.agency,
    'meta.issuer': v.agency,
    'meta.year': year,
    'meta.publishDate': meta.publishDate,
    'meta.title': meta.title,
  });
  return checkReport({ ...b, meta, fields, cells });
}

/** The report with one cell corrected from what was reported to `value`. */
export function corrected(report: Report, key: string, value: number, note?: string): Report {
  const cell = report.cells[key];
  const correction = {
    text: String(value),
    value,
    status: 'number' as const,
    at: '2025-02-01T09:30:00.000Z',
    ...(note ? { note } : {}),
  };
  return checkReport({
    ...report,
    fields: { ...report.fields, [key]: value },
    cells: { ...report.cells, [key]: { ...cell, corrected: correction } },
  });
}

export const ok = (report: Report, file: string): FileResult => ({ ok: true, file, report });
