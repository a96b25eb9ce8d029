/**
 * WordprocessingML rows → a Table. Word places a row's cells on the table grid after
 * w:gridBefore empty columns, each w:gridSpan columns wide; a w:vMerge continuation cell is not a
 * cell of its own but extends the cell above it (same grid column) one row down; a legacy
 * w:hMerge continuation widens the cell on its left. Rows deleted as a tracked change are gone.
 * The placed origin cells go through buildTable, the one grid builder of the project.
 */
import { buildTable, type SourceRow } from '../../document/grid';
import type { Block, Table } from '../../document/types';
import { LIMITS } from '../limits';

export type MergeMark = 'restart' | 'continue' | undefined;

export interface WordCell {
  readonly text: string;
  readonly span: number;
  readonly vMerge: MergeMark;
  readonly hMerge: MergeMark;
  /** Paragraphs and tables inside the cell, for a table that turns out to be page layout. */
  readonly blocks: readonly Block[];
}

export interface WordRow {
  readonly gridBefore: number;
  readonly cells: readonly WordCell[];
}

interface Origin {
  text: string;
  rowSpan: number;
  colSpan: number;
  readonly col: number;
}

/** Origin cells per row, with vertical and legacy horizontal merges resolved. */
function placeRows(rows: readonly WordRow[]): { cells: Origin[]; skipBefore: number }[] {
  let above: (Origin | undefined)[] = [];
  return rows.map((row) => {
    const here: (Origin | undefined)[] = [];
    const cells: Origin[] = [];
    let col = row.gridBefore;
    for (const wc of row.cells) {
      // Cells past the last grid column are cut, as buildTable cuts them.
      if (col >= LIMITS.maxTableColumns) break;
      const owner = above[col];
      let cell: Origin | undefined;
      if (wc.vMerge === 'continue' && owner && owner.col === col) {
        owner.rowSpan++;
        cell = owner;
      } else if (wc.hMerge === 'continue' && cells.length && here[col - 1] === cells[cells.length - 1]) {
        cell = cells[cells.length - 1];
        cell.colSpan += wc.span;
      } else {
        cell = { text: wc.text, rowSpan: 1, colSpan: wc.span, col };
        cells.push(cell);
      }
      for (let c = col; c < col + wc.span; c++) here[c] = cell;
      col += wc.span;
    }
    above = here;
    return { cells, skipBefore: row.gridBefore };
  });
}

export function wordTable(rows: readonly WordRow[], id: number, parent?: number): Table {
  const source: SourceRow[] = placeRows(rows).map((r) => ({
    skipBefore: r.skipBefore,
    cells: r.cells.map((c) => ({ text: c.text, rowSpan: c.rowSpan, colSpan: c.colSpan })),
  }));
  return buildTable(source, id, parent);
}

/** How many origin cells a row adds (continuations add none), for the cell limits. */
export function originCount(row: WordRow): number {
  let n = 0;
  for (const c of row.cells) if (c.vMerge !== 'continue' && c.hMerge !== 'continue') n++;
  return n;
}

/** Tables numbered 0, 1, … in block order (nested ones follow their parent), parents mapped alike. */
export function renumberTables(blocks: Block[]): Block[] {
  const ids = new Map<number, number>();
  return blocks.map((b) => {
    if (b.kind !== 'table') return b;
    const index = ids.size;
    ids.set(b.index, index);
    const parent = b.parent === undefined ? undefined : ids.get(b.parent);
    const { parent: _old, ...rest } = b;
    return { ...rest, index, ...(parent !== undefined ? { parent } : {}) } as Table;
  });
}
