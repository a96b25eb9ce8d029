/**
 * Correcting a report by hand: a clerk types the text a table cell should hold. The text is read
 * exactly as recognition reads a cell (parseCell with the field's unit from the catalog), so an
 * edited value means what the same text in the document would have meant, and the report is
 * re-checked at once.
 */
import { checkReport } from '../core/pipeline';
import { getFormat } from '../formats/model';
import type { Unit } from '../formats/types';
import { parseCell } from '../recognise/values';
import { cleanText } from '../text/normalise';
import type { FieldCell, Report } from './types';

export class EditError extends Error {
  constructor(readonly zh: string, readonly en: string) {
    super(`${zh}\n${en}`);
    this.name = 'EditError';
  }
}

/** Longest text a clerk may put in one cell: a cell holds a number, not prose. */
export const MAX_CELL_TEXT = 200;

/** The new cell: raw text as typed (display-cleaned), status and unit as parseCell reads them. */
function editedCell(previous: FieldCell | undefined, raw: string, unit: Unit): { cell: FieldCell; value: number | null } {
  const text = cleanText(raw);
  const parsed = parseCell(text, unit);
  const cell: FieldCell = {
    raw: text,
    status: parsed.status,
    // The source still names the document cell the value belongs to, so it stays traceable.
    ...(previous?.source ? { source: previous.source } : {}),
    ...(parsed.unit ? { unit: parsed.unit } : {}),
  };
  return { cell, value: parsed.value };
}

/**
 * The report with one table cell set to `raw`, re-checked. Recognition notes that concerned only
 * this cell (e.g. two conflicting copies of it) are dropped: the clerk has decided its value.
 */
export function setCell(report: Report, key: string, raw: string): Report {
  const field = getFormat(report.meta.format).byKey.get(key);
  if (!field || field.part === 'meta' || !field.unit) {
    throw new EditError(`“${key}”不是本报告格式中的表格单元格`, `"${key}" is not a table cell of this report's format`);
  }
  if (raw.length > MAX_CELL_TEXT) {
    throw new EditError(`单元格内容过长（最多 ${MAX_CELL_TEXT} 个字符）`, `cell text too long (at most ${MAX_CELL_TEXT} characters)`);
  }
  const { cell, value } = editedCell(report.cells[key], raw, field.unit);
  const diagnostics = report.diagnostics.filter((d) => !(d.fields.length && d.fields.every((k) => k === key)));
  return checkReport({
    ...report,
    fields: { ...report.fields, [key]: value },
    cells: { ...report.cells, [key]: cell },
    diagnostics,
  });
}
