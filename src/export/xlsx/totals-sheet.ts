/**
 * 汇总表: the official tables 二, 三, 四 of one format, drawn from partLayout() like the per-report
 * workbook, every value the total over the reports that count (one per body and year) — the
 * county's figures in the form superiors know. One sheet per format (and year) present; each part
 * starts a new printed page.
 */
import type { Worksheet } from 'exceljs';
import { partLayout, type LayoutTable } from '../../formats/layout';
import { getFormat, type Format } from '../../formats/model';
import type { FormatVersion } from '../../formats/types';
import { font, LEFT, numberFormat, pageSetup } from './look';
import { drawPart, type ValueCell } from './part-sheet';
import { HEAD_ROWS, PAGE_FOOTER, writeHead, type PrintHead } from './sheet-head';
import { layoutWidths } from './sizing';
import { cellText } from '../../text/sheet-text';

/** The totals of one format and year over the reports that count. */
export interface TotalsSet {
  readonly format: FormatVersion;
  readonly year: number | null;
  readonly reports: number;
  /** Sum per field of the format (catalog order); NaN where no counted report gave a number. */
  readonly sums: Float64Array;
}

export function emptyTotals(format: FormatVersion, year: number | null): TotalsSet & { reports: number } {
  const sums = new Float64Array(getFormat(format).fields.length).fill(NaN);
  return { format, year, reports: 0, sums };
}

/** Adds one report's numbers (NaN = not a number) to a set. */
export function addToTotals(set: { reports: number; sums: Float64Array }, numbers: Float64Array): void {
  set.reports++;
  numbers.forEach((v, i) => {
    if (Number.isNaN(v)) return;
    set.sums[i] = (Number.isNaN(set.sums[i]) ? 0 : set.sums[i]) + v;
  });
}

/** The widest each grid column is in any part, so that every part fits the shared columns. */
export function totalsWidths(format: Format): number[] {
  const widths: number[] = [];
  for (const part of format.spec.parts)
    layoutWidths(partLayout(format, part.id)).forEach((w, i) => (widths[i] = Math.max(widths[i] ?? 0, w)));
  return widths;
}

/** The unit a part's caption adds when a money column's label does not say 万元 itself. */
function unitNote(format: Format, layout: LayoutTable): string {
  const keys = new Set(layout.cells.flatMap((c) => (c.key ? [c.key] : [])));
  const money = format.fields.some((f) => keys.has(f.key) && f.unit === '万元' && !f.columnLabel.includes('万元'));
  return money ? '（金额单位：万元）' : '';
}

function valueOf(format: Format, set: TotalsSet): (key: string) => ValueCell {
  const index = new Map(format.fields.map((f, i) => [f.key, i]));
  return (key) => {
    const v = set.sums[index.get(key) ?? -1];
    const value = v === undefined || Number.isNaN(v) ? null : Math.round(v * 1e6) / 1e6;
    return { value, numFmt: numberFormat(format.byKey.get(key)?.type) };
  };
}

/** Options for the streaming writer's addWorksheet: page setup and widths must be known up front. */
export function totalsSheetOptions(format: Format) {
  const widths = totalsWidths(format);
  return {
    views: [{ showGridLines: false }],
    pageSetup: {
      ...pageSetup(
        widths.reduce((a, b) => a + b, 0),
        { titleRows: `1:${HEAD_ROWS}` },
      ),
      fitToHeight: 0,
    },
    headerFooter: { oddFooter: PAGE_FOOTER },
  };
}

/** Draws the head and the three parts, committing each row once it is complete. */
export function writeTotals(ws: Worksheet, set: TotalsSet, head: PrintHead): void {
  const format = getFormat(set.format);
  const widths = totalsWidths(format);
  ws.columns = widths.map((w) => ({ width: Math.round(w * 10) / 10 }));
  writeHead(ws, widths.length, head);
  let row = HEAD_ROWS + 1;
  const values = valueOf(format, set);
  format.spec.parts.forEach((part, i) => {
    const layout = partLayout(format, part.id);
    if (i > 0) ws.getRow(row - 1).addPageBreak();
    const caption = ws.getCell(row, 1);
    ws.mergeCells(row, 1, row, widths.length);
    caption.value = cellText(`${part.no}、${part.title}${unitNote(format, layout)}`);
    caption.font = font('header');
    caption.alignment = LEFT;
    ws.getRow(row).height = 22;
    ws.getRow(row).commit();
    drawPart(ws, layout, row + 1, values);
    for (let y = row + 1; y <= row + layout.height; y++) ws.getRow(y).commit();
    row += layout.height + 2;
  });
}
