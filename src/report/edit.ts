/**
 * Correcting a report by hand: a clerk types the text a table cell should hold. The text is read
 * exactly as recognition reads a cell (parseCell with the field's unit from the catalog), so an
 * edited value means what the same text in the document would have meant, and the report is
 * re-checked at once. The meta data (agency, year, date…) can be corrected the same way, read
 * as recognition reads a title or a signature date.
 */
import { checkReport } from '../core/pipeline';
import { getFormat } from '../formats/model';
import type { Unit } from '../formats/types';
import { findDate, yearOf } from '../recognise/dates';
import { parseCell } from '../recognise/values';
import { cleanText } from '../text/normalise';
import type { FieldCell, FieldValue, Report, ReportMeta } from './types';

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

/** Longest meta text (a title, an agency's name). */
export const MAX_META_TEXT = 100;

/** Meta data a clerk may correct. The format is not among them: the tables decide it. */
const META_EDITS: Readonly<Record<string, (text: string) => FieldValue>> = {
  'meta.title': (text) => text,
  'meta.agency': (text) => text,
  'meta.issuer': (text) => text,
  'meta.year': (text) => {
    const year = yearOf(text.includes('年') ? text : `${text}年`);
    if (year && year >= 2008 && year <= 2100) return year;
    throw new EditError(`“${text}”不是报告年度（例如 2022）`, `"${text}" is not a report year (e.g. 2022)`);
  },
  'meta.publishDate': (text) => {
    const found = findDate(text);
    if (found) return found.iso;
    throw new EditError(`无法识别日期“${text}”（例如 2022年1月28日）`, `cannot read the date "${text}" (e.g. 2022-01-28)`);
  },
};

/** The report with one meta field set from `raw` (blank clears it), re-checked. */
export function setMeta(report: Report, key: string, raw: string): Report {
  const read = META_EDITS[key];
  if (!read) throw new EditError(`“${key}”不能修改`, `"${key}" cannot be corrected`);
  if (raw.length > MAX_META_TEXT) {
    throw new EditError(`内容过长（最多 ${MAX_META_TEXT} 个字符）`, `text too long (at most ${MAX_META_TEXT} characters)`);
  }
  const text = cleanText(raw).trim();
  const value = text ? read(text) : null;
  const name = key.slice('meta.'.length) as keyof ReportMeta;
  return checkReport({ ...report, meta: { ...report.meta, [name]: value }, fields: { ...report.fields, [key]: value } });
}

/** A table cell or a meta field, whichever `key` names. */
export function editReport(report: Report, key: string, raw: string): Report {
  return key.startsWith('meta.') ? setMeta(report, key, raw) : setCell(report, key, raw);
}

/** The text a field shows for editing: a cell's raw text, or a meta value as text ('' when absent). */
export function editableText(report: Report, key: string): string {
  const cell = report.cells[key];
  if (cell) return cell.raw;
  const value = report.fields[key];
  return value === null || value === undefined ? '' : String(value);
}
