/**
 * The head of a printable summary sheet: a title row (某某县2024年度政府信息公开工作年度报告汇总表)
 * and a line naming who compiled it and when, both merged across the sheet's printed width.
 */
import type { Worksheet } from 'exceljs';
import { CENTER, font } from './look';
import { cellText } from './text';

export interface PrintHead {
  readonly title: string;
  /** 编制单位：…　编制日期：… */
  readonly line: string;
}

/** Rows the head takes: the header of the sheet starts below them. */
export const HEAD_ROWS = 2;

/** Page numbers in the footer of every printed page. */
export const PAGE_FOOTER = '&C第 &P 页，共 &N 页';

/**
 * Writes and commits rows 1–2 across `width` columns. A sheet that prints across several pages
 * (明细) has its title on the left, where the first page shows it.
 */
export function writeHead(ws: Worksheet, width: number, head: PrintHead, align: 'center' | 'left' = 'center'): void {
  if (width > 1) {
    ws.mergeCells(1, 1, 1, width);
    ws.mergeCells(2, 1, 2, width);
  }
  const title = ws.getCell(1, 1);
  title.value = cellText(head.title);
  title.font = font('title');
  title.alignment = align === 'center' ? CENTER : { horizontal: 'left', vertical: 'middle' };
  ws.getRow(1).height = 30;
  const line = ws.getCell(2, 1);
  line.value = cellText(head.line);
  line.font = font();
  line.alignment = { horizontal: 'left', vertical: 'middle' };
  ws.getRow(2).height = 20;
  ws.getRow(1).commit();
  ws.getRow(2).commit();
}
