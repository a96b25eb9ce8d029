/**
 * Plain list sheets (问题, 数据, 问题清单, 跨年核对, 无法读取): a bold header row, one row per item,
 * frozen header, auto-filter. Works on a normal worksheet and on a streaming one alike (rows are
 * committed as they are written; committing is a no-op on a normal worksheet).
 */
import type { AddWorksheetOptions, CellValue, Worksheet } from 'exceljs';
import { CENTER, font, LEFT, pageSetup, solid, thinBorders } from './look';
import { linesNeeded, rowHeight } from './sizing';
import { xlsxStyle } from './style';
import { PAGE_FOOTER } from './sheet-head';
import { cellValue } from './text';

export interface ListColumn<T> {
  readonly header: string;
  readonly width: number;
  readonly value: (item: T) => unknown;
  readonly numFmt?: (item: T) => string | undefined;
  /** Long text: left aligned and wrapped. */
  readonly text?: boolean;
  /** Background colour of the cell for this item (a finding's severity). */
  readonly fill?: (item: T) => string | undefined;
  /** For programs, not for print (field keys): hidden. */
  readonly hidden?: boolean;
}

/** Printed width of the visible columns. */
function printedWidth<T>(columns: readonly ListColumn<T>[]): number {
  return columns.reduce((n, c) => n + (c.hidden ? 0 : c.width), 0);
}

/**
 * Worksheet options a list sheet needs up front (a streaming sheet writes its views at once).
 * `top` is the header's row: below a printed title block (sheet-head.ts) it is 3.
 */
export function listSheetOptions<T>(columns: readonly ListColumn<T>[], top = 1): Partial<AddWorksheetOptions> {
  return {
    views: [{ state: 'frozen', xSplit: 0, ySplit: top }],
    pageSetup: pageSetup(printedWidth(columns), { titleRows: `${top}:${top}` }),
    headerFooter: { oddFooter: PAGE_FOOTER },
  };
}

export function startList<T>(ws: Worksheet, columns: readonly ListColumn<T>[], top = 1): void {
  ws.columns = columns.map((c) => ({ width: c.width, hidden: !!c.hidden }));
  const row = ws.getRow(top);
  columns.forEach((c, i) => {
    const cell = row.getCell(i + 1);
    cell.value = c.header;
    cell.font = font('header');
    cell.alignment = CENTER;
    cell.fill = solid(xlsxStyle().headerFill);
    cell.border = thinBorders();
  });
  const lines = Math.max(...columns.map((c) => linesNeeded(c.header, c.width)));
  if (lines > 1) row.height = rowHeight(lines);
  row.commit();
}

/** Writes item as row `n + top` (n counted from 1) and commits it. */
export function addListRow<T>(ws: Worksheet, columns: readonly ListColumn<T>[], n: number, item: T, top = 1): void {
  const row = ws.getRow(n + top);
  let lines = 1;
  columns.forEach((c, i) => {
    const cell = row.getCell(i + 1);
    cell.value = cellValue(c.value(item)) as CellValue;
    cell.font = font();
    cell.alignment = c.text ? LEFT : CENTER;
    cell.border = thinBorders();
    const fmt = c.numFmt?.(item);
    if (fmt && typeof cell.value === 'number') cell.numFmt = fmt;
    const fill = c.fill?.(item);
    if (fill) cell.fill = solid(fill);
    if (typeof cell.value === 'string') lines = Math.max(lines, linesNeeded(cell.value, c.width));
  });
  // Office suites do not grow a row for wrapped text on opening: give it the height it needs.
  if (lines > 1) row.height = rowHeight(lines);
  row.commit();
}

export function finishList<T>(ws: Worksheet, columns: readonly ListColumn<T>[], rows: number, top = 1): void {
  ws.autoFilter = { from: { row: top, column: 1 }, to: { row: rows + top, column: columns.length } };
}
