/**
 * Corrections in a per-report workbook read back. 数据 keeps each value as the body reported it
 * (原文, 读取状态) beside the tables, which show the value now. Where a table cell no longer reads as
 * its 原文 — a correction made in the workspace and exported, or a value changed in Excel or WPS —
 * the cell keeps the reported text and carries the new value as its correction (原报 X，更正为 Y),
 * so the round trip through Excel loses no correction and makes none silently. A workbook made
 * from a blank template has nothing reported: what the body typed there is its report.
 */
import type { FieldCell, FieldValue } from '../report/types';
import type { SheetGrid } from '../ingest/xlsx/sheets';
import {
  DATA_HEADERS,
  OVERVIEW_HEADERS,
  OVERVIEW_READER,
  readCorrectionWords,
  statusLabels,
  workbookSheets,
} from '../formats/workbook-layout';
import { compactText } from '../text/normalise';
import type { Unit } from '../formats/types';
import { listOf, sheetText } from './workbook-lists';
import { parseCell } from './values';

/** The note of a change found in the workbook, not carried over from the workspace. */
export const WORKBOOK_EDIT_NOTE = '在工作簿中修改';

/** One row of 数据: the value as reported, and the correction the workbook showed when written. */
interface Reported {
  readonly raw: string;
  readonly read: boolean;
  readonly shownCorrection: string;
}

export interface WorkbookCorrections {
  /** The reported value of each key that was read from a report, by field key. */
  readonly reported: ReadonlyMap<string, Reported>;
  /** When the workbook was saved (or, when it does not say, read): the time a change is dated. */
  readonly at: string;
}

/** 数据's record of what was reported, unless the workbook was made from a blank template. */
export function workbookCorrections(sheets: readonly SheetGrid[], saved: string | null): WorkbookCorrections {
  const names = workbookSheets();
  const o = OVERVIEW_HEADERS;
  const overview = listOf(
    sheets.find((s) => s.name === names.overview),
    [o.item, o.value],
  );
  const reader = overview.find((r) => r[o.item] === OVERVIEW_READER)?.[o.value];
  const reported = new Map<string, Reported>();
  const at = saved ?? new Date().toISOString();
  if (reader === 'template') return { reported, at };
  const missing = statusLabels().missing;
  const h = DATA_HEADERS;
  const rows = listOf(
    sheets.find((s) => s.name === names.data),
    [h.key, h.raw, h.status, h.correction],
  );
  for (const r of rows) {
    const key = sheetText(r[h.key]);
    const status = sheetText(r[h.status]);
    if (!key || !status) continue;
    reported.set(key, { raw: sheetText(r[h.raw]), read: status !== missing, shownCorrection: sheetText(r[h.correction]) });
  }
  return { reported, at };
}

interface Read {
  readonly cell: FieldCell;
  readonly value: FieldValue;
}

function sameReading(a: { status: string; value: number | null; raw: string }, b: Read): boolean {
  if (a.status !== b.cell.status) return false;
  return a.status === 'number' ? a.value === b.value : compactText(a.raw) === compactText(b.cell.raw);
}

/** The note of a correction exported earlier (人工更正), when the cell still shows its value. */
function earlierNote(shown: string, now: Read): string | undefined {
  const earlier = readCorrectionWords(shown);
  if (!earlier || compactText(earlier.corrected) !== compactText(now.cell.raw)) return undefined;
  return earlier.note ?? '';
}

/** The cell read from a table, as a correction of what 数据 says was reported when the two differ. */
export function withCorrection(key: string, now: Read, unit: Unit, corrections: WorkbookCorrections): Read {
  const reported = corrections.reported.get(key);
  if (!reported?.read) return now;
  const before = parseCell(reported.raw, unit);
  if (sameReading({ ...before, raw: reported.raw }, now)) return now;
  const note = earlierNote(reported.shownCorrection, now) ?? WORKBOOK_EDIT_NOTE;
  const cell: FieldCell = {
    raw: reported.raw,
    status: before.status,
    ...(now.cell.source ? { source: now.cell.source } : {}),
    ...(before.unit ? { unit: before.unit } : {}),
    corrected: { text: now.cell.raw, value: now.value, status: now.cell.status, at: corrections.at, ...(note ? { note } : {}) },
  };
  return { cell, value: now.value };
}
