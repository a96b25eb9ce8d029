/**
 * One official table (表二, 表三 or 表四) as a Word table, cell for cell from `partLayout()`: the
 * layout gives every label, merge and value key, this module only dresses it (fonts, borders,
 * widths, alignment). docx writes the vMerge continuation cells of a rowSpan itself.
 */
import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { LayoutCell, LayoutTable } from '../../formats/layout';
import { mmToTwips, type PageStyle } from './page-style';
import { STYLE } from './styles';
import { columnWidths } from './widths';

/** The text a value cell shows, by field key. */
export type ValueText = (key: string) => string;

function alignment(cell: LayoutCell) {
  // Single-row labels read like a list and are left-aligned; group labels and headers are centred.
  return cell.role === 'row' && cell.rowSpan === 1 ? AlignmentType.LEFT : AlignmentType.CENTER;
}

function cellParagraphs(cell: LayoutCell, text: string, style: PageStyle): Paragraph[] {
  const bold = cell.role === 'caption' && style.table.captionBold;
  return text.split('\n').map(
    (line) =>
      new Paragraph({
        style: STYLE.table,
        alignment: alignment(cell),
        children: [new TextRun({ text: line, bold })],
      }),
  );
}

function tableCell(cell: LayoutCell, text: string, widths: readonly number[], style: PageStyle): TableCell {
  const width = widths.slice(cell.col, cell.col + cell.colSpan).reduce((a, b) => a + b, 0);
  return new TableCell({
    children: cellParagraphs(cell, text, style),
    columnSpan: cell.colSpan > 1 ? cell.colSpan : undefined,
    rowSpan: cell.rowSpan > 1 ? cell.rowSpan : undefined,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
  });
}

/** Rows above the first value row repeat on every page, unless the part stacks captioned blocks. */
function headerRows(layout: LayoutTable): number {
  if (layout.cells.some((c) => c.role === 'caption')) return 0;
  return Math.min(...layout.cells.filter((c) => c.role === 'value').map((c) => c.row));
}

export function officialTable(layout: LayoutTable, valueText: ValueText, style: PageStyle): Table {
  const widths = columnWidths(layout, style);
  const rows: LayoutCell[][] = Array.from({ length: layout.height }, () => []);
  for (const c of [...layout.cells].sort((a, b) => a.row - b.row || a.col - b.col)) rows[c.row].push(c);
  const repeat = headerRows(layout);
  const border = { style: BorderStyle.SINGLE, size: style.table.border.size, color: style.table.border.color };
  const margin = mmToTwips(style.table.cellMargin);
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    margins: { left: margin, right: margin, top: 0, bottom: 0 },
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: rows.map(
      (cells, r) =>
        new TableRow({
          cantSplit: true,
          // Captions and headers stay on the page of the rows they head.
          keepNext: !cells.some((c) => c.role === 'value'),
          tableHeader: r < repeat,
          children: cells.map((c) => tableCell(c, c.role === 'value' ? valueText(c.key!) : c.text, widths, style)),
        }),
    ),
  });
}
