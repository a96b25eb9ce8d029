/**
 * 问题清单 of the summary: one finding per row in plain words — who, which file, how serious, what
 * is wrong and where, the way the printed table names it. A finding about many cells (blank cells
 * of a table) names the tables and how many cells, never every cell; corrections are listed as
 * 原报 X，更正为 Y. Field keys stay in a hidden column for programs.
 */
import { getFormat, isFormatVersion, type Format } from '../../formats/model';
import { CORRECTION_RULE, CORRECTION_TITLE, correctionFill } from './corrections';
import { ruleTitle, severityFill, severityLabel, whereText } from './findings';
import type { IssueLine } from './batch-sheets';
import type { ListColumn } from './list-sheet';
import { xlsxStyle } from './style';

/** More cells than this are counted per table instead of named one by one. */
const NAMED_CELLS = 3;

/** Where a finding is: the cells as printed, or per table how many cells. */
export function placeText(format: Format | undefined, keys: readonly string[]): string {
  if (!format || keys.length <= NAMED_CELLS) return whereText(format, keys);
  const byPart = new Map<string, number>();
  for (const k of keys) {
    const part = format.byKey.get(k)?.part;
    const no = format.spec.parts.find((p) => p.id === part)?.no;
    const name = no ? `${xlsxStyle().sheets.partPrefix}${no}` : '其他';
    byPart.set(name, (byPart.get(name) ?? 0) + 1);
  }
  return [...byPart].map(([name, n]) => `${name}共 ${n} 个单元格`).join('；');
}

const formatOf = (l: IssueLine) => (isFormatVersion(l.format) ? getFormat(l.format) : undefined);
const isCorrection = (l: IssueLine) => l.finding.rule === CORRECTION_RULE;

export const PROBLEM_COLUMNS: readonly ListColumn<IssueLine>[] = [
  { header: '序号', width: 6, value: (l) => l.no },
  { header: '单位', width: 22, value: (l) => l.agency, text: true },
  { header: '文件', width: 20, value: (l) => l.file, text: true },
  {
    header: '类别',
    width: 7,
    value: (l) => (isCorrection(l) ? '更正' : severityLabel(l.finding.severity)),
    fill: (l) => (isCorrection(l) ? correctionFill() : severityFill(l.finding.severity)),
  },
  { header: '问题', width: 20, value: (l) => (isCorrection(l) ? CORRECTION_TITLE : ruleTitle(l.finding.rule)), text: true },
  { header: '说明', width: 56, value: (l) => l.finding.message, text: true },
  { header: '位置', width: 26, value: (l) => placeText(formatOf(l), l.finding.fields), text: true },
  { header: '字段键', width: 20, value: (l) => l.finding.fields.join(', '), text: true, hidden: true },
];
