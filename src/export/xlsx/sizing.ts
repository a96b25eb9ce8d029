/**
 * Column widths and row heights for a table drawn from a layout: Excel and LibreOffice do not fit
 * rows with merged or wrapped cells themselves, so we estimate what the labels need.
 */
import type { LayoutCell, LayoutTable } from '../../formats/layout';
import { xlsxStyle } from './style';
import { textUnits } from '../../text/sheet-text';

/** Excel's tallest row, in points; a taller one makes Excel repair the file. */
export const MAX_ROW_HEIGHT = 409;

/** Points for `lines` lines of text, at most what Excel allows. */
export function rowHeight(lines: number): number {
  return Math.min(MAX_ROW_HEIGHT, Math.round((lines * xlsxStyle().lineHeight + 4) * 10) / 10);
}

export function units(text: string): number {
  const { cjkUnits, otherUnits } = xlsxStyle().width;
  return Math.max(0, ...text.split('\n').map((line) => textUnits(line, cjkUnits, otherUnits)));
}

/** Lines a text needs in a cell `width` units wide once wrapped. */
export function linesNeeded(text: string, width: number): number {
  const { cjkUnits, otherUnits, padding } = xlsxStyle().width;
  const room = Math.max(cjkUnits, width - padding / 2);
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(textUnits(line, cjkUnits, otherUnits) / room)), 0);
}

function clamp(v: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, v));
}

/**
 * Width of each grid column: label columns fit their longest single-column label (a label that
 * spans several rows may wrap over them, like the vertical 三、本年度办理结果), value columns fit
 * their leaf header.
 */
export function layoutWidths(layout: LayoutTable): number[] {
  const w = xlsxStyle().width;
  const need = new Array<number>(layout.width).fill(0);
  const isLabel = new Array<boolean>(layout.width).fill(false);
  for (const c of layout.cells) {
    if (c.role === 'row' || c.role === 'corner') for (let x = c.col; x < c.col + c.colSpan; x++) isLabel[x] = true;
    if (c.colSpan !== 1 || c.role === 'value' || c.role === 'caption') continue;
    const rows = c.role === 'row' ? c.rowSpan : 1;
    need[c.col] = Math.max(need[c.col], units(c.text) / rows + w.padding);
  }
  return need.map((n, x) => (isLabel[x] ? clamp(n, w.labelMin, w.labelMax) : clamp(n, w.valueMin, w.valueMax)));
}

function spanWidth(widths: readonly number[], c: LayoutCell): number {
  return widths.slice(c.col, c.col + c.colSpan).reduce((a, b) => a + b, 0);
}

/** Height of each grid row in points, so every label shows whole once wrapped. */
export function layoutHeights(layout: LayoutTable, widths: readonly number[]): number[] {
  const line = xlsxStyle().lineHeight;
  const heights = new Array<number>(layout.height).fill(line + 6);
  const needOf = (c: LayoutCell) => linesNeeded(c.text, spanWidth(widths, c)) * line + 6;
  for (const c of layout.cells) if (c.rowSpan === 1 && c.text) heights[c.row] = Math.max(heights[c.row], needOf(c));
  for (const c of layout.cells) {
    if (c.rowSpan === 1 || !c.text) continue;
    const have = heights.slice(c.row, c.row + c.rowSpan).reduce((a, b) => a + b, 0);
    const extra = (needOf(c) - have) / c.rowSpan;
    if (extra > 0) for (let y = c.row; y < c.row + c.rowSpan; y++) heights[y] += extra;
  }
  return heights;
}
