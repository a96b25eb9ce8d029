/**
 * The header of the summary sheet: table / row / column labels on three merged levels, then a row
 * of field keys (the public contract, machine-readable) that carries the auto-filter.
 */
import type { Worksheet } from 'exceljs';
import { CENTER, font, solid, thinBorders } from './look';
import { linesNeeded, rowHeight } from './sizing';
import { xlsxStyle } from './style';
import { HEADER_LEVELS, type SummaryColumn } from './summary-columns';

/** Worksheet row of the field keys; data rows follow it. */
export const KEY_ROW = HEADER_LEVELS + 1;

interface Run {
  readonly level: number;
  readonly from: number;
  readonly to: number;
  readonly text: string;
}

/** Runs of neighbouring columns that share the labels of levels 0..level: one merged cell each. */
export function headerRuns(columns: readonly SummaryColumn[]): Run[] {
  const runs: Run[] = [];
  for (let level = 0; level < HEADER_LEVELS; level++) {
    let start = 0;
    const id = (c: SummaryColumn) => (c.headers.length === 1 ? `\u0000${c.key}` : c.headers.slice(0, level + 1).join('\u0000'));
    columns.forEach((c, i) => {
      const next = columns[i + 1];
      if (next && id(next) === id(c) && c.headers.length > 1) return;
      if (c.headers.length > 1 || level === 0) {
        runs.push({ level, from: start, to: i, text: c.headers.length === 1 ? c.headers[0] : c.headers[level] });
      }
      start = i + 1;
    });
  }
  return runs;
}

function spanWidth(columns: readonly SummaryColumn[], run: Run): number {
  return columns.slice(run.from, run.to + 1).reduce((n, c) => n + c.width, 0);
}

/**
 * Writes the header on rows top+1 … top+KEY_ROW. The key row is for programs: hidden, so it never
 * prints, when `hideKeys` is set.
 */
export function writeSummaryHeader(ws: Worksheet, columns: readonly SummaryColumn[], top = 0, hideKeys = false): void {
  const style = xlsxStyle();
  const heights = new Array<number>(HEADER_LEVELS).fill(1);
  const keyRow = top + KEY_ROW;
  for (let r = top + 1; r <= keyRow; r++) {
    columns.forEach((_, i) => {
      const cell = ws.getCell(r, i + 1);
      cell.border = thinBorders();
      // Keys are read by programs, not people: one line, never wrapped.
      cell.alignment = r === keyRow ? { horizontal: 'left', vertical: 'middle' } : CENTER;
      cell.fill = solid(style.headerFill);
      cell.font = font(r === keyRow ? 'key' : 'header');
    });
  }
  for (const run of headerRuns(columns)) {
    const single = columns[run.from].headers.length === 1;
    ws.getCell(top + run.level + 1, run.from + 1).value = run.text;
    const bottom = single ? HEADER_LEVELS : run.level + 1;
    if (bottom > run.level + 1 || run.to > run.from) ws.mergeCells(top + run.level + 1, run.from + 1, top + bottom, run.to + 1);
    if (!single) heights[run.level] = Math.max(heights[run.level], linesNeeded(run.text, spanWidth(columns, run)));
  }
  columns.forEach((c, i) => {
    ws.getCell(keyRow, i + 1).value = c.key;
  });
  heights.forEach((lines, level) => {
    ws.getRow(top + level + 1).height = rowHeight(lines);
  });
  if (hideKeys) ws.getRow(keyRow).hidden = true;
  ws.getRow(keyRow).commit();
}
