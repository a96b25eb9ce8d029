/**
 * One row of the summary per file: the values of a report under the columns of both formats, or
 * the file and its error when it could not be read. Plain functions, so the writer stays small.
 */
import type { Cell, Worksheet } from 'exceljs';
import type { FileResult } from '../../core/pipeline';
import { getFormat } from '../../formats/model';
import type { Report, Severity } from '../../report/types';
import { countBySeverity } from '../../report/findings';
import { severityFill, worstByKey } from './findings';
import { font, numberFormat, solid, thinBorders } from './look';
import { xlsxStyle } from './style';
import type { SummaryColumn } from './summary-columns';
import { cellText, cellValue } from './text';

export const STATUS_OK = '已读取';
export const STATUS_FAILED = '无法读取';

/** Values of one row by column key. */
function reportValues(report: Report, no: number, file: string): Map<string, unknown> {
  const counts = countBySeverity(report.issues);
  const values = new Map<string, unknown>([
    ['row.no', no],
    ['source.file', file],
    ['status', STATUS_OK],
    ['issues.error', counts.error],
    ['issues.warning', counts.warning],
    ['issues.info', counts.info],
  ]);
  // Only the keys of the report's own format: a key of the other format stays empty.
  for (const f of getFormat(report.meta.format).fields) values.set(f.key, report.fields[f.key]);
  return values;
}

function failedValues(result: Extract<FileResult, { ok: false }>, no: number): Map<string, unknown> {
  return new Map<string, unknown>([
    ['row.no', no],
    ['source.file', result.file],
    ['status', `${STATUS_FAILED}：${result.error.zh}`],
  ]);
}

function styleCell(cell: Cell, column: SummaryColumn, severity: Severity | undefined): void {
  cell.font = font();
  if (typeof cell.value === 'number') {
    const fmt = numberFormat(column.role === 'count' ? 'int' : column.type);
    if (fmt) cell.numFmt = fmt;
  }
  if (severity) cell.fill = solid(severityFill(severity));
}

/** Writes and commits worksheet row `r`; returns the numbers written, by column index, for totals. */
export function writeFileRow(ws: Worksheet, columns: readonly SummaryColumn[], r: number, no: number, result: FileResult): Map<number, number> {
  const values = result.ok ? reportValues(result.report, no, result.file) : failedValues(result, no);
  const worst = result.ok ? worstByKey(result.report.issues) : new Map<string, Severity>();
  const row = ws.getRow(r);
  const numbers = new Map<number, number>();
  columns.forEach((column, i) => {
    const value = cellValue(values.get(column.key));
    if (value === null && !worst.has(column.key)) return;
    const cell = row.getCell(i + 1);
    cell.value = value;
    if (typeof value === 'number') numbers.set(i, value);
    const counted = typeof value === 'number' && value > 0 ? column.severity : undefined;
    styleCell(cell, column, worst.get(column.key) ?? counted);
  });
  if (!result.ok) row.getCell(columns.findIndex((c) => c.key === 'status') + 1).font = { ...font(), color: { argb: xlsxStyle().failedColor } };
  row.commit();
  return numbers;
}

/** The spreadsheet letters of a 1-based column number (1 → A, 27 → AA). */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/**
 * The totals row below rows first..last: a SUM formula per summed column, with the sum of what was
 * written as its cached result (rounded off float noise) so that a viewer that does not recalculate
 * still shows the right figure.
 */
export function writeTotalsRow(ws: Worksheet, columns: readonly SummaryColumn[], first: number, last: number, totals: ReadonlyMap<number, number>): void {
  const style = xlsxStyle();
  const row = ws.getRow(last + 1);
  columns.forEach((column, i) => {
    const cell = row.getCell(i + 1);
    cell.font = font('header');
    cell.fill = solid(style.totalsFill);
    cell.border = thinBorders();
    if (column.key === 'source.file') cell.value = cellText(style.summary.totalsLabel);
    if (!summed(column)) return;
    const letter = columnLetter(i + 1);
    const result = Math.round((totals.get(i) ?? 0) * 1e6) / 1e6;
    cell.value = last >= first ? { formula: `SUM(${letter}${first}:${letter}${last})`, result } : 0;
    cell.numFmt = numberFormat(column.role === 'count' ? 'int' : column.type)!;
  });
  row.commit();
}

/** Columns that get a SUM in the totals row: the numeric fields and the finding counts. */
export function summed(column: SummaryColumn): boolean {
  return column.role === 'count' || (column.role === 'field' && column.part !== 'meta' && (column.type === 'int' || column.type === 'decimal'));
}
