/**
 * TITLE: the title reads {机关名称}{年度}年政府信息公开工作年度报告. A year in Chinese numerals
 * (二〇二〇年) is the same title; 年度工作报告 for 年度报告 is named as such.
 */
import { chineseNumber, compactText } from '../text/normalise';
import type { Finding, Report } from '../report/types';
import { finding, ruleParams } from './catalogue';

interface TitleParams {
  readonly pattern: string;
  readonly workReport: string;
}

function arabicYear(title: string): string {
  return title.replace(/[〇○零一二三四五六七八九]{4}(?=年)/g, (y) => String(chineseNumber(y) ?? y));
}

function expectedTitle(params: TitleParams, agency: string | null, year: number | null): string | null {
  if (!agency || !year) return null;
  return params.pattern.replace('{agency}', compactText(agency)).replace('{year}', String(year));
}

export function titleFindings(report: Report): Finding[] {
  const params = ruleParams<TitleParams>('TITLE');
  const { title, agency, year } = report.meta;
  const shape = params.pattern.replace('{agency}', '{机关名称}').replace('{year}', '{年度}');
  if (!title) return [finding('TITLE', `未找到报告标题，标题应为“${shape}”`, ['meta.title'])];
  const actual = arabicYear(compactText(title));
  const expected = expectedTitle(params, agency, year);
  if (expected === null) {
    return [finding('TITLE', `标题“${title}”中缺少机关名称或年度，应为“${shape}”`, ['meta.title'])];
  }
  if (actual === expected) return [];
  const standardSuffix = params.pattern.slice(params.pattern.lastIndexOf('}') + 1);
  const workSuffix = standardSuffix.replace(/年度报告$/, params.workReport);
  if (actual.endsWith(workSuffix) && actual.slice(0, -workSuffix.length) + standardSuffix === expected) {
    return [finding('TITLE', `标题“${title}”写作“${params.workReport}”，规范表述为“${expected}”`, ['meta.title'])];
  }
  return [finding('TITLE', `标题“${title}”与规范格式不一致，应为“${expected}”`, ['meta.title'])];
}
