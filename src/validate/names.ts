/**
 * How messages name cells, rows, columns and figures: the way the printed table does (表三“自然人”列,
 * 本年新收 12), never by field key. Everything is derived from the format's FieldDefs.
 */
import type { FieldDef, Format } from '../formats/model';
import type { PartId } from '../formats/types';
import type { Report } from '../report/types';
import { displayNumber } from '../text/display';

export function fieldDef(format: Format, key: string): FieldDef {
  const def = format.byKey.get(key);
  if (!def) throw new Error(`validate: key ${key} is not in format ${format.version}`);
  return def;
}

/** 二, 三, 四 for a part. */
export function partNo(format: Format, part: PartId): string {
  return format.spec.parts.find((p) => p.id === part)?.no ?? part;
}

/** 表三, or 表二“第二十条第（一）项” when the part is printed as several blocks. */
export function tableName(format: Format, tableId: string): string {
  const spec = format.tables.find((t) => t.spec.id === tableId)!.spec;
  const blocks = format.tables.filter((t) => t.spec.part === spec.part).length;
  return `表${partNo(format, spec.part)}${blocks > 1 ? `“${spec.title}”` : ''}`;
}

/** 表三“收到和处理政府信息公开申请情况”, or 表二“第二十条第（一）项” for a block: a table with its title. */
export function titledTableName(format: Format, tableId: string): string {
  const name = tableName(format, tableId);
  return name.endsWith('”') ? name : `${name}“${format.tables.find((t) => t.spec.id === tableId)!.spec.title}”`;
}

/** Rows of table 四 have no label: its column groups (行政复议…) play the part of rows. */
function hasRowLabel(def: FieldDef): boolean {
  return !!def.leafRow?.node.label;
}

/** 表三“本年新收”行 / 表四“行政复议” — a row as a whole. */
export function rowName(format: Format, def: FieldDef): string {
  return `${tableName(format, def.table)}“${def.rowShort}”${hasRowLabel(def) ? '行' : ''}`;
}

/** 表三申请人情况“自然人”列 — a column as a whole (with its top header group, if any). */
export function columnName(format: Format, def: FieldDef): string {
  const path = def.leafColumn?.path ?? [];
  const group = path.length > 1 ? path[0].label : '';
  return `${tableName(format, def.table)}${group}“${def.columnShort}”列`;
}

/** What all cells of a sum share (a row or a column) names the sum; the rest names each term. */
export function naming(format: Format, defs: readonly FieldDef[]): { where: string; term: (d: FieldDef) => string } {
  const first = defs[0];
  if (defs.every((d) => d.table === first.table && d.rowShort === first.rowShort)) {
    return { where: rowName(format, first), term: (d) => d.columnShort };
  }
  if (defs.every((d) => d.table === first.table && d.columnShort === first.columnShort)) {
    return { where: columnName(format, first), term: (d) => d.rowShort };
  }
  return { where: '', term: (d) => d.where };
}

/** A cell's figure for a message: the number, 空白 for blanks and placeholders, the raw text otherwise. */
export function figure(report: Report, key: string): string {
  const value = report.fields[key];
  if (typeof value === 'number') return displayNumber(value);
  const cell = report.cells[key];
  if (!cell || cell.status === 'missing') return '缺失';
  if (cell.status === 'text') return `“${cell.raw}”`;
  return '空白';
}

/** The numeric value of a cell in a sum: blanks, placeholders and text count as 0. */
export function sumValue(report: Report, key: string): number {
  const value = report.fields[key];
  return typeof value === 'number' ? value : 0;
}

export function isBlankLike(report: Report, key: string): boolean {
  return typeof report.fields[key] !== 'number';
}
