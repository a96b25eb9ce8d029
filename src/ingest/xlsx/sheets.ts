/**
 * An .xlsx workbook as plain grids of cell values: what a clerk's Excel or WPS (or LibreOffice)
 * left in each cell, formulas as their cached result, rich text joined. The roster reader and the
 * report-workbook reader both start here. exceljs is loaded only when a workbook is read: the
 * pipeline imports this module for every file, and most files are documents.
 */
import type { CellValue as ExcelValue } from 'exceljs';
import { ZipArchive } from '../docx/zip';
import { asIngestError, IngestError } from '../errors';

export type SheetValue = string | number | null;

export interface SheetGrid {
  readonly name: string;
  /** rows[r][c], 0-based; a missing cell is null. */
  readonly rows: readonly (readonly SheetValue[])[];
}

/** True when the bytes are a zip package holding a spreadsheet (xl/workbook.xml). */
export function isWorkbookPackage(bytes: Uint8Array, name: string): boolean {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return false;
  try {
    return !!new ZipArchive(bytes, name).find('xl/workbook.xml');
  } catch {
    return false;
  }
}

function plainValue(v: ExcelValue): SheetValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number') return v;
  if (typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('result' in v) return plainValue(v.result as ExcelValue);
  if ('text' in v) return String(v.text);
  if ('error' in v) return null;
  return null;
}

/** A workbook's sheets as grids, and when it was last saved (docProps/core.xml), if it says. */
export interface WorkbookGrids {
  readonly sheets: SheetGrid[];
  /** ISO 8601; null when the file does not say. */
  readonly saved: string | null;
}

/** Core properties are a few hundred bytes; a larger part is not what Excel writes. */
const MAX_CORE_BYTES = 64 * 1024;

/**
 * dcterms:modified of docProps/core.xml, which Excel, WPS and LibreOffice set on saving. Read here,
 * not from exceljs, which fills in the time of loading when the file does not say.
 */
function savedAt(bytes: Uint8Array, name: string): string | null {
  try {
    const zip = new ZipArchive(bytes, name);
    const core = zip.find('docProps/core.xml');
    if (!core) return null;
    const xml = new TextDecoder().decode(zip.read(core, MAX_CORE_BYTES));
    const at = /<dcterms:modified\b[^>]*>\s*([^<]+?)\s*</.exec(xml)?.[1];
    const time = at ? new Date(at) : null;
    return time && !Number.isNaN(time.getTime()) ? time.toISOString() : null;
  } catch {
    return null;
  }
}

/** Every sheet of the workbook in order, as grids; a workbook that will not open is a damaged file. */
export async function readWorkbookGrids(bytes: Uint8Array, name: string): Promise<WorkbookGrids> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (err) {
    throw new IngestError('CORRUPT_ZIP', name, asIngestError(err, name).detail);
  }
  const sheets = wb.worksheets.map((ws) => {
    const rows: SheetValue[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const cells: SheetValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        // A merged range's other cells repeat its master's value in exceljs: only the master holds it.
        if (cell.isMerged && cell.master.address !== cell.address) return;
        cells[c - 1] = plainValue(cell.value);
      });
      rows[r - 1] = Array.from(cells, (v) => v ?? null);
    });
    return { name: ws.name, rows: Array.from(rows, (r) => r ?? []) };
  });
  return { sheets, saved: savedAt(bytes, name) };
}

/** Every sheet of the workbook in order, as grids. */
export async function readSheets(bytes: Uint8Array, name: string): Promise<SheetGrid[]> {
  return (await readWorkbookGrids(bytes, name)).sheets;
}

/** The value at (row, col), 0-based, or null. */
export function valueAt(grid: SheetGrid, row: number, col: number): SheetValue {
  return grid.rows[row]?.[col] ?? null;
}
