/**
 * 正文: the report's narrative, one paragraph per row (章节 0 is the preamble), so that the
 * workbook holds the whole report and reads back into one (report/workbook-report.ts).
 */
import type { Worksheet } from 'exceljs';
import type { Report } from '../../report/types';
import { addListRow, finishList, startList, type ListColumn } from './list-sheet';

export interface TextLine {
  readonly section: number;
  readonly heading: string;
  readonly text: string;
}

export const TEXT_COLUMNS: readonly ListColumn<TextLine>[] = [
  { header: '章节', width: 6, value: (l) => l.section },
  { header: '标题', width: 30, value: (l) => l.heading, text: true },
  { header: '内容', width: 90, value: (l) => l.text, text: true },
];

/** The preamble, then each section's printed heading (or none) and its paragraphs. */
export function textLines(report: Report): TextLine[] {
  const lines: TextLine[] = report.preamble.map((text) => ({ section: 0, heading: '', text }));
  for (const s of report.sections) {
    const heading = s.heading ?? '';
    if (!s.paragraphs.length && s.heading !== null) lines.push({ section: s.no, heading, text: '' });
    for (const text of s.paragraphs) lines.push({ section: s.no, heading, text });
  }
  return lines;
}

export function writeText(ws: Worksheet, report: Report): void {
  const lines = textLines(report);
  startList(ws, TEXT_COLUMNS);
  lines.forEach((l, i) => addListRow(ws, TEXT_COLUMNS, i + 1, l));
  finishList(ws, TEXT_COLUMNS, lines.length);
}
