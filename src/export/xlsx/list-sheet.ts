/**
 * Plain list sheets (问题, 数据, 问题清单, 跨年核对, 无法读取): a bold header row, one row per item,
 * frozen header, auto-filter. Works on a normal worksheet and on a streaming one alike (rows are
 * committed as they are written; committing is a no-op on a normal worksheet).
 */
import type { AddWorksheetOptions, CellValue, Worksheet } from 'exceljs';
import { CENTER, font, LEFT, pageSetup, solid, thinBorders } from './look';
import { xlsxStyle } from './style';
import { cellValue } from './text';

export interface ListColumn<T> {
  readonly header: string;
  readonly width: number;
  readonly value: (item: T) => unknown;
  readonly numFmt?: (item: T) => string | undefined;
  /** Long text: left aligned and wrapped. */
  readonly text?: boolean;
}

/** Worksheet options a list sheet needs up front (a streaming sheet writes its views at once). */
export function listSheetOptions<T>(columns: readonly ListColumn<T>[]): Partial<AddWorksheetOptions> {
  return {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
    pageSetup: pageSetup(columns.reduce((n, c) => n + c.width, 0), { titleRows: '1:1' }),
  };
}

export function startList<T>(ws: Worksheet, columns: readonly ListColumn<T>[]): void {
  ws.columns = columns.map((c) => ({ width: c.width }));
  const row = ws.getRow(1);
  columns.forEach((c, i) => {
    const cell = row.getCell(i + 1);
    cell.value = c.header;
    cell.font = font('header');
    cell.alignment = CENTER;
    cell.fill = solid(xlsxStyle().headerFill);
    cell.border = thinBorders();
  });
  row.commit();
}

/** Writes item as row `n + 1` (n counted from 1); `fills` colours some cells by column index. */
export function addListRow<T>(ws: Worksheet, columns: readonly ListColumn<T>[], n: number, item: T, fills: ReadonlyMap<number, string> = new Map()): void {
  const row = ws.getRow(n + 1);
  columns.forEach((c, i) => {
    const cell = row.getCell(i + 1);
    cell.value = cellValue(c.value(item)) as CellValue;
    cell.font = font();
    cell.alignment = c.text ? LEFT : CENTER;
    cell.border = thinBorders();
    const fmt = c.numFmt?.(item);
    if (fmt && typeof cell.value === 'number') cell.numFmt = fmt;
    const fill = fills.get(i);
    if (fill) cell.fill = solid(fill);
  });
  row.commit();
}

export function finishList<T>(ws: Worksheet, columns: readonly ListColumn<T>[], rows: number): void {
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows + 1, column: columns.length } };
}
