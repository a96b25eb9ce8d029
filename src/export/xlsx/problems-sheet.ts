/**
 * 问题清单 of the summary: one finding per row in plain words — who, which file, how serious, what
 * is wrong and where, the way the printed table names it. A finding about many cells (blank cells
 * of a table) names the tables and how many cells, never every cell; corrections are listed as
 * 原报 X，更正为 Y. Field keys stay in a hidden column for programs.
 */
import { getFormat, isFormatVersion } from '../../formats/model';
import { CORRECTION_RULE, CORRECTION_TITLE, correctionFill } from './corrections';
import { placeText, ruleTitle, severityFill, severityLabel } from './findings';
import type { IssueLine } from './batch-sheets';
import type { ListColumn } from './list-sheet';

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
