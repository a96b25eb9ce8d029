/**
 * Names a set of cells of one table compactly, the way a clerk would point at them: the whole
 * table, whole columns, whole rows, then the remaining cells row by row
 * (“予以公开”行“自然人”“商业企业”列). Table 四 has no row labels: its cells are named by their
 * column group (“行政复议”“结果维持”).
 */
import type { Format, TableModel } from '../formats/model';
import { fieldKey } from '../formats/model';
import { fieldDef } from './names';

/** At most this many pieces are listed; the rest is summarised as 等. */
const MAX_PIECES = 12;

function quoted(names: readonly string[]): string {
  return names.map((n) => `“${n}”`).join('');
}

function labelledPieces(format: Format, grid: readonly string[][], keys: ReadonlySet<string>): string[] {
  const width = grid[0].length;
  const rowsFull = grid.map((cells) => width > 1 && cells.every((k) => keys.has(k)));
  const colsFull = grid[0].map((_, c) => grid.length > 1 && grid.every((cells) => keys.has(cells[c])));
  const rowName = (r: number) => fieldDef(format, grid[r][0]).rowShort;
  const colName = (c: number) => fieldDef(format, grid[0][c]).columnShort;
  const pieces: string[] = [];
  const fullCols = colsFull.map((full, c) => (full ? c : -1)).filter((c) => c >= 0);
  if (fullCols.length) pieces.push(`${quoted(fullCols.map(colName))}列（整列）`);
  grid.forEach((cells, r) => {
    const cols = cells.map((k, c) => (keys.has(k) && !colsFull[c] ? c : -1)).filter((c) => c >= 0);
    if (!cols.length) return;
    pieces.push(
      rowsFull[r] && !fullCols.length ? `“${rowName(r)}”行（整行）` : `“${rowName(r)}”行${quoted(cols.map(colName))}列`,
    );
  });
  return pieces;
}

function unlabelledPieces(format: Format, grid: readonly string[][], keys: ReadonlySet<string>): string[] {
  const groups = new Map<string, string[]>();
  for (const k of grid.flat()) {
    if (!keys.has(k)) continue;
    const def = fieldDef(format, k);
    groups.set(def.rowShort, [...(groups.get(def.rowShort) ?? []), def.columnShort]);
  }
  return [...groups].map(([group, columns]) => `“${group}”${quoted(columns)}`);
}

/** The compact description of `keys` (cells of `table`), or '' when there are none. */
export function describeCells(format: Format, table: TableModel, keys: ReadonlySet<string>): string {
  const grid = table.leafRows.map((row) => table.leafColumns.map((col) => fieldKey(table.spec, row, col)));
  const all = grid.flat();
  if (!all.some((k) => keys.has(k))) return '';
  if (all.length > 1 && all.every((k) => keys.has(k))) return '全表';
  const pieces = table.spec.labelColumns ? labelledPieces(format, grid, keys) : unlabelledPieces(format, grid, keys);
  const shown = pieces.slice(0, MAX_PIECES).join('；');
  return pieces.length > MAX_PIECES ? `${shown}等` : shown;
}
