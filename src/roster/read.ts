/**
 * Reads a roster (名单) from .xlsx or .csv: the first sheet, a header row found by its 单位名称
 * column (within the first rows, so a title row above it is fine), optional 类别/层级 and 应报送日期.
 * CSV files come from Excel or WPS in UTF-8 (with or without BOM) or GBK.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import iconv from 'iconv-lite';
import { readSheets, type SheetGrid } from '../ingest/xlsx/sheets';
import { findDate } from '../recognise/dates';
import { cleanText, compactText } from '../text/normalise';
import { RosterError } from './errors';
import { parseCsv } from './csv';
import type { Roster, RosterBody } from './types';

/** How far down the header row may be (title rows above it). */
const HEADER_SEARCH_ROWS = 10;

const COLUMNS = {
  name: ['单位名称', '单位', '机关名称', '部门名称', '名称'],
  category: ['类别', '层级', '单位类别', '类型'],
  due: ['应报送日期', '报送期限', '截止日期', '应报送时间'],
} as const;

type Cell = string | number | null;

/** Reads a roster file; throws a RosterError naming it when it cannot be used. */
export async function readRosterFile(file: string): Promise<Roster> {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    throw new RosterError('NOT_FOUND', file);
  }
  return readRoster(bytes, file);
}

/** Reads a roster from its bytes; `name` names it in messages. */
export async function readRoster(bytes: Uint8Array, name: string): Promise<Roster> {
  if (!bytes.length) throw new RosterError('EMPTY', name);
  const rows = bytes[0] === 0x50 && bytes[1] === 0x4b ? await xlsxRows(bytes, name) : csvRows(bytes, name);
  return { source: path.basename(name), bodies: bodiesOf(rows, name) };
}

async function xlsxRows(bytes: Uint8Array, name: string): Promise<Cell[][]> {
  let sheets: SheetGrid[];
  try {
    sheets = await readSheets(bytes, name);
  } catch (err) {
    throw new RosterError('BAD_XLSX', name, (err as Error).message.split('\n')[0].slice(0, 120));
  }
  if (!sheets.length) throw new RosterError('NO_BODIES', name);
  return sheets[0].rows.map((r) => [...r]);
}

function csvRows(bytes: Uint8Array, name: string): Cell[][] {
  if (bytes.includes(0)) throw new RosterError('UNSUPPORTED', name);
  return parseCsv(decodeText(Buffer.from(bytes)));
}

/** UTF-8 when the bytes are valid UTF-8, else GBK (what Excel and WPS write on Chinese Windows). */
function decodeText(buf: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf).replace(/^\uFEFF/, '');
  } catch {
    return iconv.decode(buf, 'gbk');
  }
}

function headerColumn(header: readonly Cell[], names: readonly string[]): number {
  const texts = header.map((c) => (typeof c === 'string' ? compactText(c) : ''));
  for (const n of names) {
    const i = texts.indexOf(n);
    if (i >= 0) return i;
  }
  return -1;
}

function bodiesOf(rows: readonly Cell[][], name: string): RosterBody[] {
  const at = rows.slice(0, HEADER_SEARCH_ROWS).findIndex((r) => headerColumn(r, COLUMNS.name) >= 0);
  if (at < 0) throw new RosterError('NO_NAME_COLUMN', name);
  const header = rows[at];
  const col = {
    name: headerColumn(header, COLUMNS.name),
    category: headerColumn(header, COLUMNS.category),
    due: headerColumn(header, COLUMNS.due),
  };
  const bodies: RosterBody[] = [];
  const seen = new Set<string>();
  rows.slice(at + 1).forEach((row, i) => {
    const body = cleanText(textOf(row[col.name]));
    if (!body || seen.has(body)) return;
    seen.add(body);
    const category = col.category >= 0 ? cleanText(textOf(row[col.category])) || null : null;
    bodies.push({ name: body, category, due: col.due >= 0 ? dueDate(row[col.due], name, at + i + 2) : null });
  });
  if (!bodies.length) throw new RosterError('NO_BODIES', name);
  return bodies;
}

function textOf(c: Cell | undefined): string {
  return c === null || c === undefined ? '' : String(c);
}

/** Excel's day 0 is 1899-12-30 (its 1900 leap-year bug included). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function dueDate(c: Cell | undefined, name: string, rowNo: number): string | null {
  if (c === null || c === undefined || c === '') return null;
  if (typeof c === 'number') return new Date(EXCEL_EPOCH + Math.round(c) * 86400000).toISOString().slice(0, 10);
  const found = findDate(c);
  if (!found) throw new RosterError('BAD_DATE', name, `第 ${rowNo} 行 / row ${rowNo}: ${c}`);
  return found.iso;
}
