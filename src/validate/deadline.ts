/**
 * PUBLISH_DEADLINE (条例第四十九条): a report is published by 31 January of the following year;
 * a county-level-or-higher 人民政府's own report (its name ends in 人民政府 and it is not a 乡/镇/
 * 街道) by 31 March. A report without a readable date is not judged.
 */
import { compactText } from '../text/normalise';
import type { Finding, Report } from '../report/types';
import { finding, ruleParams } from './catalogue';
import { chineseDate } from '../text/display';

interface DeadlineParams {
  readonly deadline: string;
  readonly governmentDeadline: string;
  readonly governmentSuffix: string;
  readonly notGovernmentBefore: readonly string[];
}

/** Whether the report is a county-level-or-higher people's government's own report. */
export function isGovernmentReport(agency: string | null, params = ruleParams<DeadlineParams>('PUBLISH_DEADLINE')): boolean {
  if (!agency) return false;
  const name = compactText(agency);
  if (!name.endsWith(params.governmentSuffix)) return false;
  const body = name.slice(0, -params.governmentSuffix.length);
  return body.length > 0 && !params.notGovernmentBefore.some((p) => body.endsWith(p));
}

export function deadlineFindings(report: Report): Finding[] {
  const params = ruleParams<DeadlineParams>('PUBLISH_DEADLINE');
  const { year, publishDate, agency } = report.meta;
  if (!year || !publishDate) return [];
  const government = isGovernmentReport(agency, params);
  const deadline = `${year + 1}-${government ? params.governmentDeadline : params.deadline}`;
  if (publishDate <= deadline) return [];
  const who = government ? '县级以上人民政府的年度报告' : '年度报告';
  return [
    finding(
      'PUBLISH_DEADLINE',
      `报告日期 ${chineseDate(publishDate)} 晚于法定时限：${who}应于 ${chineseDate(deadline)} 前公布（《政府信息公开条例》第四十九条）`,
      ['meta.publishDate'],
    ),
  ];
}
