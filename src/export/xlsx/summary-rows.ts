/**
 * One row of 明细 per report: the values of a report under the columns of its format, findings'
 * fills and corrected cells marked. A row is first made plain data (it waits in a spool until its
 * sheet is written), then written. Plain functions, so the writer stays small.
 */
import type { Cell, Worksheet } from 'exceljs';
import { getFormat } from '../../formats/model';
import type { Report, Severity } from '../../report/types';
import { countBySeverity } from '../../report/findings';
import { correctionFill, correctionText } from './corrections';
import { severityFill, worstByKey } from './findings';
import { font, numberFormat, solid, thinBorders } from './look';
import { xlsxStyle } from './style';
import type { SummaryColumn } from './summary-columns';
import { cellText, cellValue } from '../../text/sheet-text';

/** 计入汇总: whether the row's report counts in the totals (one per body and year). */
export const COUNTED_KEY = 'counted';
export const COUNTED_YES = '是';
export const COUNTED_NO = '否（重复报送）';

/** A 明细 row as plain data. */
export interface DetailRow {
  readonly id: string;
  readonly values: Readonly<Record<string, string | number | null>>;
  readonly worst: Readonly<Record<string, Severity>>;
  /** 原报 X，更正为 Y by key, for the corrected cells. */
  readonly corrected: Readonly<Record<string, string>>;
}

export function detailRow(report: Report, id: string, file: string): DetailRow {
  const counts = countBySeverity(report.issues);
  const values: Record<string, string | number | null> = {
    'source.file': file,
    'issues.error': counts.error,
    'issues.warning': counts.warning,
    'issues.info': counts.info,
  };
  const corrected: Record<string, string> = {};
  for (const f of getFormat(report.meta.format).fields) {
    values[f.key] = cellValue(report.fields[f.key]);
    const cell = report.cells[f.key];
    if (cell?.corrected) corrected[f.key] = correctionText(cell);
  }
  return { id, values, worst: Object.fromEntries(worstByKey(report.issues)), corrected };
}

function styleCell(cell: Cell, column: SummaryColumn, fill: string | undefined): void {
  cell.font = font();
  if (typeof cell.value === 'number') {
    const fmt = numberFormat(column.role === 'count' ? 'int' : column.type);
    if (fmt) cell.numFmt = fmt;
  }
  if (fill) cell.fill = solid(fill);
}

/** Writes and commits worksheet row `r`: row number `no`, and whether the report counts. */
export function writeDetailRow(
  ws: Worksheet,
  columns: readonly SummaryColumn[],
  r: number,
  no: number,
  row: DetailRow,
  counted: boolean,
): void {
  const values: Record<string, string | number | null> = {
    ...row.values,
    'row.no': no,
    [COUNTED_KEY]: counted ? COUNTED_YES : COUNTED_NO,
  };
  const wsRow = ws.getRow(r);
  columns.forEach((column, i) => {
    const value = cellValue(values[column.key]);
    const severity = row.worst[column.key];
    const note = row.corrected[column.key];
    if (value === null && !severity && !note) return;
    const cell = wsRow.getCell(i + 1);
    cell.value = value;
    const counts = typeof value === 'number' && value > 0 && column.severity ? severityFill(column.severity) : undefined;
    styleCell(cell, column, severity ? severityFill(severity) : note ? correctionFill() : counts);
    if (note) cell.note = cellText(note);
  });
  wsRow.commit();
}

/** The spreadsheet letters of a 1-based column number (1 → A, 27 → AA). */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/**
 * The totals row below rows first..last: per summed column a SUMIF over the rows whose 计入汇总 is
 * 是 (a duplicate report is listed, never added), with the sum of the counted values as its cached
 * result (float noise rounded off) so that a viewer that does not recalculate shows the right figure.
 */
export function writeTotalsRow(
  ws: Worksheet,
  columns: readonly SummaryColumn[],
  first: number,
  last: number,
  totals: ReadonlyMap<number, number>,
): void {
  const style = xlsxStyle();
  const row = ws.getRow(last + 1);
  const flag = columnLetter(columns.findIndex((c) => c.key === COUNTED_KEY) + 1);
  columns.forEach((column, i) => {
    const cell = row.getCell(i + 1);
    cell.font = font('header');
    cell.fill = solid(style.totalsFill);
    cell.border = thinBorders();
    if (column.key === 'source.file') cell.value = cellText(style.summary.totalsLabel);
    if (!summed(column)) return;
    const letter = columnLetter(i + 1);
    const result = Math.round((totals.get(i) ?? 0) * 1e6) / 1e6;
    const formula = `SUMIF($${flag}$${first}:$${flag}$${last},"${COUNTED_YES}",${letter}${first}:${letter}${last})`;
    cell.value = last >= first ? { formula, result } : 0;
    cell.numFmt = numberFormat(column.role === 'count' ? 'int' : column.type)!;
  });
  row.commit();
}

/** Columns that get a total: the numeric fields and the finding counts. */
export function summed(column: SummaryColumn): boolean {
  return (
    column.role === 'count' ||
    (column.role === 'field' && column.part !== 'meta' && (column.type === 'int' || column.type === 'decimal'))
  );
}
