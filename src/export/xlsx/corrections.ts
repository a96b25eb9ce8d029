/**
 * Corrected cells as the workbooks show them: their own fill, a note “原报 X，更正为 Y”, and a line
 * on the findings sheets. The reported text stays in `cells[key].raw`; the corrected value is in
 * `fields[key]` (report/types.ts).
 */
import { getFormat } from '../../formats/model';
import { correctionWords } from '../../formats/workbook-layout';
import type { FieldCell, Finding, Report } from '../../report/types';
import { displayNumber } from '../../text/display';
import { xlsxStyle } from './style';

/** The fill of a corrected cell (a finding's fill wins: it says what is still wrong). */
export function correctionFill(): string {
  return xlsxStyle().correctedFill;
}

/** 原报 12，更正为 15（备注）. */
export function correctionText(cell: FieldCell): string {
  const c = cell.corrected!;
  return correctionWords(cell.raw, typeof c.value === 'number' ? displayNumber(c.value) : c.text, c.note);
}

export interface CorrectionLine {
  readonly key: string;
  /** How the printed table names the cell (表三“自然人”列“本年新收”行…). */
  readonly where: string;
  readonly text: string;
  readonly at: string;
}

/** Every corrected cell of a report, in the order of the format's fields. */
export function correctionLines(report: Report): CorrectionLine[] {
  const format = getFormat(report.meta.format);
  const out: CorrectionLine[] = [];
  for (const f of format.fields) {
    const cell = report.cells[f.key];
    if (cell?.corrected) out.push({ key: f.key, where: f.where, text: correctionText(cell), at: cell.corrected.at });
  }
  return out;
}

/** The rule id under which the findings sheets list a correction (not a validation rule). */
export const CORRECTION_RULE = 'CORRECTED';
export const CORRECTION_TITLE = '人工更正';

/** The corrections as lines of a findings sheet: “表三…：原报 12，更正为 15”. */
export function correctionFindings(report: Report): Finding[] {
  return correctionLines(report).map((l) => ({
    rule: CORRECTION_RULE,
    severity: 'info',
    message: `${l.where}：${l.text}`,
    fields: [l.key],
  }));
}
