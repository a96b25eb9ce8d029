/**
 * A table of the source that is not an official one (a 联系方式 table, a list of documents), written
 * back cell for cell with its merges, in the table font and borders of the official tables; the
 * columns share the type width equally, as nothing is known of their content.
 */
import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx';
import type { KeptCell } from '../../report/types';
import { typeWidth, type PageStyle } from './page-style';
import { STYLE } from './styles';

export interface KeptTable {
  readonly width: number;
  readonly height: number;
  readonly cells: readonly KeptCell[];
}

function keptCell(cell: KeptCell, column: number): TableCell {
  return new TableCell({
    children: cell.text.split('\n').map((line) => new Paragraph({ style: STYLE.table, children: [new TextRun(line)] })),
    columnSpan: cell.colSpan > 1 ? cell.colSpan : undefined,
    rowSpan: cell.rowSpan > 1 ? cell.rowSpan : undefined,
    width: { size: column * cell.colSpan, type: WidthType.DXA },
  });
}

export function keptTable(kept: KeptTable, style: PageStyle): Table {
  const width = Math.max(1, kept.width);
  const column = Math.floor(typeWidth(style) / width);
  const rows: KeptCell[][] = Array.from({ length: Math.max(1, kept.height) }, () => []);
  for (const c of [...kept.cells].sort((a, b) => a.row - b.row || a.col - b.col)) rows[c.row]?.push(c);
  const border = { style: BorderStyle.SINGLE, size: style.table.border.size, color: style.table.border.color };
  return new Table({
    width: { size: column * width, type: WidthType.DXA },
    columnWidths: Array.from({ length: width }, () => column),
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: rows.map((cells) => new TableRow({ cantSplit: true, children: cells.map((c) => keptCell(c, column)) })),
  });
}
