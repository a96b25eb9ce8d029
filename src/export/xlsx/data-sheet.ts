/**
 * 数据: the report in long form, one row per field of its format: key, 表/行/列 as printed, the value,
 * the raw text of the cell, how it was read and where in the document it came from.
 */
import type { Worksheet } from 'exceljs';
import { getFormat, type FieldDef } from '../../formats/model';
import { DATA_HEADERS } from '../../formats/workbook-layout';
import type { Report, Severity } from '../../report/types';
import { correctionFill, correctionText } from './corrections';
import { findingsByKey, severityFill, worstByKey } from './findings';
import { addListRow, finishList, startList, type ListColumn } from './list-sheet';
import { numberFormat } from './look';
import { xlsxStyle } from './style';

export interface DataLine {
  readonly field: FieldDef;
  readonly report: Report;
  readonly rules: string;
  readonly severity?: Severity;
}

const one = (n: number | undefined) => (n === undefined ? null : n + 1);

export const DATA_COLUMNS: readonly ListColumn<DataLine>[] = [
  { header: DATA_HEADERS.key, width: 30, value: (l) => l.field.key },
  { header: '表', width: 24, value: (l) => (l.field.part === 'meta' ? '基本信息' : l.field.tableLabel), text: true },
  { header: '行', width: 36, value: (l) => l.field.rowLabel, text: true },
  { header: '列', width: 30, value: (l) => l.field.columnLabel, text: true },
  { header: '单位', width: 6, value: (l) => l.field.unit ?? '' },
  {
    header: '值',
    width: 14,
    value: (l) => l.report.fields[l.field.key],
    numFmt: (l) => numberFormat(l.field.type),
    fill: (l) => (l.severity ? severityFill(l.severity) : correctionOf(l) ? correctionFill() : undefined),
  },
  { header: DATA_HEADERS.raw, width: 16, value: (l) => l.report.cells[l.field.key]?.raw ?? '', text: true },
  {
    header: DATA_HEADERS.correction,
    width: 24,
    value: (l) => correctionOf(l),
    text: true,
    fill: (l) => (correctionOf(l) ? correctionFill() : undefined),
  },
  { header: DATA_HEADERS.status, width: 10, value: (l) => statusLabel(l) },
  { header: '来源：第几页', width: 8, value: (l) => one(l.report.cells[l.field.key]?.source?.page) },
  { header: '来源：第几个表格', width: 10, value: (l) => one(l.report.cells[l.field.key]?.source?.table) },
  { header: '来源：第几行', width: 8, value: (l) => one(l.report.cells[l.field.key]?.source?.row) },
  { header: '来源：第几列', width: 8, value: (l) => one(l.report.cells[l.field.key]?.source?.col) },
  { header: '问题', width: 24, value: (l) => l.rules, text: true },
];

function correctionOf(l: DataLine): string {
  const cell = l.report.cells[l.field.key];
  return cell?.corrected ? correctionText(cell) : '';
}

function statusLabel(l: DataLine): string {
  const cell = l.report.cells[l.field.key];
  return cell ? (xlsxStyle().status[cell.status] ?? cell.status) : '';
}

export function writeData(ws: Worksheet, report: Report): void {
  const fields = getFormat(report.meta.format).fields;
  const byKey = findingsByKey(report.issues);
  const worst = worstByKey(report.issues);
  startList(ws, DATA_COLUMNS);
  fields.forEach((field, i) => {
    const rules = [...new Set((byKey.get(field.key) ?? []).map((f) => f.rule))].join(', ');
    addListRow(ws, DATA_COLUMNS, i + 1, { field, report, rules, severity: worst.get(field.key) });
  });
  finishList(ws, DATA_COLUMNS, fields.length);
}
