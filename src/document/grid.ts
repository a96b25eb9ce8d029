/**
 * Builds a Table from rows of cells with spans, the way both HTML (rowspan/colspan) and DOCX
 * (gridSpan/vMerge, resolved to spans by the reader) describe them. Cells are placed left to
 * right into the first free grid position; a cell whose rowspan reaches past the last row is cut.
 */
import type { Table, TableCell } from './types';

export interface SourceCell {
  readonly text: string;
  readonly rowSpan?: number;
  readonly colSpan?: number;
  /** The page the cell was read from, for readers of paged files (PDF). */
  readonly page?: number;
}

export interface SourceRow {
  readonly cells: readonly SourceCell[];
  /** Grid columns left empty before the first cell (w:gridBefore). */
  readonly skipBefore?: number;
}

/** Upper bounds that keep a hostile table from allocating without end. */
export const GRID_LIMITS = { maxColumns: 512, maxSpan: 1000, maxCells: 200_000 } as const;

export function buildTable(rows: readonly SourceRow[], index: number, parent?: number): Table {
  const occupied: number[][] = rows.map(() => []);
  const cells: TableCell[] = [];
  let width = 0;
  rows.forEach((row, r) => {
    let c = Math.min(row.skipBefore ?? 0, GRID_LIMITS.maxColumns);
    for (const src of row.cells) {
      while (occupied[r][c] !== undefined) c++;
      const colSpan = clampSpan(src.colSpan, GRID_LIMITS.maxColumns - c);
      const rowSpan = clampSpan(src.rowSpan, rows.length - r);
      if (colSpan <= 0) break;
      const id = cells.length;
      cells.push({ text: src.text, row: r, col: c, rowSpan, colSpan, ...(src.page !== undefined ? { page: src.page } : {}) });
      for (let dr = 0; dr < rowSpan; dr++) {
        for (let dc = 0; dc < colSpan; dc++) occupied[r + dr][c + dc] ??= id;
      }
      c += colSpan;
      width = Math.max(width, c);
      if (cells.length > GRID_LIMITS.maxCells) throw new RangeError('table too large');
    }
  });
  const grid = occupied.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? -1));
  return { kind: 'table', index, width, height: rows.length, cells, grid, ...(parent !== undefined ? { parent } : {}) };
}

function clampSpan(span: number | undefined, max: number): number {
  const n = Number.isFinite(span) && span! > 0 ? Math.floor(span!) : 1;
  return Math.max(0, Math.min(n, max, GRID_LIMITS.maxSpan));
}
