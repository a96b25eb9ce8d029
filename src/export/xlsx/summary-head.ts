/** The words at the top of each printed summary sheet: its title and the 编制单位/日期 line. */
import { chineseDate } from '../../text/display';
import type { PrintHead } from './sheet-head';

export interface SummaryHeadOptions {
  /** The workbook's title, e.g. 某某县2024年度政府信息公开工作年度报告汇总表. */
  readonly title?: string;
  /** 编制单位. */
  readonly compiler?: string;
  /** 编制日期 as yyyy-mm-dd; today by default. */
  readonly date?: string;
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The title of the summary: as given, else from the year most reports are about. */
export function summaryTitle(options: SummaryHeadOptions, year: number | null): string {
  return options.title?.trim() || `${year ? `${year}年度` : ''}政府信息公开工作年度报告汇总表`;
}

/** A sheet's head: the summary's title (with the sheet's subject unless it is the totals), then who and when. */
export function sheetHead(
  options: SummaryHeadOptions,
  title: string,
  subject: string | null,
  extra: readonly string[] = [],
): PrintHead {
  const line = [
    `编制单位：${options.compiler?.trim() || '（未填写）'}`,
    `编制日期：${chineseDate(options.date ?? today())}`,
    ...extra,
  ];
  return { title: subject ? `${title}（${subject}）` : title, line: line.join('　　') };
}
