/**
 * Where the per-report workbook puts each official table: its sheet name and the row its grid
 * starts on. The writer and the reader of the workbook (workbook-report.ts) share these, and this
 * file loads no exceljs, so the pipeline can ask whether a workbook is ours cheaply.
 */
import type { PartSpec } from '../../formats/types';
import { xlsxStyle } from './style';
import { sheetName } from './text';

/** Worksheet row of the first grid row of an official table (below the title and the info line). */
export const PART_TOP = 3;

export function partSheetName(part: PartSpec): string {
  return sheetName(`${xlsxStyle().sheets.partPrefix}${part.no} ${part.title}`);
}
