/**
 * Correcting a report by hand: a clerk types the text a table cell should hold. The text is read
 * exactly as recognition reads a cell (parseCell with the field's unit from the catalog), so an
 * edited value means what the same text in the document would have meant, and the report is
 * re-checked. The meta data (agency, year, date…) can be corrected the same way, read as
 * recognition reads a title or a signature date.
 *
 * A correction never overwrites what the body reported: the cell keeps its `raw` text and
 * `status`, the correction sits beside them in `cell.corrected`, and `fields[key]` holds the
 * corrected value so every total uses it. A corrected meta field gets a cell of its own
 * (`cells['meta.agency']`) holding the reported value as text, so it is traceable the same way.
 * Typing the reported text again removes the correction.
 */
import { checkReport } from './pipeline';
import { getFormat } from '../formats/model';
import type { Unit } from '../formats/types';
import { findDate, yearOf } from '../recognise/dates';
import { parseCell } from '../recognise/values';
import { cleanText } from '../text/normalise';
import type { Correction, FieldCell, FieldValue, Report, ReportMeta } from '../report/types';

export class EditError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh}\n${en}`);
    this.name = 'EditError';
  }
}

/** When and why a correction was made (the journal keeps both). */
export interface CorrectionInfo {
  /** ISO 8601 time. */
  readonly at: string;
  readonly note?: string;
}

/** One correction as the journal replays it: a key and the text typed for it. */
export interface Change extends CorrectionInfo {
  readonly key: string;
  readonly text: string;
}

/** Longest text a clerk may put in one cell: a cell holds a number, not prose. */
export const MAX_CELL_TEXT = 200;

/** Longest meta text (a title, an agency's name). */
export const MAX_META_TEXT = 100;

/** Longest note on a correction. */
export const MAX_NOTE_TEXT = 200;

function correction(text: string, value: FieldValue, status: FieldCell['status'], info: CorrectionInfo): Correction {
  const note = info.note?.trim().slice(0, MAX_NOTE_TEXT);
  return { text, value, status, at: info.at, ...(note ? { note } : {}) };
}

function withoutCorrection(cell: FieldCell): FieldCell {
  const { corrected: _dropped, ...reported } = cell;
  void _dropped;
  return reported;
}

/** The cell with the clerk's text beside the reported one, and the value every total uses. */
function correctedCell(
  previous: FieldCell | undefined,
  raw: string,
  unit: Unit,
  info: CorrectionInfo,
): { cell: FieldCell; value: number | null } {
  const text = cleanText(raw);
  const parsed = parseCell(text, unit);
  const reported: FieldCell = previous ? withoutCorrection(previous) : { raw: '', status: 'missing' };
  if (previous && text === previous.raw) return { cell: reported, value: parsed.value };
  return { cell: { ...reported, corrected: correction(text, parsed.value, parsed.status, info) }, value: parsed.value };
}

/** The report with one table cell corrected to `raw`, not yet re-checked. */
function correctCell(report: Report, key: string, raw: string, info: CorrectionInfo): Report {
  const field = getFormat(report.meta.format).byKey.get(key);
  if (!field || field.part === 'meta' || !field.unit) {
    throw new EditError(`“${key}”不是本报告格式中的表格单元格`, `"${key}" is not a table cell of this report's format`);
  }
  if (raw.length > MAX_CELL_TEXT) {
    throw new EditError(
      `单元格内容过长（最多 ${MAX_CELL_TEXT} 个字符）`,
      `cell text too long (at most ${MAX_CELL_TEXT} characters)`,
    );
  }
  const { cell, value } = correctedCell(report.cells[key], raw, field.unit, info);
  // Recognition notes that concerned only this cell (e.g. two conflicting copies) are settled by the clerk.
  const diagnostics = report.diagnostics.filter((d) => !(d.fields.length && d.fields.every((k) => k === key)));
  return { ...report, fields: { ...report.fields, [key]: value }, cells: { ...report.cells, [key]: cell }, diagnostics };
}

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

/** The reported meta value as a cell: its text, and whether there was one. */
function reportedMetaCell(value: FieldValue | undefined): FieldCell {
  if (value === null || value === undefined) return { raw: '', status: 'missing' };
  return { raw: String(value), status: typeof value === 'number' ? 'number' : 'text' };
}

