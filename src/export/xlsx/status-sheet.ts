/**
 * 报送情况: one row per roster body (its status, the report that counts, a few key figures), a row
 * for each duplicate report (重复报送, not counted), then the reports no roster body fits, the reports
 * of other years and the files that could not be read. Without a roster: one row per report.
 */
import { getFormat } from '../../formats/model';
import { reportStatus } from '../../roster/status';
import type { BodyLine, BodyStatus } from '../../roster/types';
import { isCounted, type Counting } from './summary-counting';
import { entryRef, type SummaryEntry } from './summary-entry';
import { correctionFill } from './corrections';
import type { ListColumn } from './list-sheet';
import { xlsxStyle } from './style';

export interface StatusLine {
  readonly no: number | null;
  readonly unit: string | null;
  readonly category: string | null;
  readonly status: string;
  readonly entry: SummaryEntry | null;
  readonly note: string;
}

const DUPLICATE = '重复报送';
const NOT_IN_ROSTER = '名单外';
const OTHER_YEAR = '非本年度';
const FAILED = '无法读取';

function statusFill(status: string): string | undefined {
  const { severity } = xlsxStyle();
  if (status === '未报送' || status === '有错误' || status === FAILED) return severity.error.fill;
  if (status === '逾期' || status.startsWith(DUPLICATE) || status === NOT_IN_ROSTER || status === OTHER_YEAR)
    return severity.warning.fill;
  if (status === '已更正') return correctionFill();
  return undefined;
}

/** 万元 or 件 after a key figure's header: the unit its catalog entry gives. */
function unitOf(key: string): string {
  for (const v of ['2021', '2019'] as const) {
    const unit = getFormat(v).byKey.get(key)?.unit;
    if (unit) return unit;
  }
  return '';
}

export function statusColumns(): ListColumn<StatusLine>[] {
  const figures = xlsxStyle().summary.keyFigures.map((k, i): ListColumn<StatusLine> => ({
    header: `${k.label}（${unitOf(k.key)}）`,
    width: 12,
    value: (l) => l.entry?.figures[i] ?? null,
  }));
  return [
    { header: '序号', width: 6, value: (l) => l.no },
    { header: '单位', width: 28, value: (l) => l.unit, text: true },
    { header: '类别', width: 10, value: (l) => l.category, text: true },
    { header: '状态', width: 10, value: (l) => l.status, fill: (l) => statusFill(l.status) },
    { header: '发布日期', width: 11, value: (l) => l.entry?.publishDate ?? null },
    { header: '错误数', width: 7, value: (l) => (l.entry && !l.entry.error ? l.entry.counts.error : null) },
    { header: '警告数', width: 7, value: (l) => (l.entry && !l.entry.error ? l.entry.counts.warning : null) },
    { header: '更正数', width: 7, value: (l) => (l.entry && !l.entry.error ? l.entry.corrections : null) },
    ...figures,
    { header: '文件', width: 22, value: (l) => l.entry?.file ?? null, text: true },
    { header: '备注', width: 26, value: (l) => l.note, text: true },
  ];
}

function duplicateNote(entry: SummaryEntry, counting: Counting, byId: ReadonlyMap<string, SummaryEntry>): string {
  const group = counting.groupOf.get(entry.id);
  if (!group || group.ids.length < 2) return '';
  if (isCounted(counting, entry.id)) {
    const others = group.ids.filter((id) => id !== entry.id).map((id) => byId.get(id)?.file ?? id);
    return `${DUPLICATE}：另有 ${others.join('、')}（未计入）`;
  }
  return `${DUPLICATE}：计入 ${byId.get(group.counted)?.file ?? group.counted}，本份未计入汇总`;
}

function bodyLines(line: BodyLine, counting: Counting, byId: ReadonlyMap<string, SummaryEntry>): Omit<StatusLine, 'no'>[] {
  const base = { unit: line.body.name, category: line.body.category };
  if (!line.counted)
    return [{ ...base, status: line.status, entry: null, note: line.body.due ? `应于 ${line.body.due} 前报送` : '' }];
  const counted = byId.get(line.counted.id)!;
  const late = line.late && line.status !== '逾期' ? `逾期（应于 ${line.body.due} 前报送）` : '';
  const first = {
    ...base,
    status: line.status,
    entry: counted,
    note: [duplicateNote(counted, counting, byId), late].filter(Boolean).join('；'),
  };
  const others = line.reports
    .filter((r) => r.id !== line.counted!.id)
    .map((r) => {
      const entry = byId.get(r.id)!;
      return { ...base, status: `${DUPLICATE}`, entry, note: duplicateNote(entry, counting, byId) };
    });
  return [first, ...others];
}

function reportLine(
  entry: SummaryEntry,
  counting: Counting,
  byId: ReadonlyMap<string, SummaryEntry>,
  status?: BodyStatus | string,
): Omit<StatusLine, 'no'> {
  if (entry.error) return { unit: null, category: null, status: FAILED, entry, note: entry.error.zh };
  const counted = isCounted(counting, entry.id);
  const own = reportStatus(entryRef(entry), false);
  return {
    unit: entry.agency,
    category: null,
    status: counted ? (status ?? own) : DUPLICATE,
    entry,
    note: duplicateNote(entry, counting, byId),
  };
}

/** The rows of 报送情况, numbered: bodies (with a roster) or reports, then the rest. */
export function statusLines(entries: readonly SummaryEntry[], counting: Counting): StatusLine[] {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const year = counting.roster;
  const out: Omit<StatusLine, 'no'>[] = [];
  if (year) {
    for (const line of year.lines) out.push(...bodyLines(line, counting, byId));
    const inRoster = new Set(year.lines.flatMap((l) => l.reports.map((r) => r.id)));
    const unmatched = new Set(year.unmatched.map((r) => r.id));
    for (const e of entries) {
      if (inRoster.has(e.id)) continue;
      if (e.error) out.push(reportLine(e, counting, byId));
      else if (unmatched.has(e.id))
        out.push({ ...reportLine(e, counting, byId, NOT_IN_ROSTER), note: '名单中找不到此单位，请核对单位名称或补入名单' });
      else
        out.push({
          ...reportLine(e, counting, byId, OTHER_YEAR),
          note: `${e.year ?? '年度不明'}年度报告，不计入${year.year}年度`,
        });
    }
  } else {
    for (const e of entries) out.push(reportLine(e, counting, byId));
  }
  let no = 0;
  return out.map((l) => ({
    ...l,
    no: l.status.startsWith(DUPLICATE) && l.entry && !isCounted(counting, l.entry.id) ? null : ++no,
  }));
}
