/** FORMAT_VERSION: a report uses the format of its year (the tables decided which one it uses). */
import { firstFormatYear, formatForYear, getFormat } from '../formats/model';
import type { FormatVersion } from '../formats/types';
import type { Finding, Report } from '../report/types';
import { finding } from './catalogue';

function describe(version: FormatVersion): string {
  return `${version}版格式（${getFormat(version).spec.notice}）`;
}

export function formatVersionFindings(report: Report): Finding[] {
  const { year, format } = report.meta;
  // Years before the first official format have no format of ours to compare with.
  if (year === null || year < firstFormatYear() || !report.tables.length) return [];
  const expected = formatForYear(year);
  if (expected === format) return [];
  return [
    finding('FORMAT_VERSION', `${year}年度报告应使用${describe(expected)}，本报告的表格是${describe(format)}`, [
      'meta.format',
      'meta.year',
    ]),
  ];
}
