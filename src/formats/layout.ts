/**
 * The official printed layout of each part (table 二, 三, 四), derived from the format description:
 * caption rows, header rows with their merges, row labels with their merges, and the value cells
 * with the field key they hold. The DOCX and Excel writers and the web page all draw from this.
 */
import { fieldKey, type Format, type TableModel } from './model';
import type { ColumnNode, PartId, RowNode } from './types';

export type LayoutRole = 'caption' | 'corner' | 'column' | 'row' | 'value';

export interface LayoutCell {
  readonly row: number;
  readonly col: number;
  readonly rowSpan: number;
  readonly colSpan: number;
  readonly role: LayoutRole;
  /** Label text for header cells; empty for value cells. */
  readonly text: string;
  /** Field key held by a value cell. */
  readonly key?: string;
  /** TableSpec the cell belongs to (t2.item1, t3, t4). */
  readonly table: string;
}

export interface LayoutTable {
  readonly part: PartId;
  readonly width: number;
  readonly height: number;
  readonly cells: readonly LayoutCell[];
}

function leafCount(node: { children?: readonly unknown[] }): number {
  const kids = (node.children ?? []) as { children?: readonly unknown[] }[];
  return kids.length ? kids.reduce((n, k) => n + leafCount(k), 0) : 1;
}

function columnWidth(node: ColumnNode): number {
  return node.children?.length ? node.children.reduce((n, k) => n + columnWidth(k), 0) : (node.span ?? 1);
}

/** Grid width of one table spec: label columns plus the spans of its leaf columns. */
export function specWidth(table: TableModel): number {
  return table.spec.labelColumns + table.spec.columns.reduce((n, c) => n + columnWidth(c), 0);
}

/** Cells of one table spec, starting at grid row `top`; `width` lets a caption span a wider part. */
function specCells(table: TableModel, top: number, width: number): { cells: LayoutCell[]; height: number } {
  const { spec } = table;
  const cells: LayoutCell[] = [];
  const id = spec.id;
  let y = top;
  if (spec.caption) {
    cells.push({ row: y, col: 0, rowSpan: 1, colSpan: width, role: 'caption', text: spec.caption.label, table: id });
    y++;
  }
  const depth = table.headerDepth;
  if (spec.labelColumns > 0) {
    cells.push({
      row: y,
      col: 0,
      rowSpan: depth,
      colSpan: spec.labelColumns,
      role: 'corner',
      text: spec.corner?.label ?? '',
      table: id,
    });
  }
  const valueCols = new Map<string, { col: number; span: number }>();
  const placeColumns = (nodes: readonly ColumnNode[], d: number, x: number, ids: string[]): void => {
    for (const node of nodes) {
      const w = columnWidth(node);
      const here = node.id ? [...ids, node.id] : ids;
      const leaf = !node.children?.length;
      cells.push({ row: y + d, col: x, rowSpan: leaf ? depth - d : 1, colSpan: w, role: 'column', text: node.label, table: id });
      if (leaf) valueCols.set(here.join('.'), { col: x, span: w });
      else placeColumns(node.children!, d + 1, x, here);
      x += w;
    }
  };
  placeColumns(spec.columns, 0, spec.labelColumns, []);
  y += depth;
  const leafColumnsById = new Map(table.leafColumns.map((c) => [c.ids.join('.'), c]));
  const leafRowsByNode = new Map(table.leafRows.map((r) => [r.node, r]));
  const placeRows = (nodes: readonly RowNode[], d: number): void => {
    for (const node of nodes) {
      if (node.children?.length) {
        cells.push({ row: y, col: d, rowSpan: leafCount(node), colSpan: 1, role: 'row', text: node.label ?? '', table: id });
        placeRows(node.children, d + 1);
        continue;
      }
      if (spec.labelColumns > 0) {
        cells.push({
          row: y,
          col: d,
          rowSpan: 1,
          colSpan: spec.labelColumns - d,
          role: 'row',
          text: node.label ?? '',
          table: id,
        });
      }
      const leafRow = leafRowsByNode.get(node)!;
      for (const [colIds, pos] of valueCols) {
        const key = fieldKey(spec, leafRow, leafColumnsById.get(colIds)!);
        cells.push({ row: y, col: pos.col, rowSpan: 1, colSpan: pos.span, role: 'value', text: '', key, table: id });
      }
      y++;
    }
  };
  placeRows(spec.rows, 0);
  return { cells, height: y - top };
}

/** The official layout of one part of a format: table 二 stacks its blocks into one table. */
export function partLayout(format: Format, part: PartId): LayoutTable {
  const tables = format.tables.filter((t) => t.spec.part === part);
  const width = Math.max(...tables.map(specWidth));
  const cells: LayoutCell[] = [];
  let height = 0;
  for (const table of tables) {
    const placed = specCells(table, height, width);
    cells.push(...placed.cells);
    height += placed.height;
  }
  return { part, width, height, cells };
}

export function allLayouts(format: Format): LayoutTable[] {
  return format.spec.parts.map((p) => partLayout(format, p.id));
}
