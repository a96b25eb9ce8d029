/**
 * 明细: one row per report of one format, for filtering — three label rows from the field catalog,
 * the field keys in a hidden row for programs, 计入汇总 per row, and a totals row that adds only
 * the reports that count. Prints across pages (hundreds of columns) with the header repeated.
 */
import type { AddWorksheetOptions, Worksheet } from 'exceljs';
import type { FormatVersion } from '../../formats/types';
import { pageSetup } from './look';
import { HEAD_ROWS, PAGE_FOOTER, writeHead, type PrintHead } from './sheet-head';
import { xlsxStyle } from './style';
import { HEADER_LEVELS, summaryColumns } from './summary-columns';
import { KEY_ROW, writeSummaryHeader } from './summary-header';
import { columnLetter, summed, writeDetailRow, writeTotalsRow, type DetailRow } from './summary-rows';

/** Columns the head is merged across (the sheet is hundreds of columns wide). */
const HEAD_COLUMNS = 12;
const KEYS_AT = HEAD_ROWS + KEY_ROW;

export function detailSheetOptions(): Partial<AddWorksheetOptions> {
  const { frozenColumns } = xlsxStyle().summary;
  return {
    views: [{ state: 'frozen', xSplit: frozenColumns, ySplit: KEYS_AT }],
    pageSetup: pageSetup(Number.POSITIVE_INFINITY, {
      titleRows: `${HEAD_ROWS + 1}:${KEYS_AT}`,
      titleColumns: `A:${columnLetter(frozenColumns)}`,
      fit: false,
    }),
    headerFooter: { oddFooter: PAGE_FOOTER },
  };
}

/** Writes the sheet from the spooled rows; `settle` waits for the zip now and then. */
export async function writeDetailSheet(
  ws: Worksheet,
  version: FormatVersion,
  rows: AsyncIterable<DetailRow>,
  head: PrintHead,
  counts: (id: string) => boolean,
  settle: () => Promise<void>,
): Promise<void> {
  const columns = summaryColumns(version);
  ws.columns = columns.map((c) => ({ width: Math.round(c.width * 10) / 10 }));
  writeHead(ws, Math.min(columns.length, HEAD_COLUMNS), head, 'left');
  writeSummaryHeader(ws, columns, HEAD_ROWS, true);
  const totals = new Map<number, number>();
  let n = 0;
  for await (const row of rows) {
    const counted = counts(row.id);
    writeDetailRow(ws, columns, KEYS_AT + ++n, n, row, counted);
    if (counted)
      columns.forEach((c, i) => {
        const v = row.values[c.key];
        if (summed(c) && typeof v === 'number') totals.set(i, (totals.get(i) ?? 0) + v);
      });
    if (n % 50 === 0) await settle();
  }
  writeTotalsRow(ws, columns, KEYS_AT + 1, KEYS_AT + n, totals);
  // The filter sits on the last label row: the key row below it is hidden.
  ws.autoFilter = { from: { row: HEAD_ROWS + HEADER_LEVELS, column: 1 }, to: { row: KEYS_AT + n, column: columns.length } };
  ws.commit();
}
