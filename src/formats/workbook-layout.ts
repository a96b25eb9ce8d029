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

/**
 * Headers the reader looks for: 概况's row saying which reader made the report, and the columns of
 * 数据 that keep each value as the body reported it (原文, 读取状态) and a correction (人工更正).
 */
export const OVERVIEW_HEADERS = { item: '项目', value: '内容', key: '字段键' } as const;
export const OVERVIEW_READER = '读取方式';
export const DATA_HEADERS = { key: '字段键', raw: '原文', status: '读取状态', correction: '人工更正' } as const;

/** How a blank cell is named in a correction's words. */
const BLANK = '（空白）';

/** A correction in words, as the workbooks show it (人工更正, a cell's note): 原报 12，更正为 15（备注）. */
export function correctionWords(reported: string, corrected: string, note?: string): string {
  return `原报 ${reported || BLANK}，更正为 ${corrected || BLANK}${note ? `（${note}）` : ''}`;
}

/** correctionWords read back: the texts ('' for blank) and the note; undefined for other text. */
export function readCorrectionWords(text: string): { reported: string; corrected: string; note?: string } | undefined {
  const m = /^原报 (（空白）|.*?)，更正为 (（空白）|.*?)(?:（([^（）]*)）)?$/.exec(text);
  if (!m) return undefined;
  const plain = (t: string) => (t === BLANK ? '' : t);
  return { reported: plain(m[1]), corrected: plain(m[2]), ...(m[3] ? { note: m[3] } : {}) };
}

/** How 数据 names each way a cell was read, by status (number: 数字, blank: 空白, …). */
export function statusLabels(): Readonly<Record<string, string>> {
  return loadTemplate<{ status: Record<string, string> }>('xlsx-style.json').status;
}

/** Worksheet row of the first grid row of an official table (below the title and the info line). */
export const PART_TOP = 3;

export function partSheetName(part: PartSpec): string {
  return sheetName(`${workbookSheets().partPrefix}${part.no} ${part.title}`);
}
