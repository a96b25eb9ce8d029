/** 问题: every finding of the report with its rule, severity, message and the cells it concerns. */
import type { Worksheet } from 'exceljs';
import { getFormat } from '../../formats/model';
import type { Finding, Report } from '../../report/types';
import { CORRECTION_RULE, CORRECTION_TITLE, correctionFindings } from './corrections';
import { placeText, ruleTitle, severityFill, severityLabel } from './findings';
import { addListRow, finishList, startList, type ListColumn } from './list-sheet';

/**
 * A report's own list names up to this many cells (a sum and its parts); a finding about more (a
 * missing table: all its cells) says per table how many, or its row would outgrow what Excel
 * can show (409 points) and be cut off in print.
 */
const REPORT_NAMED_CELLS = 12;

export function issueColumns(report: Report): ListColumn<Finding>[] {
  const format = getFormat(report.meta.format);
  return [
    { header: '严重程度', width: 9, value: (f) => severityLabel(f.severity), fill: (f) => severityFill(f.severity) },
    { header: '规则', width: 22, value: (f) => f.rule },
    {
      header: '规则名称',
      width: 20,
      value: (f) => (f.rule === CORRECTION_RULE ? CORRECTION_TITLE : ruleTitle(f.rule)),
      text: true,
    },
    { header: '说明', width: 60, value: (f) => f.message, text: true },
    { header: '涉及单元格', width: 44, value: (f) => placeText(format, f.fields, REPORT_NAMED_CELLS), text: true },
    { header: '字段键', width: 30, value: (f) => f.fields.join(', '), text: true, hidden: true },
  ];
}

/** The report's findings, then its corrections (原报 X，更正为 Y). */
export function writeIssues(ws: Worksheet, report: Report): void {
  const columns = issueColumns(report);
  const lines = [...report.issues, ...correctionFindings(report)];
  startList(ws, columns);
  lines.forEach((f, i) => addListRow(ws, columns, i + 1, f));
  finishList(ws, columns, lines.length);
}
