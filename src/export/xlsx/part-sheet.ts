/**
 * One official table drawn on a worksheet exactly as partLayout() describes it: every label,
 * every merge, thin borders on every grid cell, widths and heights fitted to the labels.
 */
import type { Cell, Worksheet } from 'exceljs';
import type { LayoutCell, LayoutTable } from '../../formats/layout';
import { CENTER, font, LEFT, solid, thinBorders } from './look';
import { layoutHeights, layoutWidths, MAX_ROW_HEIGHT } from './sizing';
import { xlsxStyle } from './style';
import { cellText } from '../../text/sheet-text';

/** What a value cell shows: the value, its number format, a highlight and a note. */
export interface ValueCell {
  readonly value: string | number | null;
  readonly numFmt?: string;
  readonly fill?: string;
  readonly note?: string;
}

export interface DrawnPart {
  readonly widths: readonly number[];
  /** Worksheet row of grid row 0 (1-based). */
  readonly top: number;
  /** Worksheet address (e.g. D7) of each field key's value cell. */
  readonly addressOf: ReadonlyMap<string, string>;
}

/** Draws `layout` with its grid row 0 on worksheet row `top` (1-based) and column A. */
export function drawPart(ws: Worksheet, layout: LayoutTable, top: number, valueOf: (key: string) => ValueCell): DrawnPart {
  const widths = layoutWidths(layout);
  const heights = layoutHeights(layout, widths);
  heights.forEach((h, y) => {
    ws.getRow(top + y).height = Math.min(MAX_ROW_HEIGHT, Math.round(h * 10) / 10);
  });
  const addressOf = new Map<string, string>();
  for (const c of layout.cells) {
    const r = top + c.row;
    const x = c.col + 1;
    if (c.rowSpan > 1 || c.colSpan > 1) ws.mergeCells(r, x, r + c.rowSpan - 1, x + c.colSpan - 1);
    for (let y = r; y < r + c.rowSpan; y++) for (let i = x; i < x + c.colSpan; i++) ws.getCell(y, i).border = thinBorders();
    const cell = ws.getCell(r, x);
    if (c.role === 'value') {
      addressOf.set(c.key!, cell.address);
      fillValue(cell, valueOf(c.key!));
    } else fillLabel(cell, c);
  }
  return { widths, top, addressOf };
}

function fillLabel(cell: Cell, c: LayoutCell): void {
  cell.value = cellText(c.text) || null;
  const header = c.role !== 'row';
  cell.font = font(header ? 'header' : 'body');
  // Group labels spanning several rows read as the printed table's vertical labels: centred.
  cell.alignment = header || c.rowSpan > 1 ? CENTER : LEFT;
  if (header) cell.fill = solid(xlsxStyle().headerFill);
}

function fillValue(cell: Cell, v: ValueCell): void {
  cell.value = v.value;
  cell.font = font();
  cell.alignment = CENTER;
  if (v.numFmt && typeof v.value === 'number') cell.numFmt = v.numFmt;
  if (v.fill) cell.fill = solid(v.fill);
  if (v.note) cell.note = cellText(v.note);
}
