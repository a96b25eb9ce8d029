/**
 * The per-report workbook (`convert --to xlsx`): 概况, one sheet per official table of the report's
 * format drawn from partLayout(), 问题, 数据 and 正文 (the narrative). It is also an input: a clerk
 * fills it in or corrects it in Excel/WPS and it reads back (report/workbook-report.ts). Cells with findings are highlighted and carry the
 * messages as a note.
 */
import ExcelJS from 'exceljs';
import { partLayout } from '../../formats/layout';
import { getFormat, type Format } from '../../formats/model';
import type { PartSpec } from '../../formats/types';
import { PART_TOP, partSheetName } from '../../formats/workbook-layout';
import type { Finding, Report } from '../../report/types';
import { correctionFill, correctionText } from './corrections';
import { DATA_COLUMNS, writeData } from './data-sheet';
import { findingsByKey, noteText, severityFill, worstByKey } from './findings';
import { issueColumns, writeIssues } from './issues-sheet';
import { listSheetOptions } from './list-sheet';
import { CENTER, font, numberFormat, pageSetup, setWidths } from './look';
import { OVERVIEW_COLUMNS, writeOverview } from './overview-sheet';
import { drawPart, type ValueCell } from './part-sheet';
import { xlsxStyle } from './style';
import { TEXT_COLUMNS, writeText } from './text-sheet';
import { cellText, cellValue } from '../../text/sheet-text';

export { PART_TOP, partSheetName } from '../../formats/workbook-layout';

/** What a value cell of the report shows: the number read (or corrected), else the text printed (or typed), else blank. */
export function displayValue(report: Report, key: string): string | number | null {
  const value = report.fields[key];
  if (typeof value === 'number') return cellValue(value);
  const cell = report.cells[key];
  return cellValue(cell?.corrected ? cell.corrected.text : (cell?.raw ?? value));
}

function valueCells(report: Report, format: Format): (key: string) => ValueCell {
  const byKey = findingsByKey(report.issues);
  const worst = worstByKey(report.issues);
  return (key) => {
    const severity = worst.get(key);
    const found: Finding[] = byKey.get(key) ?? [];
    const cell = report.cells[key];
    const notes = [cell?.corrected ? correctionText(cell) : '', found.length ? noteText(found) : ''].filter(Boolean);
    return {
      value: displayValue(report, key),
      numFmt: numberFormat(format.byKey.get(key)?.type),
      fill: severity ? severityFill(severity) : cell?.corrected ? correctionFill() : undefined,
      note: notes.length ? notes.join('\n') : undefined,
    };
  };
}

function infoLine(report: Report, format: Format): string {
  const { agency, year } = report.meta;
  return [agency, year ? `${year}年度` : null, `${format.version}版格式（${format.spec.notice}）`].filter(Boolean).join('　');
}

function writePart(wb: ExcelJS.Workbook, report: Report, format: Format, part: PartSpec): void {
  const layout = partLayout(format, part.id);
  const ws = wb.addWorksheet(partSheetName(part), { views: [{ showGridLines: false }] });
  const lastCol = layout.width;
  ws.mergeCells(1, 1, 1, lastCol);
  ws.mergeCells(2, 1, 2, lastCol);
  const title = ws.getCell(1, 1);
  title.value = `${part.no}、${part.title}`;
  title.font = font('title');
  title.alignment = CENTER;
  ws.getRow(1).height = 28;
  const info = ws.getCell(2, 1);
  info.value = cellText(infoLine(report, format));
  info.font = font();
  info.alignment = { horizontal: 'right', vertical: 'middle' };
  const drawn = drawPart(ws, layout, PART_TOP, valueCells(report, format));
  setWidths(ws, drawn.widths);
  // Each official table prints on one page, as it is printed in the report.
  ws.pageSetup = { ...ws.pageSetup, ...pageSetup(drawn.widths.reduce((a, b) => a + b, 0)), fitToHeight: 1 };
  ws.headerFooter = { oddFooter: '第 &P 页，共 &N 页' };
}

export function buildReportWorkbook(report: Report): ExcelJS.Workbook {
  const format = getFormat(report.meta.format);
  const { sheets } = xlsxStyle();
  const wb = new ExcelJS.Workbook();
  wb.creator = '年报通';
  wb.title = cellText(report.meta.title ?? report.source.name);
  writeOverview(wb.addWorksheet(sheets.overview, listSheetOptions(OVERVIEW_COLUMNS)), report);
  for (const part of format.spec.parts) writePart(wb, report, format, part);
  writeIssues(wb.addWorksheet(sheets.issues, listSheetOptions(issueColumns(report))), report);
  writeData(wb.addWorksheet(sheets.data, listSheetOptions(DATA_COLUMNS)), report);
  writeText(wb.addWorksheet(sheets.text, listSheetOptions(TEXT_COLUMNS)), report);
  return wb;
}

export async function reportToXlsx(report: Report): Promise<Buffer> {
  return Buffer.from(await buildReportWorkbook(report).xlsx.writeBuffer());
}

export async function writeReportXlsx(report: Report, target: string): Promise<void> {
  await buildReportWorkbook(report).xlsx.writeFile(target);
}
