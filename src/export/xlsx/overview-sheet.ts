/** 概况: what the report is (file, meta, format), how many findings, what was recognised where. */
import type { Worksheet } from 'exceljs';
import { getFormat } from '../../formats/model';
import { OVERVIEW_HEADERS, OVERVIEW_READER } from '../../formats/workbook-layout';
import type { Report, Severity } from '../../report/types';
import { countBySeverity, worse } from '../../report/findings';
import { findingsByKey, noteText, severityFill, severityLabel } from './findings';
import { addListRow, finishList, startList, type ListColumn } from './list-sheet';
import { cellText } from '../../text/sheet-text';

interface Line {
  readonly label: string;
  readonly value: unknown;
  readonly key?: string;
  readonly severity?: Severity;
}

const COLUMNS: readonly ListColumn<Line>[] = [
  { header: OVERVIEW_HEADERS.item, width: 30, value: (l) => l.label, text: true },
  {
    header: OVERVIEW_HEADERS.value,
    width: 70,
    value: (l) => l.value,
    text: true,
    fill: (l) => l.severity && severityFill(l.severity),
  },
  { header: OVERVIEW_HEADERS.key, width: 18, value: (l) => l.key ?? '' },
];

export const OVERVIEW_COLUMNS = COLUMNS;

function lines(report: Report): Line[] {
  const format = getFormat(report.meta.format);
  const counts = countBySeverity(report.issues);
  const out: Line[] = [
    { label: '文件', value: report.source.name },
    { label: OVERVIEW_READER, value: report.source.reader },
  ];
  for (const f of format.fields.filter((x) => x.part === 'meta'))
    out.push({ label: f.rowLabel, value: report.fields[f.key], key: f.key });
  out.push({ label: '格式依据', value: format.spec.notice });
  for (const s of ['error', 'warning', 'info'] as const) out.push({ label: `${severityLabel(s)}数`, value: counts[s] });
  const titles = new Map(format.tables.map((t) => [t.spec.id, t.spec.title]));
  for (const t of report.tables) {
    out.push({
      label: `表格：${titles.get(t.spec) ?? t.spec}`,
      value: `文档第 ${t.tables.map((n) => n + 1).join('、')} 个表格，${t.rows} 行`,
    });
  }
  for (const s of report.sections)
    out.push({ label: `章节：${s.official}`, value: s.heading === null ? '未找到' : `标题：${s.heading}` });
  return out;
}

export function writeOverview(ws: Worksheet, report: Report): void {
  const byKey = findingsByKey(report.issues);
  const items = lines(report);
  startList(ws, COLUMNS);
  items.forEach((line, i) => {
    const found = line.key ? byKey.get(line.key) : undefined;
    const severity = found?.reduce<Severity | undefined>((a, f) => worse(a, f.severity), undefined);
    addListRow(ws, COLUMNS, i + 1, { ...line, severity });
    if (found?.length) ws.getCell(i + 2, 2).note = cellText(noteText(found));
  });
  finishList(ws, COLUMNS, items.length);
}
