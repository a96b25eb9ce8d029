/**
 * Reading our workbooks back for real: exceljs for values, merges and formulas, and LibreOffice
 * (when installed, Calc included) converting every sheet to CSV to prove an office suite opens them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import type { FormatVersion } from '../../src/formats/types';
import { findSoffice, officeConvert } from './office';
import { consistentValues, rng, type Values } from './report-fixture';

export async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

export function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}; sheets: ${wb.worksheets.map((w) => w.name).join(', ')}`);
  return ws;
}

/** Merged ranges of a sheet as A1:B2 strings. */
export function merges(ws: ExcelJS.Worksheet): string[] {
  return [...(ws.model.merges ?? [])].sort();
}

export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

export function range(row: number, col: number, rowSpan: number, colSpan: number): string {
  return `${columnLetter(col)}${row}:${columnLetter(col + colSpan - 1)}${row + rowSpan - 1}`;
}

/** A cell's value as the model sees it: rich text joined, empty as null. */
export function plain(cell: ExcelJS.Cell): unknown {
  const v = cell.value;
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  return v;
}

/** Rows below the header row `top` (1, or 3 below a printed title block) as objects keyed by the header. */
export function listRows(ws: ExcelJS.Worksheet, top = 1): Record<string, unknown>[] {
  const headers = (ws.getRow(top).values as unknown[]).slice(1).map(String);
  const rows: Record<string, unknown>[] = [];
  for (let r = top + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    rows.push(Object.fromEntries(headers.map((h, i) => [h, plain(row.getCell(i + 1))])));
  }
  return rows;
}

/** soffice with Calc, or why a test cannot use it. */
export function officeSuite(): { soffice: string } | { missing: string } {
  const found = findSoffice();
  if (!found) return { missing: 'LibreOffice (soffice) is not installed' };
  const program = path.dirname(fs.realpathSync(found));
  // libreoffice-writer alone cannot open spreadsheets: Calc is the libsclo library.
  if (!fs.readdirSync(program).some((f) => /^libsclo\./.test(f)))
    return { missing: 'LibreOffice Calc (libreoffice-calc) is not installed' };
  return { soffice: found };
}

/**
 * Converts every sheet of `file` to CSV with LibreOffice (helpers/office.ts). Returns CSV text by
 * sheet name.
 */
export function sheetsAsCsv(
  soffice: string,
  file: string,
  workDir: string,
): { status: number | null; stderr: string; csv: Map<string, string> } {
  const out = path.join(workDir, 'csv');
  fs.mkdirSync(out, { recursive: true });
  const filter = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';
  const r = officeConvert(soffice, [file], filter, out);
  const stem = path.basename(file, '.xlsx');
  const csv = new Map<string, string>();
  for (const f of fs.readdirSync(out))
    if (f.startsWith(`${stem}-`) && f.endsWith('.csv'))
      csv.set(f.slice(stem.length + 1, -4), fs.readFileSync(path.join(out, f), 'utf8'));
  return { status: r.status, stderr: r.stderr ?? '', csv };
}

/** LibreOffice's CSV output is read with the product's own CSV reader (the roster's). */
export { parseCsv } from '../../src/roster/csv';

/** Random values with the quirks of real reports mixed in: blanks, placeholders, units, text. */
export function quirkyValues(version: FormatVersion, seed: number): Values {
  const values: Values = consistentValues(version, seed);
  const random = rng(seed * 31);
  const quirks = ['', '/', '—', '无', '0', '12件', '见说明'];
  for (const key of Object.keys(values)) if (random() < 0.1) values[key] = quirks[Math.floor(random() * quirks.length)];
  return values;
}
