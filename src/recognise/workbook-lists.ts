/** Cell text and header-led lists of a workbook's sheets, as the per-report workbook reader needs them. */
import type { SheetGrid, SheetValue } from '../ingest/xlsx/sheets';
import { displayNumber } from '../text/display';
import { cleanText } from '../text/normalise';

/** A cell as text: a number as the table prints it, text display-cleaned, nothing as ''. */
export function sheetText(v: SheetValue): string {
  return v === null ? '' : typeof v === 'number' ? displayNumber(v) : cleanText(v);
}

/** Rows below a header row that names `columns`, as objects by column name. */
export function listOf(grid: SheetGrid | undefined, columns: readonly string[]): Record<string, SheetValue>[] {
  if (!grid) return [];
  const at = grid.rows.findIndex((r) => columns.every((c) => r.some((v) => v === c)));
  if (at < 0) return [];
  const index = columns.map((c) => grid.rows[at].indexOf(c));
  return grid.rows.slice(at + 1).map((r) => Object.fromEntries(columns.map((c, i) => [c, r[index[i]] ?? null])));
}
