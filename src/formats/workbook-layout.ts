/**
 * Where the per-report workbook puts each official table: its sheet name and the row its grid
 * starts on, and the names of its other sheets (templates/xlsx-style.json). The writer
 * (export/xlsx) and the reader (recognise/workbook-report.ts) of the workbook share these, and
 * this file loads no exceljs, so the pipeline can ask whether a workbook is ours cheaply.
 */
import { sheetName } from '../text/sheet-text';
import { loadTemplate } from './load';
import type { PartSpec } from './types';

/** The names of the sheets our workbooks hold. */
export interface WorkbookSheets {
  readonly overview: string;
  readonly issues: string;
  readonly data: string;
  readonly text: string;
  readonly partPrefix: string;
  readonly summary: string;
  readonly issueList: string;
  readonly crossYear: string;
  readonly failed: string;
  readonly status: string;
  readonly totals: string;
  readonly detail: string;
}

export function workbookSheets(): WorkbookSheets {
  return loadTemplate<{ sheets: WorkbookSheets }>('xlsx-style.json').sheets;
}

/** Worksheet row of the first grid row of an official table (below the title and the info line). */
export const PART_TOP = 3;

export function partSheetName(part: PartSpec): string {
  return sheetName(`${workbookSheets().partPrefix}${part.no} ${part.title}`);
}