/** The reported meta value back from the text its cell keeps. */
function reportedMetaValue(cell: FieldCell): FieldValue {
  if (cell.status === 'missing') return null;
  return cell.status === 'number' ? Number(cell.raw) : cell.raw;
}

/** The report with one meta field corrected from `raw` (blank clears it), not yet re-checked. */
function correctMeta(report: Report, key: string, raw: string, info: CorrectionInfo): Report {
  const read = META_EDITS[key];
  if (!read) throw new EditError(`“${key}”不能修改`, `"${key}" cannot be corrected`);
  if (raw.length > MAX_META_TEXT) {
    throw new EditError(`内容过长（最多 ${MAX_META_TEXT} 个字符）`, `text too long (at most ${MAX_META_TEXT} characters)`);
  }
  const text = cleanText(raw).trim();
  const reported = report.cells[key] ? withoutCorrection(report.cells[key]) : reportedMetaCell(report.fields[key]);
  const name = key.slice('meta.'.length) as keyof ReportMeta;
  const cells = { ...report.cells };
  let value: FieldValue;
  if (text === reported.raw) {
    value = reportedMetaValue(reported);
    delete cells[key];
  } else {
    value = text ? read(text) : null;
    cells[key] = {
      ...reported,
      corrected: correction(text, value, text ? (reported.status === 'number' ? 'number' : 'text') : 'blank', info),
    };
  }
  return { ...report, meta: { ...report.meta, [name]: value }, fields: { ...report.fields, [key]: value }, cells };
}

function correct(report: Report, change: Change): Report {
  return change.key.startsWith('meta.')
    ? correctMeta(report, change.key, change.text, change)
    : correctCell(report, change.key, change.text, change);
}

/** The report with the changes applied in order, re-checked once. */
export function applyChanges(report: Report, changes: readonly Change[]): Report {
  return changes.length ? checkReport(changes.reduce(correct, report)) : report;
}

/**
 * A report that arrives corrected (a per-report workbook read back carries its corrections) as
 * what the body reported, re-checked, and the changes that correct it: a workspace keeps the one
 * as its reading and journals the other, so every correction can be seen and undone like a typed one.
 */
export function splitCorrections(report: Report): { reported: Report; changes: Change[] } {
  const format = getFormat(report.meta.format);
  const cells = { ...report.cells };
  const fields = { ...report.fields };
  const changes: Change[] = [];
  for (const [key, cell] of Object.entries(report.cells)) {
    // Table cells: a workbook carries no corrected meta data (its 概况 shows the values in use).
    const unit = format.byKey.get(key)?.unit;
    if (!cell.corrected || !unit) continue;
    const { corrected, ...reported } = cell;
    cells[key] = reported;
    fields[key] = reported.status === 'missing' ? null : parseCell(reported.raw, unit).value;
    changes.push({ key, text: corrected.text, at: corrected.at, ...(corrected.note ? { note: corrected.note } : {}) });
  }
  return changes.length ? { reported: checkReport({ ...report, cells, fields }), changes } : { reported: report, changes };
}

/** The report with one table cell or meta field corrected, re-checked. */
export function editReport(
  report: Report,
  key: string,
  raw: string,
  info: CorrectionInfo = { at: new Date().toISOString() },
): Report {
  return applyChanges(report, [{ key, text: raw, ...info }]);
}

/** The text a field shows for editing: the clerk's text if corrected, else as reported ('' when absent). */
export function editableText(report: Report, key: string): string {
  const cell = report.cells[key];
  if (cell) return cell.corrected?.text ?? cell.raw;
  const value = report.fields[key];
  return value === null || value === undefined ? '' : String(value);
}

/** The text as the body reported it, whatever was corrected since. */
export function reportedText(report: Report, key: string): string {
  const cell = report.cells[key];
  if (cell) return cell.raw;
  const value = report.fields[key];
  return value === null || value === undefined ? '' : String(value);
}

/** Corrected cells and meta fields: key → the text as reported. */
export function correctedKeys(report: Report): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, cell] of Object.entries(report.cells)) if (cell.corrected) out[key] = cell.raw;
  return out;
}

/** Table cells left blank as they stand now (a blank correction counts), for 空白填 0. */
export function blankCells(report: Report): string[] {
  return Object.entries(report.cells)
    .filter(([key, c]) => !key.startsWith('meta.') && (c.corrected?.status ?? c.status) === 'blank')
    .map(([key]) => key);
}
